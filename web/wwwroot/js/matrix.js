// The explore page's matrix: one dimension down, optionally one across, the measures in each cell, with the totals of
// each line, each column and the whole. The totals come from the server, aggregated again at their level (a rate's
// total is the rate of everything under it): nothing is added up here. Every number links to the rows behind it, but a
// count of 0, which has none.
'use strict';
/** Draws an /api/query/matrix answer into container. name(dimension, value): a value as the page names it;
 *  href(filters, earlier): the rows behind a number with these dimension values (earlier: behind its value in the
 *  period compared with), or null where there is no such page; a compared matrix's earlier values and changes come
 *  as further measures (role 'comparison' and 'change'): an earlier value links to its own rows, a change (the
 *  difference of two links beside it) to none and carries its sign; a share of a total (role 'share') links to none
 *  either (its rows are the value's, linked beside it) and does not order the lines;
 *  sort: {key, dir, onSort(key)}: the lines' order (the server's), whose headings (the rows' dimension and each
 *  measure's line total) are buttons; heat: shade each number by where it stands between its measure's smallest and
 *  largest (the colour scale of a spreadsheet's conditional formatting). */
QA.matrix = function (container, m, { name, href, sort, heat = false }) {
    const { t, el, format, label } = QA;
    const measures = m.measures;
    const down = m.rows_dimension.name;
    const across = m.columns_dimension;
    const several = measures.length > 1;
    // A group of columns per column value, then the line's total; without a dimension across, the measures alone.
    // A grade heads its line or column as it is shown everywhere: its badge.
    const shownValue = (dim, value) => (dim === 'grade' && value ? QA.gradeBadge(value) : name(dim, value));
    const groups = across
        ? [...m.column_values.map((value, index) => ({ index, value, label: shownValue(across.name, value) })), { total: true, label: t('matrix.total') }]
        : [{ total: true }];

    // The colour scale spans the numbers inside the matrix, each measure its own (a count and a rate do not share a
    // scale): the cells, or without a dimension across the lines; never the totals, which would flatten everything else.
    const inner = m.rows.flatMap(line => (across ? line.cells : [line.total]).filter(Boolean));
    const ranges = measures.map((_, k) => {
        const values = inner.map(v => v[k]).filter(v => typeof v === 'number');
        return values.length ? [Math.min(...values), Math.max(...values)] : null;
    });
    function shade(td, value, k) {
        const range = ranges[k];
        // A change is signed: one colour from the smallest to the largest would read a fall as "low", not as a fall.
        if (!heat || typeof value !== 'number' || !range || measures[k].role === 'change') return;
        const share = range[1] > range[0] ? (value - range[0]) / (range[1] - range[0]) : 1;
        // The palette's blue, from a tint to half strength: dark text stays well above 4.5:1 on the darkest.
        td.style.backgroundColor = `rgba(84, 112, 198, ${(0.06 + 0.44 * share).toFixed(3)})`;
        td.dataset.heat = share.toFixed(3);
    }

    // Each column value's group of measures starts with a rule, so that the pairs read as pairs.
    const classes = (group, first) => ['num', across && group.total ? 'total' : '', across && several && first ? 'group-start' : ''].filter(Boolean).join(' ');
    function number(value, measure, filters, group, first, shaded) {
        const td = el('td', {
            class: classes(group, first), 'data-measure': measure.name,
            'data-column': across && !group.total ? String(group.value ?? '') : null,
        });
        if (value === null || value === undefined) {
            td.textContent = '–';
            return td;
        }
        if (shaded) shade(td, value, measures.indexOf(measure));
        const shown = (measure.role === 'change' && value > 0 ? '+' : '') + format(value, measure.format);
        // A count of 0 counts no rows: a link would open an empty list (the number stays, as "–" stays no data).
        const link = measure.role === 'change' || measure.role === 'share' || QA.countsNothing(value, measure.format) ? null : href(filters, measure.role === 'comparison');
        td.append(link ? el('a', { href: link, title: t('matrix.cellRows', shown) }, shown) : document.createTextNode(shown));
        return td;
    }
    // inside: a line of the body (not the total line), whose cells (or, with nothing across, its values) are shaded.
    const cells = (line, filters, inside) => groups.flatMap(g => measures.map((measure, k) => {
        const values = g.total ? line.total : line.cells[g.index];
        return number(values?.[k] ?? null, measure, g.total ? filters : { ...filters, [across.name]: g.value }, g, k === 0, inside && (!across || !g.total));
    }));

    // A heading that orders the lines: a button, and aria-sort on the one they are ordered by.
    const heading = (attrs, text, key) => {
        attrs = { ...attrs, title: QA.note(measures.find(x => x.name === key) ?? {}) };
        if (!sort || measures.find(x => x.name === key)?.role === 'share') return el('th', attrs, text);
        const ordered = sort.key === key ? (sort.dir === 'desc' ? 'descending' : 'ascending') : null;
        return el('th', { ...attrs, 'data-sort': key, 'aria-sort': ordered }, el('button', { type: 'button', onclick: () => sort.onSort(key) }, text));
    };
    const top = el('tr', {}, heading({ scope: 'col', rowspan: across && several ? 2 : null }, label(m.rows_dimension), down),
        across
            ? groups.map(g => g.total && !several
                ? heading({ scope: 'col', class: classes(g, true) }, g.label, measures[0].name)
                : el('th', { scope: several ? 'colgroup' : 'col', colspan: several ? measures.length : null, class: several ? classes(g, true) + ' group' : classes(g, true) }, g.label))
            : measures.map(measure => heading({ scope: 'col', class: 'num' }, label(measure), measure.name)));
    const heads = [top];
    if (across && several) {
        heads.push(el('tr', {}, groups.flatMap(g => measures.map((measure, k) => g.total
            ? heading({ scope: 'col', class: classes(g, k === 0) }, label(measure), measure.name)
            : el('th', { scope: 'col', class: classes(g, k === 0), title: QA.note(measure) }, label(measure))))));
    }
    const body = el('tbody', {}, m.rows.map(line =>
        el('tr', { 'data-row': String(line.value ?? '') }, el('th', { scope: 'row' }, shownValue(down, line.value)), cells(line, { [down]: line.value }, true))));
    const foot = el('tfoot', {}, el('tr', { class: 'total' }, el('th', { scope: 'row' }, t('matrix.total')), cells(m.total, {}, false)));
    // The table's caption names it; what its numbers and totals are is said above it, where a narrow screen wraps it
    // (inside the scrolling table it ran off the side).
    const caption = across ? `${label(m.rows_dimension)} × ${label(across)}` : label(m.rows_dimension);
    container.replaceChildren(...(m.rows.length
        ? [el('p', { class: 'hint' }, t(across ? 'matrix.note' : 'matrix.noteRows'), heat ? (QA.lang === 'zh' ? '' : ' ') + t('matrix.heatNote') : ''),
            QA.scrollArea(el('table', { class: 'matrix' }, el('caption', { class: 'hint' }, el('span', {}, caption)), el('thead', {}, heads), body, foot), caption)]
        : [el('p', { class: 'empty' }, t('noData'))]));
};
