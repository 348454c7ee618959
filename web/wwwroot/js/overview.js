// Overview: KPI cards against their targets, grade distribution, ranking (click → the department), complaints by
// category (click → the complaint rows), the trend, the findings and the assessment table; one set of slicers
// (quarter range, department, channel, category, grade) filters every visual, and lives in the URL.
'use strict';
QA.busy((async function () {
    const { t, tn, el, state, setState, onState, query, format, draw, zoom, visual, table, queryColumns, busy, gradeName } = QA;
    const slicerBox = document.getElementById('slicers');
    const kpiBox = document.getElementById('kpis');
    const grid = document.getElementById('visuals');

    const ranking = visual(grid, { title: t('overview.ranking'), id: 'chart-ranking', span: 6, tall: true, note: t('overview.rankingHint') });
    const grades = visual(grid, { title: t('overview.grades'), id: 'chart-grades', span: 6, tall: true, note: t('overview.gradesHint') });
    const trend = visual(grid, { title: t('overview.trend'), id: 'chart-trend', span: 6 });
    const categories = visual(grid, { title: t('overview.categories'), id: 'chart-categories', span: 6, note: t('overview.categoriesHint') });
    const findings = visual(grid, { title: t('overview.findings'), id: 'findings', span: 12, chart: false, note: t('overview.findingsHint') });
    // The complaints behind the on-time cards' misses, every department the user may see (the report's list).
    const late = visual(grid, { title: t('department.late', ''), id: 'late-complaints', span: 12, chart: false });
    const assessments = visual(grid, { title: t('overview.table'), id: 'table-assessment', span: 12, chart: false });

    const depts = await QA.departments();
    const nameOf = code => depts.find(d => d.code === code)?.name ?? code;

    // The batches' notices, newest batch first. A load that changed approved quarters is a warning for the committee,
    // styled apart from routine quarantine notices; loads that changed the same approved quarters say so once
    // (第 3、2 批…), where each repeated the same sentence, opening the newest of them.
    function batchNotices(notices) {
        const groups = new Map();
        for (const b of notices.approved_changes.slice(0, 3)) {
            const key = b.quarters.join(',');
            if (groups.has(key)) groups.get(key).ids.push(b.batch_id);
            else groups.set(key, { ids: [b.batch_id], quarters: b.quarters });
        }
        const approved = [...groups.values()].map(g => {
            g.ids.sort((a, b) => b - a);
            const quarters = g.quarters.join(t('notice.separator'));
            const text = g.ids.length === 1 ? tn('notice.approved', g.quarters.length, g.ids[0], quarters)
                : tn('notice.approvedBatches', g.quarters.length, g.ids.join(t('notice.separator')), quarters);
            return { id: g.ids[0], warning: true, node: el('li', { 'data-notice': 'approved', class: 'notice-warning' },
                el('a', { href: QA.withQuery('/data', { batch: g.ids[0] }) }, text)) };
        });
        const routine = notices.batches.slice(0, 3).map(b => ({ id: b.batch_id, warning: false, node: el('li', { 'data-notice': 'batch' },
            el('a', { href: QA.withQuery('/data', { batch: b.batch_id }) }, t('notice.batch', b.batch_id, tn('notice.rows', b.quarantined, b.quarantined), tn('notice.files', b.rejected, b.rejected)))) }));
        // Newest first; of one batch, its warning before its routine notice.
        return [...approved, ...routine].sort((a, b) => b.id - a.id || b.warning - a.warning).map(n => n.node);
    }

    async function renderSlicers() {
        const { all, from, to } = await QA.quarterRange();
        const quarterOptions = all.map(q => ({ value: q }));
        QA.slicers(slicerBox, [
            { key: 'from', label: t('slicer.from'), options: quarterOptions, value: from },
            { key: 'to', label: t('slicer.to'), options: quarterOptions, value: to },
            { key: 'department', label: t('slicer.department'), options: await QA.departmentOptions(), all: true },
            { key: 'grade', label: t('slicer.grade'), options: await QA.valueOptions('grade'), all: true },
            { key: 'channel', label: t('slicer.channel'), options: await QA.valueOptions('channel'), all: true },
            { key: 'category', label: t('slicer.category'), options: await QA.valueOptions('category'), all: true },
        ]);
        return { all, from, to };
    }

    // caveat: what the reader must know to trust the number (e.g. deadlines counted without the year's holidays).
    // previous and yearAgo: the same measure a quarter before (环比) and in the same quarter a year before (同比).
    // label: the card's name when the policy words it (48 小时回复率); otherwise the resource's.
    // rowsHref: the rows page of what the card counts (the complaint cards: the quarter's complaints under the slicers).
    function kpi(name, value, fmt, previous, yearAgo, target, better, caveat, label, rowsHref) {
        const ok = target === null || value === null || value === undefined ? null : (better === 'higher' ? value >= target.value : value <= target.value);
        return el('article', { class: 'kpi ' + (ok === null ? '' : ok ? 'ok' : 'bad'), 'data-kpi': name },
            el('div', { class: 'name' }, label || t('kpi.' + name)),
            // A card over complaints opens the rows it counts (each with its reply and solution status).
            el('div', { class: 'value' }, rowsHref && value !== null && value !== undefined && !QA.countsNothing(value, fmt)
                ? el('a', { href: rowsHref, title: t('kpi.openRows') }, format(value, fmt)) : format(value, fmt)),
            el('div', { class: 'target' }, target ? t('kpi.target', target.text) + (ok === null ? '' : ' · ' + t(ok ? 'kpi.met' : 'kpi.missed')) : t('kpi.lowerBetter')),
            QA.kpiDelta(value, previous, fmt, better, 'quarter'),
            QA.kpiDelta(value, yearAgo, fmt, better, 'year'),
            caveat ? el('div', { class: 'caveat', role: 'note' }, caveat) : null);
    }

    async function render() {
        const { all, from, to } = await renderSlicers();
        const previous = QA.shiftQuarter(to, -1), yearAgo = QA.shiftQuarter(to, -4);
        document.getElementById('overview-quarter').textContent = t('overview.quarter', to);
        const filters = { department: state.department, channel: state.channel, category: state.category, grade: state.grade };
        const range = { ...filters, from, to };
        const quarterOnly = { ...filters, from: to, to: to };

        const [totals, service, gradeCounts, rank, cats, trendTotals, trendComplaints, detail, full, calendar, goal] = await Promise.all([
            query({ measures: ['total'], dimensions: ['quarter'], filters: { ...filters, from: yearAgo, to } }),
            query({ measures: ['satisfaction_rate', 'reply_on_time_rate', 'resolve_on_time_rate', 'complaints'], dimensions: ['quarter'], filters: { ...filters, from: yearAgo, to } }),
            query({ measures: ['excellent', 'passed', 'failed', 'withheld'], filters: quarterOnly }),
            query({ measures: ['total'], dimensions: ['department'], filters: quarterOnly, order: 'total desc' }),
            query({ measures: ['complaints', 'valid_complaints'], dimensions: ['category'], filters: range, order: 'complaints desc' }),
            query({ measures: ['total', 'self_check', 'survey', 'complaint_score'], dimensions: ['quarter'], filters: range }),
            query({ measures: ['complaints'], dimensions: ['quarter'], filters: range }),
            query({ measures: ['total', 'self_check', 'survey', 'complaint_score', 'callback_deduction', 'amount'], dimensions: ['department', 'grade'], filters: quarterOnly, order: 'total desc' }),
            QA.getOrNull('/api/assessments/' + encodeURIComponent(to)),
            QA.getOrNull('/api/calendar/' + encodeURIComponent(to)),
            QA.targets(to),
        ]);

        // 第五条: a provisional result (a component missing, the weights rescaled) is marked wherever it is shown, and a
        // department not assessed (未考核) stays in every list, so that nobody reads "no data" as "no problems".
        const standing = new Map((full?.assessments || []).map(a => [a.department, a.grade === 'withheld' ? 'withheld' : a.complete ? null : 'provisional']));
        const marked = (code, text) => standing.get(code) ? text + t(standing.get(code) === 'withheld' ? 'overview.markWithheld' : 'overview.markProvisional') : text;
        const provisional = (full?.assessments || []).filter(a => standing.get(a.department) === 'provisional' && (!state.department || a.department === state.department));

        // The ranking and the grades are of the range's last quarter, the trend and the categories of the whole range:
        // each says which, so that the quarter's complaint card and the range's category bars are not read as one period.
        const span = from === to ? to : `${from}–${to}`;
        ranking.setPeriod(to);
        grades.setPeriod(to);
        trend.setPeriod(span);
        categories.setPeriod(span);

        // KPI cards: this quarter against the target, and the change from the quarter before and from a year before.
        const at = (result, q, m) => result.records.find(r => r.quarter === q)?.[m] ?? null;
        // The complaints mart has no row for a quarter without complaints (under the slicers): that count is 0, not unknown.
        const count = (result, q, m) => at(result, q, m) ?? (all.includes(q) ? 0 : null);
        // The targets are the quarter's policy's (第十三条's pass mark, §7's service targets), not numbers of this page.
        const compliance = { value: goal.compliance_target, text: QA.targetPct(goal.compliance_target) };
        const quarterRows = QA.withQuery('/rows/complaints', { ...filters, grade: undefined, from: to, to: to });
        kpiBox.replaceChildren(
            kpi('total', at(totals, to, 'total'), '0.00', at(totals, previous, 'total'), at(totals, yearAgo, 'total'),
                goal.pass_at === null ? null : { value: goal.pass_at, text: format(goal.pass_at, '0.00') }, 'higher',
                provisional.length ? t('kpi.provisional', provisional.map(a => a.name).join(t('listSeparator'))) : null),
            kpi('satisfaction', at(service, to, 'satisfaction_rate'), '0.0%', at(service, previous, 'satisfaction_rate'), at(service, yearAgo, 'satisfaction_rate'),
                { value: goal.satisfaction_target, text: QA.targetPct(goal.satisfaction_target) }, 'higher', null, null, quarterRows),
            kpi('reply', at(service, to, 'reply_on_time_rate'), '0.0%', at(service, previous, 'reply_on_time_rate'), at(service, yearAgo, 'reply_on_time_rate'), compliance, 'higher',
                null, t('kpi.replyWithin', QA.plainNumber(goal.reply_hours)), quarterRows),
            kpi('resolve', at(service, to, 'resolve_on_time_rate'), '0.0%', at(service, previous, 'resolve_on_time_rate'), at(service, yearAgo, 'resolve_on_time_rate'), compliance, 'higher',
                calendar?.uncalendared_years?.length ? t('kpi.calendarMissing', calendar.uncalendared_years.join(', ')) : null,
                t('kpi.resolveWithin', goal.solution_working_days), quarterRows),
            kpi('complaints', count(service, to, 'complaints'), '0', count(service, previous, 'complaints'), count(service, yearAgo, 'complaints'), null, 'lower',
                null, null, quarterRows));
        // The on-time rates depend on when the quarter's open complaints are judged (README, "As of" for open complaints).
        const asOfNote = document.getElementById('kpis-as-of');
        asOfNote.textContent = calendar?.as_of ? t('overview.asOf', to, QA.wallTime(calendar.as_of),
            t('kpi.replyWithin', QA.plainNumber(goal.reply_hours)), t('kpi.resolveWithin', goal.solution_working_days)) : '';
        asOfNote.hidden = !calendar?.as_of;

        // Ranking: click a bar → that department's page with the same quarter range. A department without a total keeps
        // its line, at the bottom, with no bar (the engines order a NULL differently, so it is placed here).
        const rankRows = [...rank.records.filter(r => r.total !== null), ...rank.records.filter(r => r.total === null)].reverse();
        draw(ranking.body, {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
            legend: { show: false },
            grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
            // The axis starts at a round ten below the lowest total (66 made an odd first tick), never below 0.
            xAxis: { type: 'value', min: v => Number.isFinite(v.min) ? Math.max(0, Math.floor((v.min - 5) / 10) * 10) : 0, max: 100 },
            yAxis: { type: 'category', data: rankRows.map(r => marked(r.department, nameOf(r.department))) },
            series: [{
                // Green at or above the quarter's pass mark (第十三条), red below it; no mark, no colour verdict.
                type: 'bar', name: t('measure.total'), data: rankRows.map(r => ({ value: r.total, code: r.department,
                    itemStyle: goal.pass_at === null || r.total === null ? undefined : { color: r.total >= goal.pass_at ? '#1a7f37' : '#c62828' } })),
                label: { show: true, position: 'right', formatter: p => (p.value === null || p.value === undefined ? '' : format(p.value, '0.00')) },
                markLine: goal.pass_at === null ? undefined : QA.targetLine('xAxis', goal.pass_at, t('target') + ' ' + QA.plainNumber(goal.pass_at)),
            }],
        }, p => { if (p.data?.code) location.href = QA.withQuery('/department', { code: p.data.code, from, to }); });
        ranking.setExport('/api/query/export', rank.params);

        // Grade distribution of the quarter: click a slice → filter every visual by that grade.
        const g = gradeCounts.records[0] || {};
        const gradeData = [['excellent', g.excellent, '#1a7f37'], ['pass', g.passed, '#1f6feb'], ['fail', g.failed, '#c62828'], ['withheld', g.withheld, '#9a6700']]
            .map(([grade, value, color]) => ({ name: gradeName(grade), value: value ?? 0, grade, itemStyle: { color } }))
            .filter(d => d.value > 0);
        draw(grades.body, {
            tooltip: { trigger: 'item', confine: true },
            legend: { bottom: 0, type: 'scroll' },
            series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '46%'], data: gradeData, label: { formatter: '{b}: {c}' } }],
        }, p => setState({ grade: state.grade === p.data.grade ? '' : p.data.grade }));
        grades.setExport('/api/query/export', gradeCounts.params);

        // Trend of the average total and its components, and the complaints, over the range.
        const qs = trendTotals.records.map(r => r.quarter);
        const complaintsOf = q => QA.withQuery('/rows/complaints', { ...filters, grade: undefined, from: q, to: q });
        draw(trend.body, {
            xAxis: { type: 'category', data: qs },
            // Two scales on one chart: each axis says what it measures (the scores on the left, the complaints' count on the right).
            yAxis: [QA.valueAxis(t('axis.score'), 'left', { scale: true }), QA.valueAxis(t('axis.complaints'), 'right', { minInterval: 1, splitLine: { show: false } })],
            dataZoom: zoom(), grid: { left: 8, right: 16, top: 48, bottom: 32, containLabel: true },
            series: [
                ...['total', 'self_check', 'survey', 'complaint_score'].map(m => ({ type: 'line', name: t('measure.' + m), data: trendTotals.records.map(r => r[m]), smooth: false })),
                { type: 'bar', name: t('measure.complaints'), yAxisIndex: 1, data: qs.map(q => trendComplaints.records.find(r => r.quarter === q)?.complaints ?? 0), itemStyle: { opacity: .35 } },
            ],
        }, p => { if (p.seriesType === 'bar' && !QA.countsNothing(p.value, '0')) location.href = complaintsOf(p.name); });
        trend.setExport('/api/query/export', trendTotals.params);
        // Its data, with each quarter's complaint count a link to those complaints (as a click on the bar); a quarter of
        // none (under the slicers) has no rows to open: its 0 is plain.
        trend.setData([
            { name: 'quarter', label: t('slicer.quarter') },
            ...['total', 'self_check', 'survey', 'complaint_score'].map(m => ({ name: m, label: t('measure.' + m), num: true, format: '0.00' })),
            { name: 'complaints', label: t('measure.complaints'), num: true, render: (v, r) => (QA.countsNothing(v, '0') ? format(v, '0') : el('a', { href: complaintsOf(r.quarter) }, format(v, '0'))) },
        ], trendTotals.records.map(r => ({ ...r, complaints: trendComplaints.records.find(c => c.quarter === r.quarter)?.complaints ?? 0 })));

        // Complaints by category: click a bar → the complaint rows of that category with the same slicers.
        QA.categoryChart(categories, cats.records, cats.params, { from, to, department: state.department, channel: state.channel });

        // Findings: the analysis's ranked problems of the quarter (第十五条), each with its evidence; then the departments
        // that failed and those with incomplete data. The working group also sees its notices (quarantined rows, failed jobs).
        const scoped = (full?.assessments || []).filter(a => !state.department || a.department === state.department);
        const failing = scoped.filter(a => a.grade === 'fail');
        const incomplete = scoped.filter(a => !a.complete || (a.missing || []).length);
        const link = a => el('a', { href: QA.withQuery('/department', { code: a.department, from, to }) }, a.name);
        const ranked = ((await QA.getOrNull('/api/findings/' + to)) || [])
            .filter(f => !state.department || f.department === state.department || f.department === null);
        // Only the working group and the committee may read the notices: others do not ask (a 403 would be noise).
        const roles = (await QA.me())?.roles || [];
        const notices = roles.includes('working_group') || roles.includes('committee') ? await QA.get('/api/notices') : null;
        const zh = QA.lang === 'zh';
        // One clause reads as a sentence after the title; several (a declining department's total, each measure's trend,
        // the forecast, the chart's signals) as a list, one per line, where one long sentence was hard to read.
        // The link to the department (tail) ends the last line either way.
        const evidence = (clauses, tail) => (clauses.length > 1
            ? el('ul', { class: 'evidence' }, clauses.map((c, i) => el('li', {}, c, i === clauses.length - 1 ? tail : null)))
            : [el('span', { class: 'evidence' }, clauses.join('')), ...(tail || [])]);
        // replaceChildren writes a null as the text "null": leave out the notices when there are none (or none may be read).
        findings.body.replaceChildren(...[
            notices && (notices.batches.length || notices.failed_jobs.length || notices.approved_changes.length) ? el('ul', { class: 'findings notices', 'aria-label': t('notice.title') },
                batchNotices(notices), notices.failed_jobs.slice(0, 3).map(j => el('li', { 'data-notice': 'job' }, t('notice.job', j.job, j.reason || '')))) : null,
            el('ol', { class: 'findings ranked' }, ranked.slice(0, 10).map(f => el('li', { 'data-finding': f.kind },
                el('strong', {}, zh ? f.title_zh : f.title_en), ' ', evidence(zh ? f.evidence_zh_clauses : f.evidence_en_clauses,
                    // The arrow alone would be read as "right arrow": the link's name says which department's page it opens.
                    f.department ? [' ', el('a', { href: QA.withQuery('/department', { code: f.department, from, to }),
                        'aria-label': t('finding.open', f.department_name || nameOf(f.department)) }, '→')] : null)))),
            el('ul', { class: 'findings' },
                // The ranked findings already name each failing department; list them here only when the analysis has nothing.
                (ranked.length ? [] : failing).map(a => el('li', { 'data-finding': 'fail' }, link(a), ' ', t('finding.fail', format(a.total, '0.00'), format(a.amount, '#,0.00')))),
                incomplete.map(a => el('li', { 'data-finding': 'incomplete' }, link(a), ' ', t('finding.incomplete', (a.missing || []).map(m => t('measure.' + m)).join('、') || '–'))),
                !failing.length && !incomplete.length && !ranked.length ? el('li', {}, t('finding.none')) : null)].filter(Boolean));

        await QA.lateComplaints(late, to, { department: state.department, channel: state.channel, category: state.category },
            { hint: 'overview.lateHint', withDepartment: true });

        // The quarter's assessment as a table (same query as its export).
        const columns = queryColumns(detail).map(c => c.name === 'department'
            ? { ...c, render: v => el('a', { href: QA.withQuery('/department', { code: v, from, to }) }, `${nameOf(v)} (${v})`) }
            : c.name === 'total' ? { ...c, render: (v, r) => v === null ? '–' : marked(r[0], format(v, c.format)) }
            // A department not assessed has no money and no callback deduction decided: "–", not a 0.00 that reads as one.
            : ['amount', 'callback_deduction'].includes(c.name) ? { ...c, render: (v, r) => r[1] === 'withheld' ? '–' : format(v, c.format) } : c);
        table(assessments.body, columns, detail.rows, { caption: t('overview.tableCaption', to), rowClass: r => r[1] === 'fail' ? 'bad' : null });
        assessments.setExport('/api/query/export', detail.params);
    }

    const run = () => busy(render().catch(e => QA.showError(grid, e)));
    onState(run);
    run();
})());
