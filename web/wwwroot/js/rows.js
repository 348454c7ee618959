// The rows behind the numbers (complaints, checks and their deduction items, questionnaire answers, callbacks): server-side paging, sorting (click a
// header), search, slicers and the id filters that explanations link to; CSV/XLSX export with the same parameters.
'use strict';
QA.busy((async function () {
    const { t, el, state, setState, onState, format, table, busy, withQuery } = QA;
    const kind = document.getElementById('rows-card').dataset.kind;
    const slicerBox = document.getElementById('slicers');
    const search = document.getElementById('search');
    const searchText = document.getElementById('search-text');
    const chips = document.getElementById('chips');
    const exportsBox = document.getElementById('exports');
    const tableBox = document.getElementById('rows-table');
    const pager = document.getElementById('pager');
    const tallyBox = document.getElementById('tally');
    const extra = { complaints: ['channel', 'category', 'month', 'reply_status', 'solution_status'], checks: ['kind', 'month'], surveys: [], callbacks: [], deductions: ['kind', 'month'] }[kind];
    // What each row is there for, shown right after the column that names it (the id, which stays in view as the table
    // scrolls sideways): on a phone these are the values on screen, and at 1280 px they are no longer the ones cut off.
    // Only the page's order: the export keeps the server's columns in the server's order.
    const lead = { complaints: ['reply_status', 'solution_status', 'reply_due', 'solution_due'], checks: ['score', 'deductions'],
        surveys: ['question', 'score', 'scale'], callbacks: ['finding', 'deduction'], deductions: ['points', 'item'] }[kind];
    const shownOrder = column => (column.index === 0 ? -1 : lead.indexOf(column.name) >= 0 ? lead.indexOf(column.name) : lead.length + column.index);
    const idKeys = ['complaint_id', 'check_id', 'response_id', 'question', 'callback_id'];
    // A complaint's standing against a §7 deadline (TargetStatus), in the order a deadline runs.
    const statuses = ['on_time', 'late', 'overdue', 'pending'];

    search.addEventListener('submit', e => { e.preventDefault(); setState({ search: searchText.value.trim(), page: '' }); });

    // The control that had the keyboard's focus when the table or pager is drawn again (a sort header, a pager button,
    // the page size): the redraw replaces it, and focus would drop to the top of the page after every Enter.
    function focusedControl() {
        const active = document.activeElement;
        const th = active?.closest('#rows-table th[data-col]');
        if (th) return `#rows-table th[data-col="${th.dataset.col}"] button`;
        if (active?.closest('#pager')) return active.dataset.pager ? `#pager [data-pager="${active.dataset.pager}"]` : (active.id ? '#' + active.id : null);
        return null;
    }
    function refocus(selector) {
        if (!selector) return;
        // A pager button that became disabled (the last page reached) cannot hold focus: its neighbour takes it.
        const target = document.querySelector(selector);
        const usable = target && !target.disabled ? target : document.querySelector('#pager button:not([disabled])');
        usable?.focus();
    }

    async function render() {
        const focused = focusedControl();
        const all = await QA.quarters();
        // A range given backwards (from after to, picked in that order or typed in a link) would match no row at all:
        // it is read as the range it names, and the URL says so.
        if (state.from && state.to && state.from > state.to) setState({ from: state.to, to: state.from }, { silent: true });
        const quarterOptions = all.map(q => ({ value: q }));
        const defs = [
            { key: 'from', label: t('slicer.from'), options: quarterOptions, all: true, allLabel: t('slicer.anyQuarter'), clears: { page: '' } },
            { key: 'to', label: t('slicer.to'), options: quarterOptions, all: true, allLabel: t('slicer.anyQuarter'), clears: { page: '' } },
            { key: 'department', label: t('slicer.department'), options: await QA.departmentOptions(), all: true, clears: { page: '' } },
        ];
        for (const key of extra) {
            const options = key === 'month'
                ? QA.monthsOf(state.from || all[0], state.to || all[all.length - 1]).map(m => ({ value: m }))
                // §7's four statuses: a fixed list, not the data's values.
                : key.endsWith('_status') ? statuses.map(v => ({ value: v, label: QA.valueLabel(key, v) }))
                : await QA.valueOptions(key);
            defs.push({ key, label: t('slicer.' + key), options, all: true, clears: { page: '' } });
        }
        QA.slicers(slicerBox, defs);
        searchText.value = state.search || '';
        chips.replaceChildren(...idKeys.filter(k => state[k]).map(k => el('span', { class: 'chip', 'data-chip': k }, `${t('filter.' + k)}: ${state[k]}`,
            el('button', { type: 'button', 'aria-label': t('filter.remove', t('filter.' + k)), onclick: () => setState({ [k]: '', page: '' }) }, '×'))));

        const params = { ...state, page: state.page || 1, page_size: state.page_size || 50 };
        const exportParams = { ...state };
        delete exportParams.page; delete exportParams.page_size;
        // Complaints: how many of these rows stand how against each deadline, each tally under every slicer but its own
        // status's (so that it still shows the other statuses to switch to).
        const tallyOf = key => QA.get(`/api/rows/${kind}/counts`, { ...exportParams, sort: '', dir: '', [key]: '', by: key });
        const [data, replies, solutions] = await Promise.all([QA.get(`/api/rows/${kind}`, params),
            kind === 'complaints' ? tallyOf('reply_status') : null, kind === 'complaints' ? tallyOf('solution_status') : null]);
        tallyBox.hidden = !replies;
        if (replies) tallyBox.replaceChildren(tally('reply_status', replies), tally('solution_status', solutions));
        exportsBox.replaceChildren(...['csv', 'xlsx'].map(f => el('a', { class: 'button small', href: withQuery(`/api/rows/${kind}/export`, { ...exportParams, format: f }), download: '', 'data-export': f }, t('export.' + f))));
        document.getElementById('rows-total').textContent = QA.tn('rows.total', data.total, data.total.toLocaleString());

        const columns = data.columns.map((c, i) => ({
            name: c.name, index: i, label: QA.label(c), wrap: ['description', 'question_text', 'note', 'excluded_reason'].includes(c.name),
            num: ['score', 'direct_deduction', 'scale', 'deduction', 'points', 'deductions'].includes(c.name),
            format: ['score', 'direct_deduction', 'deduction', 'points'].includes(c.name) ? '0.00' : undefined,
            render: typeof data.rows[0]?.[i] === 'boolean' || ['valid', 'excluded'].includes(c.name) ? v => (v === null ? '–' : t(v ? 'yes' : 'no'))
                // A row without a department (a deduction whose check is not loaded) has no department page to open.
                : c.name === 'department' ? v => (v ? el('a', { href: withQuery('/department', { code: v, from: state.from, to: state.to }) }, v) : '–')
                // A check's deduction items, the rows behind its score (none: nothing to open).
                : c.name === 'deductions' ? (v, r) => (v ? el('a', { href: withQuery('/rows/deductions', { check_id: r[0] }) }, String(v)) : '0')
                : ['kind', 'channel', 'satisfaction', 'finding'].includes(c.name) ? v => QA.valueLabel(c.name, v)
                // A complaint loaded since the marts' last rebuild has no status yet: '–', not a guess.
                : c.name.endsWith('_status') ? v => (v ? el('span', { class: 'target-status ' + v }, QA.valueLabel(c.name, v)) : '–')
                : c.name.endsWith('_due') ? v => v ?? '–'
                // A survey answer's score and its question's full marks as given (5, 4.5), not 5.00: answers are points.
                : kind === 'surveys' && ['score', 'scale'].includes(c.name) ? v => (typeof v === 'number' ? QA.plainNumber(v) : '–')
                : ['received_at', 'replied_at', 'resolved_at'].includes(c.name) ? v => (v ? String(v).replace('T', ' ').slice(0, 16) : '–')
                : undefined,
        })).sort((a, b) => shownOrder(a) - shownOrder(b));
        table(tableBox, columns, data.rows, {
            caption: t('rows.caption', data.page, Math.max(1, Math.ceil(data.total / data.page_size))),
            sort: {
                key: state.sort || data.columns[0].name, dir: state.dir || (state.sort ? 'asc' : 'asc'),
                onSort: key => setState({ sort: key, dir: state.sort === key && state.dir !== 'desc' ? 'desc' : 'asc', page: '' }),
            },
        });
        const pages = Math.max(1, Math.ceil(data.total / data.page_size));
        const sizeSelect = el('select', { id: 'page-size', onchange: e => setState({ page_size: e.target.value, page: '' }) },
            [25, 50, 100, 200].map(n => el('option', { value: n, selected: n === data.page_size }, n)));
        pager.replaceChildren(
            el('button', { type: 'button', 'data-pager': 'previous', disabled: data.page <= 1, onclick: () => setState({ page: data.page - 1 }) }, t('pager.previous')),
            el('span', {}, t('pager.page', data.page, pages)),
            el('button', { type: 'button', 'data-pager': 'next', disabled: data.page >= pages, onclick: () => setState({ page: data.page + 1 }) }, t('pager.next')),
            el('label', { for: 'page-size', class: 'field' }, t('pager.size'), sizeSelect));
        refocus(focused);
    }

    /** One status's tally: each count narrows the rows to it (again: all), and the on-time rate the counts give, which is
     *  the rate the overview's card shows for the same slicers (on time over on time, late and overdue). */
    function tally(key, counts) {
        const n = v => counts.find(c => c.value === v)?.count ?? 0;
        const decided = n('on_time') + n('late') + n('overdue');
        const unjudged = n(null);
        // A count of 0 narrows to nothing: plain text, not a button that empties the list (unless it is the one
        // pressed, which must still let go).
        const parts = statuses.map(v => (n(v) === 0 && state[key] !== v
            ? el('span', { class: 'target-status ' + v, 'data-status': v }, `${QA.valueLabel(key, v)} 0`)
            : el('button', {
                type: 'button', class: 'link target-status ' + v, 'data-status': v, 'aria-pressed': String(state[key] === v),
                onclick: () => setState({ [key]: state[key] === v ? '' : v, page: '' }),
            }, `${QA.valueLabel(key, v)} ${n(v).toLocaleString()}`)));
        return el('p', { class: 'tally-line', 'data-tally': key }, el('strong', {}, t('slicer.' + key)),
            ...parts.flatMap((p, i) => (i ? [' · ', p] : [' ', p])),
            unjudged ? ' · ' + t('rows.unjudged', unjudged.toLocaleString()) : '',
            // The rate in one piece: on a phone "— 按时率" ended a line and its number began the next.
            decided ? [' ', el('span', { class: 'tally-rate' }, '— ' + t('rows.onTimeRate', format(n('on_time') / decided, '0.0%')))] : '');
    }

    const run = () => busy(render().catch(e => QA.showError(tableBox, e)));
    onState(run);
    run();
})());
