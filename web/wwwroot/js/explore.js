// Explore: the hand-built visual. Choose measures (of one mart), up to two dimensions, filters, and bar, line, table or
// matrix; everything is in the URL. Clicking a bar or point filters by that value (when the mart can be filtered by it);
// each line of the table and each number of the matrix opens the rows behind it. Any visual may be compared with the
// quarter before or a year before (对比); a matrix may set its counts beside their shares of a total (占比).
'use strict';
QA.busy((async function () {
    const { t, el, state, setState, onState, query, draw, zoom, visual, table, queryColumns, busy } = QA;
    const builder = document.getElementById('builder');
    const measuresBox = document.getElementById('measures');
    const slicerBox = document.getElementById('slicers');
    const grid = document.getElementById('visuals');
    const model = await QA.model();
    const out = visual(grid, { title: t('explore.visual'), id: 'chart-explore', span: 12, tall: true });
    const tableCard = visual(grid, { title: t('explore.table'), id: 'table-explore', span: 12, chart: false });
    const labelOf = x => QA.label(x);
    // ECharts 5's default colours, named here so that a group's measures can share one.
    const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
    const VISUALS = ['bar', 'line', 'table', 'matrix'];

    function chosen() {
        let measures = (state.measures || 'total').split(',').filter(m => model.measures.some(x => x.name === m));
        if (!measures.length) measures = ['total'];
        const mart = model.measures.find(m => m.name === measures[0]).mart;
        measures = measures.filter(m => model.measures.find(x => x.name === m).mart === mart);
        const dims = model.marts.find(m => m.name === mart).dimensions;
        const x = dims.includes(state.x ?? 'quarter') ? (state.x ?? 'quarter') : dims[0];
        const series = state.series && dims.includes(state.series) && state.series !== x ? state.series : '';
        return { measures, mart, dims, x, series, visualType: VISUALS.includes(state.visual) ? state.visual : 'bar' };
    }

    function renderBuilder(c) {
        // Measures grouped by mart; picking one of another mart starts a new selection (marts are queried separately).
        const groups = model.marts.map(mart => el('div', { class: 'measure-group' }, el('strong', {}, t('mart.' + mart.name)),
            ...model.measures.filter(m => m.mart === mart.name).map(m => el('label', { class: 'check', title: QA.note(m) },
                el('input', {
                    type: 'checkbox', value: m.name, 'data-measure': m.name, checked: c.measures.includes(m.name),
                    onchange: e => {
                        const next = e.target.checked ? (m.mart === c.mart ? [...c.measures, m.name] : [m.name]) : c.measures.filter(x => x !== m.name);
                        setState({ measures: (next.length ? next : [m.name]).join(',') });
                    },
                }), ' ', labelOf(m)))));
        measuresBox.replaceChildren(el('legend', {}, t('explore.measures')), ...groups);
        const dimOptions = c.dims.map(d => ({ value: d, label: labelOf(model.dimensions.find(x => x.name === d)) }));
        // A matrix's dimensions are its rows and its columns; a chart's its axis and its legend (the same two choices).
        const matrix = c.visualType === 'matrix';
        QA.slicers(builder, [
            { key: 'x', label: t(matrix ? 'explore.rows' : 'explore.x'), options: dimOptions, value: c.x },
            { key: 'series', label: t(matrix ? 'explore.columns' : 'explore.series'), options: dimOptions.filter(o => o.value !== c.x), all: true, allLabel: t('explore.none'), value: c.series },
            { key: 'visual', label: t('explore.type'), options: VISUALS.map(v => ({ value: v, label: t('explore.type.' + v) })), value: c.visualType },
            // A matrix may shade its numbers (a colour scale per measure); off unless asked, as in a spreadsheet.
            ...(matrix ? [{ key: 'heat', label: t('explore.heat'), options: [{ value: '', label: t('explore.heat.off') }, { value: '1', label: t('explore.heat.on') }], value: state.heat === '1' ? '1' : '' }] : []),
            // A matrix may set each count or sum beside its share of its column's, its line's or the grand total.
            ...(matrix ? [{ key: 'share', label: t('explore.share'), options: ['', 'column', 'row', 'grand'].map(v => ({ value: v, label: t('explore.share.' + (v || 'none')) })), value: sharing() }] : []),
            // Every visual may set each measure beside the quarter before or the same quarter a year before (by quarter each
            // line beside its earlier quarter; otherwise the whole range beside the range moved back).
            { key: 'compare', label: t('explore.compare'), options: ['', 'previous', 'year'].map(v => ({ value: v, label: t('explore.compare.' + (v || 'none')) })), value: comparing() },
        ], { reset: false });
    }

    async function render() {
        const c = chosen();
        renderBuilder(c);
        const { all, from, to } = await QA.quarterRange();
        const quarterOptions = all.map(q => ({ value: q }));
        const defs = [
            { key: 'from', label: t('slicer.from'), options: quarterOptions, value: from },
            { key: 'to', label: t('slicer.to'), options: quarterOptions, value: to },
        ];
        for (const d of c.dims.filter(d => ['department', 'grade', 'channel', 'category', 'kind'].includes(d))) {
            defs.push({ key: d, label: t('slicer.' + d), options: d === 'department' ? await QA.departmentOptions() : await QA.valueOptions(d), all: true });
        }
        QA.slicers(slicerBox, defs);

        const filters = { from, to };
        for (const d of c.dims) if (state[d]) filters[d] = state[d];
        // Departments by name on the axis, in the legend and in the matrix (the table keeps the code, as exported); other values as shown everywhere.
        const depts = await QA.departments();
        const name = (dim, v) => dim === 'department' ? depts.find(d => d.code === v)?.name ?? v : QA.valueLabel(dim, v);
        const compare = comparing();
        // The rows behind a number, or behind its earlier value (the same filters over the quarters moved back).
        const rowsBehind = (values, earlier) => drillHref(c.mart, earlier ? movedBack({ ...filters, ...values }, compare) : { ...filters, ...values });
        out.card.hidden = c.visualType === 'table' || c.visualType === 'matrix';
        // What an earlier value is when no line is a quarter of its own: the whole range moved back, said above the numbers.
        const byQuarter = [c.x, c.series].some(d => d === 'quarter' || d === 'month');
        const range = compare && !byQuarter ? movedBack({ from, to }, compare) : null;
        const span = (a, b) => a === b ? a : `${a}–${b}`;
        // An earlier range reaching before the first quarter with data compares part of a period with the whole of one: said.
        const missing = range && range.from < all[0] ? span(range.from, range.to < all[0] ? range.to : QA.shiftQuarter(all[0], -1)) : null;
        const rangeNote = range ? t('explore.compareRange', span(range.from, range.to)) + (missing ? (QA.lang === 'zh' ? '' : ' ') + t('explore.compareMissing', missing) : '') : '';
        // What an empty earlier value means, per kind of measure (the server decides it so, for the export too).
        const absentNote = compare ? t('explore.compareAbsent') : '';
        (out.card.hidden ? tableCard : out).setNotice([rangeNote, absentNote].filter(Boolean).join(QA.lang === 'zh' ? '' : ' '));
        (out.card.hidden ? out : tableCard).setNotice('');
        // Compared, each measure's earlier value and change are columns to order by too, numbers like the measures.
        const numbers = [...c.measures, ...(compare ? c.measures.flatMap(m => [m + '_earlier', m + '_change']) : [])];
        if (c.visualType === 'matrix') {
            const { order, sort } = ordering([c.x, ...numbers], numbers);
            const params = { measures: c.measures, rows: c.x, columns: c.series || undefined, order, compare: compare || undefined, share: sharing() || undefined, ...filters };
            QA.matrix(tableCard.body, await QA.get('/api/query/matrix', params), { name, href: rowsBehind, sort, heat: state.heat === '1' });
            tableCard.setExport('/api/query/matrix/export', params);
            return;
        }
        const dims = c.series ? [c.x, c.series] : [c.x];
        const { order, sort } = ordering([...dims, ...numbers], numbers);
        const result = await query({ measures: c.measures, dimensions: dims, filters, order, limit: 5000, compare: compare || undefined });
        out.setExport('/api/query/export', result.params);
        tableCard.setExport('/api/query/export', result.params);
        const drill = { name: 'rows_behind', label: t('explore.drill'), render: (v, r) => {
            const href = rowsBehind(Object.fromEntries(dims.map((d, i) => [d, r[i]])));
            // On a phone the link is an arrow (its name stays the words), so that the column held at the right edge
            // leaves the line's numbers on screen: the words took the width the first measure needed.
            return href ? el('a', { href, class: 'drill', 'aria-label': t('explore.drillLink'), title: t('explore.drillLink') },
                el('span', { class: 'drill-text' }, t('explore.drillLink')), el('span', { class: 'drill-icon', 'aria-hidden': 'true' }, '→')) : '–';
        } };
        table(tableCard.body, [...queryColumns(result), { ...drill, sortable: false }], result.rows, { sort });

        if (c.visualType === 'table') return;
        const xs = [...new Set(result.records.map(r => r[c.x]))];
        let series;
        if (c.series) {
            const groups = [...new Set(result.records.map(r => r[c.series]))];
            // Every chosen measure is drawn for every group ("电话 · 投诉数"); with one measure the group's name alone. A group
            // keeps one colour (ECharts' own palette) and its second measure is paler (bars) or dashed (lines), so that the
            // pairs read as pairs instead of the palette wrapping round to unrelated groups.
            const several = c.measures.length > 1;
            series = groups.flatMap((g, gi) => c.measures.map((m, mi) => ({
                type: c.visualType, connectNulls: true, dim: c.series, dimValue: g,
                ...(several ? { color: PALETTE[gi % PALETTE.length], itemStyle: { opacity: mi === 0 ? 1 : 0.5 }, lineStyle: { type: mi === 0 ? 'solid' : 'dashed' } } : {}),
                name: several ? `${name(c.series, g)} · ${labelOf(result.columns.find(x => x.name === m))}` : `${name(c.series, g)}`,
                data: xs.map(x => result.records.find(r => r[c.x] === x && r[c.series] === g)?.[m] ?? null),
            })));
        } else {
            series = c.measures.map((m, i) => ({
                type: c.visualType, name: labelOf(result.columns.find(x => x.name === m)), data: result.records.map(r => r[m]),
                ...(compare ? { color: PALETTE[i % PALETTE.length] } : {}),
            }));
            // Compared with an earlier quarter: each measure's earlier values beside it in its colour, paler (bars) or
            // dashed (lines), as a group's second measure is drawn. Grouped by a second dimension the chart would hold
            // twice its groups; the table has the comparison there.
            if (compare) {
                series.push(...c.measures.map((m, i) => ({
                    type: c.visualType, name: labelOf(result.columns.find(x => x.name === m + '_earlier')), data: result.records.map(r => r[m + '_earlier']),
                    color: PALETTE[i % PALETTE.length], itemStyle: { opacity: 0.45 }, lineStyle: { type: 'dashed' }, connectNulls: true,
                })));
            }
        }
        draw(out.body, {
            tooltip: { trigger: 'axis', confine: true, axisPointer: { type: c.visualType === 'bar' ? 'shadow' : 'line' } },
            xAxis: { type: 'category', data: xs.map(x => name(c.x, x)), axisLabel: { rotate: xs.length > 8 ? 30 : 0 } },
            yAxis: { type: 'value', scale: c.visualType === 'line' },
            dataZoom: zoom(), grid: { left: 8, right: 24, top: 48, bottom: 36, containLabel: true },
            series,
        }, p => {
            // Cross-filter: the clicked category (and series value) become filters when the mart allows them.
            const patch = {};
            const xValue = xs[p.dataIndex];
            if (c.x === 'quarter') { patch.from = xValue; patch.to = xValue; } else if (c.x !== 'month') patch[c.x] = state[c.x] === xValue ? '' : xValue;
            const s = series[p.seriesIndex];
            if (s?.dim && s.dim !== 'month' && s.dim !== 'quarter') patch[s.dim] = s.dimValue;
            setState(patch);
        });
    }

    /** The matrix's shares asked for: 'column', 'row', 'grand' or '' for none. */
    function sharing() {
        return ['column', 'row', 'grand'].includes(state.share) ? state.share : '';
    }

    /** The comparison asked for: 'previous', 'year' or '' for none. */
    function comparing() {
        return ['previous', 'year'].includes(state.compare) ? state.compare : '';
    }

    /** Filters over the quarters a comparison looks back to: the range, a quarter and a month moved back a quarter (or a
     *  year), as the server moves them. */
    function movedBack(filters, compare) {
        const quarters = compare === 'year' ? 4 : 1;
        const moved = { ...filters };
        for (const key of ['from', 'to', 'quarter']) if (moved[key]) moved[key] = QA.shiftQuarter(moved[key], -quarters);
        if (moved.month) {
            const [y, m] = moved.month.split('-').map(Number);
            const index = y * 12 + m - 1 - 3 * quarters;
            moved.month = `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, '0')}`;
        }
        return moved;
    }

    /** The order the URL asks for (order=complaints desc), when it names a column the visual has (a stale one, left by
     *  a measure since unticked, is ignored), for the query and the export; and the table's sort, whose header click
     *  orders by that column: a measure biggest first, a dimension in its own order, a second click the other way. The
     *  chart follows the table's order. */
    function ordering(keys, measures) {
        const [asked, dir] = (state.order || '').split(' ');
        const valid = keys.includes(asked);
        const key = valid ? asked : keys[0]; // unasked, the lines come in the first dimension's order
        const descending = valid && dir === 'desc';
        return {
            order: valid ? (descending ? key + ' desc' : key) : undefined,
            sort: {
                key, dir: descending ? 'desc' : 'asc',
                onSort: k => setState({ order: k === key ? (descending ? k : k + ' desc') : (measures.includes(k) ? k + ' desc' : k) }),
            },
        };
    }

    /** The rows page behind a number of the mart with these dimension values and slicers (a quarter narrows the range
     *  to itself): complaints and checks have rows pages; an assessment is a department's quarter, its department page.
     *  Null where no page holds those rows (assessments not narrowed to one department). */
    function drillHref(mart, values) {
        const params = { ...values };
        if (values.quarter) { params.from = values.quarter; params.to = values.quarter; delete params.quarter; }
        if (mart === 'complaints' || mart === 'checks') return QA.withQuery('/rows/' + mart, params);
        if (mart === 'assessment' && params.department) return QA.withQuery('/department', { code: params.department, from: params.from, to: params.to });
        return null;
    }

    const run = () => busy(render().catch(e => QA.showError(grid, e)));
    onState(run);
    run();
})());
