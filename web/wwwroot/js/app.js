// QualityAnalytics: what every page shares. API calls, page state in the URL, slicers, visuals (ECharts) with
// exports, tables, the explanation dialog. UI text comes from the page (#qa-strings, rendered from the .resx files).
'use strict';
(function () {
    const strings = JSON.parse(document.getElementById('qa-strings')?.textContent || '{}');
    const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
    const FONT = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
    // Browser tests drive the page through webdriver: charts then draw at once, so assertions never meet a half-drawn chart.
    const animate = navigator.webdriver !== true;

    /** A UI string by key; {0}, {1}… are replaced by the arguments. */
    function t(key, ...args) {
        const text = strings[key] ?? key;
        return text.replace(/\{(\d+)\}/g, (_, i) => String(args[+i] ?? ''));
    }
    /** A UI string about a count n: the key's ".one" form when n is 1 (English "1 row quarantined", where the key's own
     *  says "rows"; Chinese has no plural, its ".one" is the same text), otherwise the key's own. */
    const tn = (key, n, ...args) => t(n === 1 && (key + '.one') in strings ? key + '.one' : key, ...args);
    /** A UI string whose {0}, {1}… are nodes (a badge inside a sentence): the words around them stay the resource's. */
    const tNodes = (key, ...args) => (strings[key] ?? key).split(/\{(\d+)\}/).map((part, i) => (i % 2 ? args[+part] ?? '' : part));
    /** The UI string of key, or the fallback when the resources have none (e.g. a status the API added later). */
    const tOr = (key, fallback) => (key in strings ? t(key) : fallback);
    const label = c => (lang === 'zh' ? c.label_zh : c.label_en) || c.name;
    /** What a label leaves out, for its tooltip (a late count's deadlines when the quarters' policy versions differ). */
    const note = c => (lang === 'zh' ? c.note_zh : c.note_en) || null;
    const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

    function el(tag, attrs, ...children) {
        const node = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
            if (v === undefined || v === null || v === false) continue;
            if (k === 'class') node.className = v;
            else if (k === 'text') node.textContent = v;
            else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
            else node.setAttribute(k, v === true ? '' : v);
        }
        for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
        return node;
    }

    // ---- API -------------------------------------------------------------------------------------------------
    function qs(params) {
        const u = new URLSearchParams();
        for (const [k, v] of Object.entries(params || {})) {
            if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
            u.set(k, Array.isArray(v) ? v.join(',') : String(v));
        }
        return u.toString();
    }
    const withQuery = (path, params) => { const q = qs(params); return q ? `${path}?${q}` : path; };
    class ApiError extends Error { constructor(status, message) { super(message); this.status = status; } }
    async function failure(response) {
        let message = response.statusText;
        try { const body = await response.json(); message = body.detail || body.title || message; } catch { /* not JSON */ }
        if (response.status === 401) { location.href = '/login?ReturnUrl=' + encodeURIComponent(location.pathname + location.search); }
        return new ApiError(response.status, message || String(response.status));
    }
    async function get(path, params) {
        const response = await fetch(withQuery(path, params), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) throw await failure(response);
        return response.json();
    }
    async function getOrNull(path, params) {
        try { return await get(path, params); } catch (e) { if (e.status === 404) return null; throw e; }
    }
    async function send(method, path, body) {
        const response = await fetch(path, {
            method, credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf() },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw await failure(response);
        return response.status === 204 ? null : response.json();
    }

    // ---- Cached reference data -------------------------------------------------------------------------------
    const cache = {};
    const once = (key, load) => (cache[key] ??= load());
    const model = () => once('model', () => get('/api/model'));
    const quarters = () => once('quarters', () => get('/api/quarters'));
    const departments = () => once('departments', () => get('/api/departments'));
    const options = dim => once('options:' + dim, () => get('/api/options/' + dim));
    const me = () => once('me', () => get('/api/me'));
    async function departmentName(code) {
        const d = (await departments()).find(x => x.code === code);
        return d ? d.name : code;
    }

    /** Runs /api/query. Filters the measures' mart does not carry are left out (an assessment has no channel), so one
     *  set of slicers can be handed to every visual. Returns the params actually sent (for the export) and the rows
     *  as objects keyed by column name. */
    async function query({ measures, dimensions = [], filters = {}, order, limit, compare }) {
        const m = await model();
        const measure = m.measures.find(x => x.name === measures[0]);
        const mart = m.marts.find(x => x.name === measure.mart);
        const params = { measures, dimensions, order, limit, compare };
        for (const [k, v] of Object.entries(filters)) {
            if (v === undefined || v === null || v === '') continue;
            if (k === 'from' || k === 'to' || mart.dimensions.includes(k)) params[k] = v;
        }
        const result = await get('/api/query', params);
        const records = result.rows.map(r => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i]])));
        return { params, columns: result.columns, rows: result.rows, records };
    }

    // ---- Numbers ---------------------------------------------------------------------------------------------
    const locale = lang === 'zh' ? 'zh-CN' : 'en';
    function format(value, fmt) {
        if (value === null || value === undefined || value === '') return '–';
        if (typeof value !== 'number') return String(value);
        if (fmt && fmt.includes('%')) return minus((value * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + '%');
        // '0.00' → 2 decimals; '0', '#,0' → none; no format → 2.
        const decimals = fmt && fmt.includes('.') ? fmt.split('.')[1].length : (fmt && /^[#,0]+$/.test(fmt) ? 0 : 2);
        return minus(value.toLocaleString(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: !!fmt && fmt.includes(',') }));
    }
    // A negative number is written with the minus sign (−), as the report, the explanations and the cards' changes
    // write it; toLocaleString gives the hyphen (and "-0.00" for a small negative, shown unsigned). Exports are made by
    // the server and keep numbers as numbers.
    const minus = text => (!text.startsWith('-') ? text : /[1-9]/.test(text) ? '\u2212' + text.slice(1) : text.slice(1));
    /** Whether a number is a count (format '0', a whole number) of nothing: 0 rows, so no drill-down opens anything (a
     *  link would open an empty list). A sum or an average of 0.00 still has rows behind it; "–" is no data. */
    const countsNothing = (value, fmt) => fmt === '0' && value === 0;
    /** A number as the policy writes it: 24, 95, 97.5 (no trailing zeros, no grouping). */
    const plainNumber = v => v.toLocaleString(locale, { maximumFractionDigits: 2, useGrouping: false });
    /** A target share as the policy writes it: 85%, 100%, 97.5% (no trailing .0). */
    const targetPct = v => (v * 100).toLocaleString(locale, { maximumFractionDigits: 1, useGrouping: false }) + '%';
    /** The targets a quarter is judged by (/api/targets: the policy version in force for it), so that no page draws
     *  95 or 85% of its own; a quarter's targets do not change while the page is open. */
    const targetsCache = new Map();
    function targets(quarter) {
        if (!targetsCache.has(quarter)) targetsCache.set(quarter, get('/api/targets/' + encodeURIComponent(quarter)));
        return targetsCache.get(quarter);
    }
    const gradeName = g => (g ? t('grade.' + g) : '–');
    /** A grade as a small badge, one colour per grade (site.css, .grade-badge), the same wherever a grade is shown. The word
     *  stays in it: the colour only repeats what the word says (a reader who tells no red from green, a printout). */
    const gradeBadge = g => (g ? el('span', { class: 'grade-badge grade-' + g, 'data-grade': g }, gradeName(g)) : '–');
    /** A dimension's value as shown: grades, check kinds, callback findings and the contract's fixed channels and
     *  satisfaction levels (stored as satisfied / neutral / dissatisfied, none / incomplete / mismatch) in the page's
     *  language; data (departments' and customers' names, categories) as stored. */
    const valueLabel = (dim, v) => dim === 'grade' ? gradeName(v) : dim === 'kind' ? t('kind.' + v)
        : dim === 'finding' ? tOr('callbackFinding.' + v, v)
        : dim === 'reply_status' || dim === 'solution_status' ? tOr('targetStatus.' + v, v ?? '–')
        : dim === 'channel' || dim === 'satisfaction' ? tOr(dim + '.' + v, v) : v;
    // Every date-time on the pages is written one way, 2026-07-08 08:30, in both languages: the tables, the footer
    // (BusinessTime.ToMinute) and `qa batches` already did, while toLocaleString gave 2026/7/8 08:30:00 in Chinese and
    // 7/8/2026, 08:30:00 in English, which a Chinese reader takes for 7 August. No seconds: no page needs them.
    const shanghai = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    /** An instant (a load, an approval, a note, a report) in Asia/Shanghai, the business's clock, whatever the viewer's
     *  machine is set to: the same wall time as the report and `qa batches` print. */
    function dateTime(v) {
        if (!v) return '–';
        const at = new Date(v);
        if (Number.isNaN(at.getTime())) return '–';
        const part = Object.fromEntries(shanghai.formatToParts(at).map(p => [p.type, p.value]));
        return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
    }
    /** A business wall time (Asia/Shanghai, sent without an offset as the warehouse keeps it, e.g. a quarter's as-of
     *  moment), written as dateTime() writes an instant. Not dateTime() itself: a string without an offset would be read
     *  in the viewer's zone and shifted. */
    function wallTime(v) {
        const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v || '');
        return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}` : '–';
    }

    // ---- Quarters --------------------------------------------------------------------------------------------
    function shiftQuarter(q, n) {
        const m = /^(\d{4})Q([1-4])$/.exec(q || '');
        if (!m) return q;
        const index = Number(m[1]) * 4 + Number(m[2]) - 1 + n;
        return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
    }
    function monthsOf(from, to) {
        const months = [];
        for (let q = from; q && q <= to; q = shiftQuarter(q, 1)) {
            const [y, n] = [q.slice(0, 4), Number(q.slice(5))];
            for (let i = 1; i <= 3; i++) months.push(`${y}-${String((n - 1) * 3 + i).padStart(2, '0')}`);
        }
        return months;
    }

    // ---- Page state in the URL --------------------------------------------------------------------------------
    // One object for the page's life (the pages hold it): Back and Forward refill it in place.
    const state = {};
    const readUrl = () => {
        for (const k of Object.keys(state)) delete state[k];
        Object.assign(state, Object.fromEntries(new URLSearchParams(location.search)));
        delete state.lang;
    };
    readUrl();
    const listeners = [];
    /** Writes the state to the URL: a user's change (push) as a new history entry, so that the browser's Back returns to
     *  the view before it, as a BI tool's does; the page's own corrections (a stale filter dropped, a range put in order)
     *  replace the entry they correct, so that Back never lands on a view the page would correct again. */
    function writeUrl(push = false) {
        const q = qs(state);
        const url = location.pathname + (q ? '?' + q : '');
        if (push && url !== location.pathname + location.search) history.pushState(null, '', url);
        else history.replaceState(null, '', url);
        const switcher = document.querySelector('.account .lang');
        if (switcher) switcher.href = '?' + qs({ ...state, lang: switcher.dataset.lang });
    }
    /** Changes the page state (null or '' removes a key), writes it to the URL so the view can be bookmarked and
     *  shared, and tells the page to redraw. A silent change is the page's own correction: no redraw, no history entry. */
    function setState(patch, { silent = false } = {}) {
        for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') delete state[k]; else state[k] = String(v);
        }
        writeUrl(!silent);
        if (!silent) for (const f of listeners) f(state);
    }
    const onState = f => listeners.push(f);
    // Back and Forward between the entries setState pushed: the page is drawn again from the URL it returns to, as a
    // page load with that URL draws it.
    window.addEventListener('popstate', () => {
        readUrl();
        writeUrl();
        for (const f of listeners) f(state);
    });

    /** The quarter range with defaults: the latest quarter and the seven before it. */
    async function quarterRange() {
        const all = await quarters();
        const last = all[all.length - 1];
        const to = all.includes(state.to) ? state.to : last;
        const from = all.includes(state.from) && state.from <= to ? state.from : (all.find(q => q >= shiftQuarter(to, -7)) ?? all[0]);
        return { all, from, to };
    }

    // ---- Busy marker (tests wait for it) ---------------------------------------------------------------------
    let pending = 0;
    let renders = 0;
    function busy(promise) {
        pending++;
        document.body.dataset.loading = 'true';
        return Promise.resolve(promise).finally(() => {
            pending--;
            if (pending === 0) { renders++; document.body.dataset.loading = 'false'; document.body.dataset.renders = String(renders); }
        });
    }

    // ---- Slicers ---------------------------------------------------------------------------------------------
    /** Renders labelled selects bound to state keys. defs: [{key, label, options:[{value,label}], all: bool, value}] */
    function slicers(container, defs, { reset = true } = {}) {
        // A filter in the URL that no option shows (another department's code in a link a manager opened, a month outside
        // the range) would still filter every query while its select says "all": drop it, so the data is what the slicers say.
        const stale = defs.filter(d => d.all && d.value === undefined && state[d.key] && !d.options.some(o => String(o.value) === state[d.key]));
        if (stale.length) setState(Object.fromEntries(stale.map(d => [d.key, ''])), { silent: true });
        // The labels are part of it: explore names its two dimensions rows and columns for a matrix, axis and legend for a chart.
        const signature = defs.map(d => d.key + ':' + d.options.length + ':' + d.label).join('|');
        if (container.dataset.signature === signature) {
            // Same slicers: only follow the state (keeps keyboard focus where it was).
            for (const def of defs) {
                const select = container.querySelector(`[data-slicer="${def.key}"]`);
                select.value = def.value ?? state[def.key] ?? '';
                if (select.selectedIndex < 0) select.value = '';
            }
            return;
        }
        container.dataset.signature = signature;
        container.replaceChildren();
        container.classList.add('slicers');
        container.setAttribute('role', 'search');
        container.setAttribute('aria-label', t('slicers'));
        for (const def of defs) {
            const id = 'slicer-' + def.key;
            const select = el('select', { id, name: def.key, 'data-slicer': def.key });
            if (def.all) select.append(el('option', { value: '' }, def.allLabel || t('all')));
            for (const o of def.options) select.append(el('option', { value: o.value }, o.label ?? o.value));
            select.value = def.value ?? state[def.key] ?? '';
            if (select.selectedIndex < 0) select.value = '';
            select.addEventListener('change', () => setState({ [def.key]: select.value, ...(def.clears || {}) }));
            container.append(el('label', { for: id }, def.label, select));
        }
        if (reset) {
            const keys = defs.filter(d => d.all).map(d => d.key);
            container.append(el('button', { type: 'button', class: 'small', onclick: () => setState(Object.fromEntries(keys.map(k => [k, '']))) }, t('clearFilters')));
        }
    }
    async function departmentOptions() {
        return (await departments()).map(d => ({ value: d.code, label: `${d.name} (${d.code})` }));
    }
    async function valueOptions(dim) {
        return (await options(dim)).map(v => ({ value: v, label: valueLabel(dim, v) }));
    }

    // ---- Visuals -------------------------------------------------------------------------------------------------
    /** A card with a title, export buttons and a body; returns {card, body, setExport(path, params)}. */
    function visual(container, { title, id, span = 6, chart = true, tall = false, note }) {
        const exportsBox = el('div', { class: 'visual-tools' });
        // A chart is an image to a screen reader: its name is the title until draw() adds what it shows (see there).
        const body = chart ? el('div', { class: 'chart' + (tall ? ' tall' : ''), id, role: 'img', 'aria-label': title, 'data-title': title }) : el('div', { id });
        const notice = el('p', { class: 'hint notice', hidden: true }); // a note the data decides (setNotice)
        const card = el('section', { class: `card visual span-${span}`, 'aria-label': title },
            el('div', { class: 'visual-head' }, el('h2', {}, title), exportsBox), note ? el('p', { class: 'hint' }, note) : null, notice, body);
        container.append(card);
        let data = null; // the chart's data, folded under it (setData)
        return {
            card, body,
            setNotice(text) { notice.textContent = text || ''; notice.hidden = !text; },
            /** The period the visual covers, beside its title: a page's visuals may cover a quarter or the whole range. */
            setPeriod(text) {
                const h2 = card.querySelector('h2');
                const span = h2.querySelector('.period') || h2.appendChild(el('span', { class: 'period' }));
                span.textContent = text;
            },
            /** The chart's data as a table folded under it: a keyboard's and a screen reader's way to the numbers and,
             *  through links in the table, to the rows a click on the chart opens (a canvas takes no focus). The fold
             *  keeps the card as it looks; columns as table()'s; null removes it (the chart shows nothing). */
            setData(columns, rows) {
                if (!columns) { data?.remove(); data = null; return; }
                if (!data) {
                    data = el('details', { class: 'chart-data', 'data-data-of': id }, el('summary', {}, t('chart.data')), el('div'));
                    card.append(data);
                }
                table(data.lastElementChild, columns, rows, { caption: t('chart.dataCaption', title) });
            },
            setExport(path, params) {
                exportsBox.replaceChildren(...['csv', 'xlsx'].map(f =>
                    el('a', { class: 'button small', href: withQuery(path, { ...params, format: f }), download: '', 'data-export': f }, t('export.' + f))));
            },
        };
    }

    function baseOption() {
        return {
            animation: animate,
            textStyle: { fontFamily: FONT },
            tooltip: { trigger: 'axis', confine: true },
            grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
            // Plain, not 'scroll': a scrolled legend pages its series away on a phone ("1/3"), leaving lines nobody can
            // name. It wraps instead, and fitLegend makes room for its lines.
            legend: { type: 'plain', top: 0 },
        };
    }
    // ECharts' legend: 25 px symbol, 5 px to the text, 10 px between items and between lines, 5 px padding, 12 px text.
    const LEGEND = { symbol: 30, gap: 10, line: 24, padding: 5, font: 12 };
    let measureCanvas;
    /** How many lines a top legend takes at this width, laid out as ECharts lays out a plain horizontal one (an item
     *  that does not fit starts a new line). */
    function legendLines(names, width) {
        measureCanvas ??= document.createElement('canvas').getContext('2d');
        measureCanvas.font = `${LEGEND.font}px ${FONT}`;
        let lines = 1, x = 0;
        for (const name of names) {
            const w = LEGEND.symbol + measureCanvas.measureText(name).width;
            if (x > 0 && x + w > width) { lines++; x = 0; }
            x += w + LEGEND.gap;
        }
        return lines;
    }
    /** Room for a wrapped top legend and for named value axes: the plot moves down by the legend's extra lines (and by a
     *  line for the axes' names, which sit above the plot), and the chart grows by as much, so the plot keeps its height
     *  on a phone however many series the legend names. */
    function fitLegend(node, option) {
        node.style.height = '';
        const legend = option.legend;
        const names = legend?.show === false || legend?.bottom !== undefined ? []
            : [...new Set([option.series || []].flat().flatMap(s => (s.type === 'pie' ? (s.data || []).map(d => d.name) : [s.name])).filter(Boolean))];
        const extra = names.length && node.clientWidth > 0 ? (legendLines(names, node.clientWidth - 2 * LEGEND.padding) - 1) * LEGEND.line : 0;
        const named = [option.yAxis].flat().some(a => a?.name);
        const grid = option.grid || baseOption().grid;
        if (!Array.isArray(grid)) option.grid = { ...grid, top: (grid.top ?? 36) + extra + (named ? 18 : 0) };
        if (extra > 0) node.style.height = node.clientHeight + extra + 'px';
        node.dataset.legendLines = String(names.length ? extra / LEGEND.line + 1 : 0);
    }
    const SUMMARY_POINTS = 24; // 8 quarters' months
    const TIME_LABEL = /^\d{4}(Q[1-4]|-\d{2})$/; // a quarter (2026Q3) or a month (2026-09)
    /** What a chart shows, in words, for its aria-label: the canvas says nothing to a screen reader, and a title alone
     *  does not say what is in it. "Title. Series: category value, …; Series: …", values as the tooltip shows them (a
     *  rate as a percentage; otherwise counts whole, scores to 2 decimals), at most 24 points a series: over quarters or
     *  months the latest 24 (what matters now is the end of a time series), otherwise the first 24 (categories come
     *  biggest first). Left out: helper series that have no tooltip (the forecast
     *  band's stacked edges), points without a value. ECharts' own aria label was tried: it reads category indices,
     *  NaN for gaps and unrounded floats, in English-like Chinese. */
    function chartSummary(title, option) {
        const axes = [option.xAxis, option.yAxis].flat().filter(Boolean);
        const categories = axes.find(a => a.type === 'category')?.data || [];
        const timeAxis = categories.length > 0 && categories.every(c => TIME_LABEL.test(String(c)));
        const shown = option.tooltip?.valueFormatter
            || (v => v.toLocaleString(locale, { minimumFractionDigits: Number.isInteger(v) ? 0 : 2, maximumFractionDigits: 2, useGrouping: false }));
        const parts = [];
        for (const series of [option.series || []].flat()) {
            if (series.tooltip?.show === false) continue;
            const points = (series.data || []).map((d, i) => {
                const value = d !== null && typeof d === 'object' ? d.value : d;
                const name = d?.name ?? categories[i];
                return typeof value === 'number' && Number.isFinite(value) ? t('chart.point', name ?? '', shown(value)).trim() : null;
            }).filter(Boolean);
            if (!points.length) continue;
            const list = points.length <= SUMMARY_POINTS ? points.join(t('chart.pointSeparator'))
                : timeAxis ? t('chart.latest', SUMMARY_POINTS, points.length, points.slice(-SUMMARY_POINTS).join(t('chart.pointSeparator')))
                : points.slice(0, SUMMARY_POINTS).join(t('chart.pointSeparator')) + t('chart.more', points.length - SUMMARY_POINTS);
            // A pie's one series has no name of its own: its slices are named.
            parts.push(series.name ? t('chart.series', series.name, list) : list);
        }
        return parts.length ? t('chart.summary', title, parts.join(t('chart.seriesSeparator'))) : title;
    }
    /** Draws (or redraws) a chart; clicks call onClick(params). */
    function draw(node, option, onClick) {
        let chart = echarts.getInstanceByDom(node);
        if (!chart) {
            chart = echarts.init(node, null, { renderer: 'canvas' });
            // A new width (a phone turned, a window resized) may wrap the legend onto more or fewer lines: fitted again.
            // Its own height change keeps the width, so this does not loop.
            let width = node.clientWidth;
            new ResizeObserver(() => {
                if (node.clientWidth !== width && node.qaOption) {
                    width = node.clientWidth;
                    const fitted = { ...node.qaOption };
                    fitLegend(node, fitted);
                    chart.setOption({ grid: fitted.grid });
                }
                chart.resize();
            }).observe(node);
        }
        chart.off('click');
        if (onClick) chart.on('click', onClick);
        const full = { ...baseOption(), ...option };
        node.qaOption = { ...full };
        fitLegend(node, full);
        chart.setOption(full, true);
        if (node.dataset.title) node.setAttribute('aria-label', chartSummary(node.dataset.title, option));
        node.dataset.drawn = String(Number(node.dataset.drawn || 0) + 1);
        return chart;
    }
    /** A dashed target line with its label inside the plot (so it is never cut off at the edge). */
    // A vertical line (a value on the x axis, the ranking's) is labelled above the plot, where no bar is: along the line
    // its label ran over the top bar. A horizontal one is labelled inside its right end, above the line.
    const targetLine = (axis, value, text) => ({
        symbol: 'none', silent: true, data: [{ [axis]: value }], lineStyle: { color: '#9a6700', type: 'dashed' },
        // On a white ground: a data line that crosses the label (the service targets') no longer strikes through its words.
        label: { formatter: text, position: axis === 'xAxis' ? 'end' : 'insideEndTop', color: '#9a6700', backgroundColor: 'rgba(255, 255, 255, .85)', padding: [1, 3] },
    });
    /** A value axis named with its unit above it ("得分（分）"), the left one's name to the left and the right one's to the
     *  right so that neither runs off the chart. */
    const valueAxis = (name, side, extra) => ({ type: 'value', name, nameTextStyle: { color: '#5f6b7a', align: side === 'right' ? 'right' : 'left' }, ...extra });
    const zoom = () => [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 4 }];
    // An emptied chart shows nothing: its name goes back to the title, not the summary of the data it no longer shows.
    const emptyChart = node => { const c = echarts.getInstanceByDom(node); if (c) c.clear(); if (node.dataset.title) node.setAttribute('aria-label', node.dataset.title); };

    // ---- Tables ----------------------------------------------------------------------------------------------
    /** columns: [{name, label, format, num, wrap, render(value,row)}]; rows: arrays or objects.
     *  sort: {key, dir, onSort(key)} makes the headers buttons; rowClass(row) and rowAttrs(row) style and mark a row
     *  (the one selected: aria-current). */
    function table(container, columns, rows, { sort, caption, rowClass, rowAttrs } = {}) {
        const head = el('tr', {}, columns.map(c => {
            const th = el('th', { scope: 'col', 'data-col': c.name, class: c.num ? 'num' : null, title: c.note });
            if (sort && c.sortable !== false) {
                if (sort.key === c.name) th.setAttribute('aria-sort', sort.dir === 'desc' ? 'descending' : 'ascending');
                th.append(el('button', { type: 'button', onclick: () => sort.onSort(c.name) }, c.label));
            } else th.textContent = c.label;
            return th;
        }));
        const body = el('tbody');
        rows.forEach((r, i) => {
            const tr = el('tr', { class: rowClass ? rowClass(r) : null, ...(rowAttrs ? rowAttrs(r) : {}) });
            columns.forEach((c, j) => {
                const value = Array.isArray(r) ? r[c.index ?? j] : r[c.name];
                const td = el('td', { 'data-col': c.name, class: [c.num ? 'num' : '', c.wrap ? 'wrap' : ''].join(' ').trim() || null });
                const shown = c.render ? c.render(value, r, i) : format(value, c.format);
                td.append(shown instanceof Node ? shown : document.createTextNode(shown ?? '–'));
                tr.append(td);
            });
            body.append(tr);
        });
        const tableNode = el('table', {}, caption ? el('caption', { class: 'hint' }, el('span', {}, caption)) : null, el('thead', {}, head), body);
        container.replaceChildren(rows.length ? scrollArea(tableNode, caption || t('table')) : el('p', { class: 'empty' }, t('noData')));
    }
    /** A table that scrolls sideways inside its card, as a BI tool's does (never the page): the first column, the one
     *  that names each line, stays in place (CSS), and a shade at an edge says there is more that way (the frame's
     *  more-left / more-right, kept up to date as it scrolls and resizes). The caption is held to the visible width
     *  (--visible-width), so a long one wraps where it can be read instead of running off with the table. */
    function scrollArea(tableNode, name) {
        const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': name }, tableNode);
        const frame = el('div', { class: 'table-frame' }, wrap);
        const update = () => {
            const hidden = wrap.scrollWidth - wrap.clientWidth;
            frame.classList.toggle('more-left', wrap.scrollLeft > 1);
            frame.classList.toggle('more-right', hidden - wrap.scrollLeft > 1);
            frame.style.setProperty('--visible-width', wrap.clientWidth + 'px');
        };
        wrap.addEventListener('scroll', update, { passive: true });
        new ResizeObserver(update).observe(wrap);
        return frame;
    }
    /** Columns of an /api/query result for table(). */
    // A comparison's columns (compare=previous|year: each measure's earlier value and its change) are numbers too, and
    // the query can be ordered by them (the biggest rises first); a change carries its sign (+3, −1.2%).
    const queryColumns = result => result.columns.map((c, i) => ({
        name: c.name, index: i, label: label(c), note: note(c), format: c.format, num: c.role !== 'dimension',
        render: c.name === 'grade' ? gradeBadge : ['kind', 'channel'].includes(c.name) ? v => valueLabel(c.name, v)
            : c.role === 'change' ? v => (typeof v === 'number' ? (v > 0 ? '+' : '') + format(v, c.format) : '–') : undefined,
    }));

    // ---- Explanation dialog -----------------------------------------------------------------------------------
    // Which rows page shows a source id: by the component that cites it (S checks, V questionnaires, C complaints);
    // the total cites them all again. Callback records (K) have no rows page yet.
    const componentRows = { S: ['checks', 'check_id'], V: ['surveys', 'response_id'], C: ['complaints', 'complaint_id'], K: ['callbacks', 'callback_id'] };
    function rowsOfIds(explanation) {
        const map = new Map();
        for (const line of explanation) {
            const kind = componentRows[line.component];
            if (kind) for (const id of line.source_ids || []) map.set(id, kind);
        }
        return map;
    }
    async function explain(quarter, department, focus) {
        let dialog = document.getElementById('explain-dialog');
        if (!dialog) {
            dialog = el('dialog', { id: 'explain-dialog', 'aria-labelledby': 'explain-title' },
                el('header', {}, el('h2', { id: 'explain-title' }), el('button', { type: 'button', class: 'small', onclick: () => dialog.close() }, t('close'))),
                el('div', { class: 'dialog-body' }));
            document.body.append(dialog);
        }
        const bodyNode = dialog.querySelector('.dialog-body');
        dialog.querySelector('h2').textContent = t('explain.title', await departmentName(department), quarter);
        bodyNode.replaceChildren(el('p', { class: 'muted' }, t('loading')));
        if (!dialog.open) dialog.showModal();
        const data = await busy(getOrNull(`/api/assessments/${encodeURIComponent(quarter)}/${encodeURIComponent(department)}/explain`));
        if (!data) { bodyNode.replaceChildren(el('p', {}, t('noData'))); return; }
        const kinds = rowsOfIds(data.explanation);
        const lines = focus ? data.explanation.filter(l => focus.includes(l.component)) : data.explanation;
        const list = el('ol', { class: 'explanation' }, (lines.length ? lines : data.explanation).map(l => {
            const ids = l.source_ids || [];
            return el('li', { 'data-component': l.component },
                el('strong', {}, t('component.' + l.component)), el('code', {}, l.formula),
                ids.length ? el('div', { class: 'ids' }, el('span', { class: 'muted' }, t('explain.rows', ids.length)),
                    ids.map(id => {
                        const kind = kinds.get(id);
                        return kind ? el('a', { href: withQuery('/rows/' + kind[0], { [kind[1]]: id }) }, id) : el('span', {}, id);
                    })) : null);
        }));
        bodyNode.replaceChildren(list, el('p', { class: 'hint' }, t('explain.batches', (data.source_batches || []).join(', '))));
    }

    // The complaints that missed a service target (the report's list) of a quarter under the page's slicers, in a visual
    // of the overview (with their departments) or of a department's page; each id opens its complaint row. Times as the
    // report prints them: Asia/Shanghai wall time, the deadline as the API words it (dueText: a solution's as its day's 24:00).
    const wallMinute = v => (v ? String(v).replace('T', ' ').slice(0, 16) : '–');
    async function lateComplaints(box, quarter, params, { hint, withDepartment = false }) {
        box.card.querySelector('h2').textContent = t('department.late', quarter);
        const path = `/api/analysis/${encodeURIComponent(quarter)}/late`;
        const [rows, depts] = await Promise.all([get(path, params), departments()]);
        const nameOf = code => depts.find(d => d.code === code)?.name ?? code;
        if (rows.length) {
            table(box.body, [
                { name: 'complaintId', label: t('late.complaint'), render: v => el('a', { href: withQuery('/rows/complaints', { complaint_id: v }) }, v) },
                ...(withDepartment ? [{ name: 'departmentCode', label: t('slicer.department'),
                    render: v => el('a', { href: withQuery('/department', { code: v, to: quarter }) }, `${nameOf(v)} (${v})`) }] : []),
                { name: 'target', label: t('late.target'), render: v => t('late.target.' + v) },
                { name: 'channel', label: t('slicer.channel'), render: v => (v ? valueLabel('channel', v) : '–') },
                { name: 'category', label: t('slicer.category') },
                { name: 'receivedAt', label: t('late.received'), render: wallMinute },
                { name: 'dueText', label: t('late.due') },
                { name: 'doneAt', label: t('late.done'), render: wallMinute },
                { name: 'status', label: t('late.status'), render: v => t('targetStatus.' + v) },
            ], rows, { caption: t(hint, quarter), rowClass: r => (r.status === 'overdue' ? 'bad' : null) });
        } else box.body.replaceChildren(el('p', { class: 'empty' }, t('department.lateNone', quarter)));
        box.setExport(path + '/export', params);
    }

    // Complaints by category (the overview and a department's page): all and valid complaints per category, biggest
    // first as the query orders them; a click on a bar, or on the category in the chart's data table, opens that
    // category's complaint rows under the page's slicers.
    function categoryChart(visualBox, records, params, rowFilters) {
        const rowsOf = category => withQuery('/rows/complaints', { ...rowFilters, category });
        draw(visualBox.body, {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
            xAxis: { type: 'category', data: records.map(r => r.category), axisLabel: { interval: 0, rotate: records.length > 4 ? 30 : 0 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
                { type: 'bar', name: t('measure.complaints'), data: records.map(r => r.complaints) },
                { type: 'bar', name: t('measure.valid_complaints'), data: records.map(r => r.valid_complaints) },
            ],
        }, p => { location.href = rowsOf(p.name); });
        visualBox.setExport('/api/query/export', params);
        visualBox.setData([
            { name: 'category', label: t('slicer.category'), render: v => el('a', { href: rowsOf(v) }, v) },
            { name: 'complaints', label: t('measure.complaints'), num: true, format: '0' },
            { name: 'valid_complaints', label: t('measure.valid_complaints'), num: true, format: '0' },
        ], records);
    }

    /** A KPI card's change against an earlier quarter ("较上季度 +1.20"): against is 'quarter' (环比) or 'year' (同比),
     *  better 'higher' or 'lower' colours it (a fall of a deduction is good news); a rate's change is in percentage
     *  points (80.0% → 92.3% is +12.3 points, not +12.3%); without an earlier value, says there is none; without a
     *  value (a department not assessed), nothing. */
    function kpiDelta(value, before, fmt, better, against) {
        if (value === null || value === undefined) return null;
        const diff = value !== null && value !== undefined && before !== null && before !== undefined ? value - before : null;
        const good = diff === null || diff === 0 ? null : (better === 'lower' ? diff < 0 : diff > 0);
        const size = fmt.includes('%') ? t('kpi.points', format(Math.abs(diff) * 100, '0.0')) : format(Math.abs(diff), fmt);
        const [changeKey, noneKey] = against === 'year' ? ['kpi.changeYear', 'kpi.noYearAgo'] : ['kpi.change', 'kpi.noPrevious'];
        return el('div', { class: 'delta ' + (good === null ? '' : good ? 'up' : 'down'), 'data-delta': against },
            diff === null ? t(noneKey) : t(changeKey, (diff > 0 ? '+' : diff < 0 ? '−' : '±') + size));
    }

    function explainButton(quarter, department, focus, what) {
        return el('button', { type: 'button', class: 'explain', 'aria-label': t('explain.button', what), title: t('explain.button', what), onclick: () => explain(quarter, department, focus) }, '?');
    }

    function showError(container, error) {
        container.prepend(el('p', { class: 'error', role: 'alert' }, t('error', error.message || String(error))));
    }

    // Phone navigation.
    document.querySelector('.menu-toggle')?.addEventListener('click', e => {
        const nav = document.getElementById('main-nav');
        const open = nav.classList.toggle('open');
        e.currentTarget.setAttribute('aria-expanded', String(open));
    });
    // File pickers in the page's language: the native input's button and "No file chosen" are the browser's words, so
    // the input is drawn by the label beside it (.file-pick) and this line says what was chosen.
    for (const input of document.querySelectorAll('.file-pick input[type=file]')) {
        const chosen = document.getElementById(input.getAttribute('aria-describedby'));
        input.addEventListener('change', () => {
            const names = [...input.files].map(f => f.name);
            chosen.textContent = names.length === 0 ? chosen.dataset.none
                : names.length === 1 ? names[0] : t('file.many', names.length, names.join(t('listSeparator')));
        });
    }
    writeUrl();
    // Pages without scripts (or whose scripts finished at once) are settled when the document is.
    document.addEventListener('DOMContentLoaded', () => { if (pending === 0) document.body.dataset.loading = 'false'; });

    window.QA = {
        t, tn, tNodes, tOr, lang, label, note, el, qs, withQuery, get, getOrNull, send, csrf, model, quarters, departments, options, me, departmentName,
        query, format, countsNothing, plainNumber, targetPct, targets, lateComplaints, gradeName, gradeBadge, valueLabel, dateTime, wallTime, shiftQuarter, monthsOf, state, setState, onState, quarterRange, busy, slicers, departmentOptions,
        valueOptions, visual, draw, categoryChart, kpiDelta, zoom, valueAxis, targetLine, emptyChart, table, scrollArea, queryColumns, explain, explainButton, showError, FONT, ApiError,
    };
})();
