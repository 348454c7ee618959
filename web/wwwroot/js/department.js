// One department over time: the total and its components (8 quarters), the breakdown of one quarter with the
// explanation of every number, the service targets, complaints by category and the monthly self vs spot checks.
// Slicers: department, quarter range, channel, category; clicking a point picks the quarter (q) of the breakdown.
'use strict';
QA.busy((async function () {
    const { t, el, state, setState, onState, query, format, draw, zoom, visual, table, busy, explainButton } = QA;
    const slicerBox = document.getElementById('slicers');
    const summary = document.getElementById('summary');
    const grid = document.getElementById('visuals');

    const trend = visual(grid, { title: t('department.trend'), id: 'chart-trend', span: 8, note: t('department.trendHint') });
    const breakdown = visual(grid, { title: t('department.breakdown'), id: 'breakdown', span: 4, chart: false });
    const service = visual(grid, { title: t('department.service'), id: 'chart-service', span: 6 });
    // When the open complaints behind the on-time rates are judged (README, "As of" for open complaints), as the report says.
    const serviceAsOf = el('p', { class: 'hint as-of', id: 'service-as-of', hidden: true });
    // What "on time" means under the policy (its deadlines and targets), since the lines' names do not say the hours.
    const serviceTerms = el('p', { class: 'hint', id: 'service-terms' });
    service.card.insertBefore(serviceTerms, service.body);
    service.card.insertBefore(serviceAsOf, service.body);
    const categories = visual(grid, { title: t('department.categories'), id: 'chart-categories', span: 6, note: t('overview.categoriesHint') });
    // The complaints behind the on-time rates' misses: the report's list of the range's last quarter, under the slicers.
    const late = visual(grid, { title: t('department.late', ''), id: 'late-complaints', span: 12, chart: false });
    const checks = visual(grid, { title: t('department.checks'), id: 'chart-checks', span: 12, note: t('department.checksHint') });
    const control = visual(grid, { title: t('department.control'), id: 'chart-control', span: 12, note: t('department.controlHint') });

    const depts = await QA.departments();

    async function render() {
        const { all, from, to } = await QA.quarterRange();
        const code = depts.some(d => d.code === state.code) ? state.code : depts[0]?.code;
        if (!code) { grid.replaceChildren(el('p', { class: 'empty' }, t('noData'))); return; }
        // A code the user may not see (or that does not exist) is replaced in the URL by the department shown.
        if (state.code && state.code !== code) setState({ code }, { silent: true });
        const quarter = all.includes(state.q) && state.q >= from && state.q <= to ? state.q : to;
        const dept = depts.find(d => d.code === code);
        document.getElementById('department-title').textContent = `${dept.name} (${dept.code})`;
        document.getElementById('department-manager').textContent = dept.manager ? t('department.manager', dept.manager) : '';
        const quarterOptions = all.map(q => ({ value: q }));
        QA.slicers(slicerBox, [
            { key: 'code', label: t('slicer.department'), options: await QA.departmentOptions(), value: code, clears: { q: '' } },
            { key: 'from', label: t('slicer.from'), options: quarterOptions, value: from },
            { key: 'to', label: t('slicer.to'), options: quarterOptions, value: to },
            { key: 'q', label: t('slicer.quarter'), options: quarterOptions.filter(o => o.value >= from && o.value <= to), value: quarter },
            { key: 'channel', label: t('slicer.channel'), options: await QA.valueOptions('channel'), all: true },
            { key: 'category', label: t('slicer.category'), options: await QA.valueOptions('category'), all: true },
        ]);

        const filters = { department: code, channel: state.channel, category: state.category };
        const range = { ...filters, from, to };
        // The quarter before and the same quarter a year before, for each card's 环比 and 同比 (as the overview's cards).
        const [previousQ, yearAgoQ] = [QA.shiftQuarter(quarter, -1), QA.shiftQuarter(quarter, -4)];
        const [scores, targets, cats, monthly, assessment, previous, yearAgo] = await Promise.all([
            query({ measures: ['total', 'self_check', 'survey', 'complaint_score', 'callback_deduction'], dimensions: ['quarter'], filters: range }),
            query({ measures: ['satisfaction_rate', 'reply_on_time_rate', 'resolve_on_time_rate', 'complaints'], dimensions: ['quarter'], filters: range }),
            query({ measures: ['complaints', 'valid_complaints'], dimensions: ['category'], filters: range, order: 'complaints desc' }),
            query({ measures: ['check_score', 'checks'], dimensions: ['month', 'kind'], filters: range }),
            QA.getOrNull('/api/assessments/' + encodeURIComponent(quarter)),
            all.includes(previousQ) ? QA.getOrNull('/api/assessments/' + encodeURIComponent(previousQ)) : null,
            all.includes(yearAgoQ) ? QA.getOrNull('/api/assessments/' + encodeURIComponent(yearAgoQ)) : null,
        ]);
        // The analysis of the range's last quarter: the total's forecast band and the self-check control chart.
        // `from`: the moment each quarter of the range has its open complaints judged at (quarters_as_of).
        const analysis = await QA.getOrNull(QA.withQuery(`/api/analysis/${encodeURIComponent(to)}/departments/${encodeURIComponent(code)}`, { from }));
        // The range's last quarter's targets (its policy version's pass mark and §7 targets) for the target lines.
        const goal = await QA.targets(to);
        const totalTrend = analysis?.trends?.metrics?.find(m => m.metric === 'total');
        const forecast = totalTrend?.forecast;

        // The selected quarter's numbers, each with its explanation.
        const mine = answer => (answer?.assessments || []).find(x => x.department === code);
        const [a, before, yearBefore] = [mine(assessment), mine(previous), mine(yearAgo)];
        // field: the assessment's field; better: which way is good news (a callback deduction falling is).
        const card = (key, field, fmt, focus, extra, better = 'higher') => el('article', { class: 'kpi', 'data-kpi': key },
            el('div', { class: 'name' }, t('measure.' + key), ' ', a ? explainButton(quarter, code, focus, t('measure.' + key)) : null),
            el('div', { class: 'value' }, a[field] === undefined ? '–' : format(a[field], fmt)), extra ? el('div', { class: 'target' }, extra) : null,
            QA.kpiDelta(a[field], before?.[field], fmt, better, 'quarter'), QA.kpiDelta(a[field], yearBefore?.[field], fmt, better, 'year'));
        summary.replaceChildren(...(a
            ? [card('total', 'total', '0.00', null, [QA.gradeBadge(a.grade), ` · ${t('department.rank', a.rank ?? '–')} · ${quarter}`]),
               card('amount', 'amount', '#,0.00', ['Amount', 'T']),
               card('self_check', 'self_check', '0.00', ['S']), card('survey', 'survey', '0.00', ['V']),
               card('complaint_score', 'complaint', '0.00', ['C']), card('callback_deduction', 'callback_deduction', '0.00', ['K'], null, 'lower')]
            : [el('p', { class: 'empty' }, t('department.noAssessment', quarter))]));

        // 8-quarter trend: the total and its components; the pass mark's line; click a point → that quarter's breakdown.
        const quarters = scores.records.map(r => r.quarter);
        // The forecast quarter extends the axis; its band (95% prediction interval) is drawn as a stacked area.
        const withForecast = forecast && !quarters.includes(forecast.quarter) ? [...quarters, forecast.quarter] : quarters;
        const pad = values => withForecast.map((q, i) => i < values.length ? values[i] : null);
        const forecastAt = (value) => withForecast.map((q, i) => q === forecast?.quarter ? value : (i === quarters.length - 1 && forecast ? scores.records[i]?.total ?? null : null));
        const bandSeries = forecast && forecast.lower !== null && forecast.upper !== null ? [
            { type: 'line', name: t('department.forecastBand'), stack: 'band', data: forecastAt(forecast.lower), lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
            { type: 'line', name: t('department.forecastBand'), stack: 'band', data: forecastAt(forecast.upper).map((u, i) => u === null ? null : u - forecastAt(forecast.lower)[i]),
              lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { opacity: 0.18 }, tooltip: { show: false } },
            { type: 'line', name: t('department.forecast', forecast.quarter), data: forecastAt(forecast.value), lineStyle: { type: 'dashed', width: 2 }, symbolSize: 8 },
        ] : [];
        draw(trend.body, {
            xAxis: { type: 'category', data: withForecast },
            yAxis: QA.valueAxis(t('axis.score'), 'left', { scale: true }),
            dataZoom: zoom(), grid: { left: 8, right: 24, top: 48, bottom: 32, containLabel: true },
            series: ['total', 'self_check', 'survey', 'complaint_score'].map((m, i) => ({
                type: 'line', name: t('measure.' + m), data: pad(scores.records.map(r => r[m])), symbolSize: 8, lineStyle: { width: i === 0 ? 3 : 1.5 },
                markLine: i === 0 && goal.pass_at !== null ? QA.targetLine('yAxis', goal.pass_at, t('target') + ' ' + QA.plainNumber(goal.pass_at)) : undefined,
            })).concat(bandSeries),
        }, p => { if (quarters.includes(p.name)) setState({ q: p.name }); });
        trend.setExport('/api/query/export', scores.params);

        // Breakdown of the selected quarter: S, V, C with their weights' effect, K, and T.
        breakdown.card.querySelector('h2').textContent = t('department.breakdownOf', quarter);
        if (a) {
            const rows = [
                ['self_check_base', a.self_check_base, ['S']], ['consistency_penalty', a.consistency_penalty, ['S']], ['self_check', a.self_check, ['S']],
                ['survey', a.survey, ['V']], ['complaint_score', a.complaint, ['C']], ['callback_deduction', a.callback_deduction, ['K']], ['total', a.total, null],
            ];
            table(breakdown.body, [
                { name: 'name', label: t('department.component'), render: v => t('measure.' + v) },
                { name: 'value', label: t('department.value'), num: true, format: '0.00' },
                { name: 'why', label: t('department.why'), render: (v, r) => explainButton(quarter, code, r.focus, t('measure.' + r.name)) },
            ], rows.map(([name, value, focus]) => ({ name, value, focus })), { caption: a.complete ? null : t('department.incomplete', (a.missing || []).map(m => t('measure.' + m)).join(', ')) });
        } else breakdown.body.replaceChildren(el('p', { class: 'empty' }, t('department.noAssessment', quarter)));
        breakdown.setExport('/api/query/export', { measures: 'total,self_check,survey,complaint_score,callback_deduction,amount', dimensions: 'department,grade', department: code, from: quarter, to: quarter });

        // Service targets per quarter: satisfaction, replies and solutions on time (the policy's targets: 85%, 24 h and 3
        // working days unless it sets others).
        const complaintsOf = q => QA.withQuery('/rows/complaints', { ...filters, from: q, to: q });
        const sameTargets = goal.satisfaction_target === goal.compliance_target;
        draw(service.body, {
            tooltip: { trigger: 'axis', confine: true, valueFormatter: v => format(v, '0.0%') },
            xAxis: { type: 'category', data: targets.records.map(r => r.quarter) },
            yAxis: { type: 'value', min: v => Math.max(0, Math.floor(v.min * 10) / 10 - 0.1), max: 1, axisLabel: { formatter: v => format(v, '0%') } },
            grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
            // Each rate against its own target (第七条): satisfaction against its share (85%), the two on-time rates against
            // the on-time target (100%); one line for all three read the on-time rates against 85%. Each line is named
            // with what it applies to; equal targets share one line, named for all three.
            series: [
                { type: 'line', name: t('measure.satisfaction_rate'), data: targets.records.map(r => r.satisfaction_rate), connectNulls: true,
                  markLine: QA.targetLine('yAxis', goal.satisfaction_target, t(sameTargets ? 'department.targetAll' : 'department.targetSatisfaction', QA.targetPct(goal.satisfaction_target))) },
                { type: 'line', name: t('measure.reply_on_time_rate'), data: targets.records.map(r => r.reply_on_time_rate), connectNulls: true,
                  markLine: sameTargets ? undefined : QA.targetLine('yAxis', goal.compliance_target, t('department.targetOnTime', QA.targetPct(goal.compliance_target))) },
                { type: 'line', name: t('measure.resolve_on_time_rate'), data: targets.records.map(r => r.resolve_on_time_rate), connectNulls: true },
            ],
        }, p => location.href = complaintsOf(p.name));
        service.setExport('/api/query/export', targets.params);
        service.setData([
            { name: 'quarter', label: t('slicer.quarter'), render: v => el('a', { href: complaintsOf(v) }, v) },
            ...['satisfaction_rate', 'reply_on_time_rate', 'resolve_on_time_rate'].map(m => ({ name: m, label: t('measure.' + m), num: true, format: '0.0%' })),
            { name: 'complaints', label: t('measure.complaints'), num: true, format: '0' },
            // Each quarter's rates are judged as of that quarter's own moment, which the line above names only for `to`.
            { name: 'as_of', label: t('department.judgedAsOf'), render: (v, r) => QA.wallTime(analysis?.quarters_as_of?.[r.quarter]) },
        ], targets.records);
        serviceTerms.textContent = t('department.serviceTerms', QA.plainNumber(goal.reply_hours), goal.solution_working_days,
            QA.targetPct(goal.satisfaction_target), QA.targetPct(goal.compliance_target));
        serviceAsOf.textContent = analysis?.as_of ? t('department.asOf', to, QA.wallTime(analysis.as_of)) : '';
        serviceAsOf.hidden = !analysis?.as_of;
        const uncalendared = analysis?.uncalendared_years || [];
        service.setNotice(uncalendared.length ? t('department.calendarMissing', uncalendared.join(', '), goal.solution_working_days) : '');

        // The range's last quarter's complaints that missed a target, narrowed by the channel and category slicers.
        await QA.lateComplaints(late, to, { department: code, channel: state.channel, category: state.category }, { hint: 'department.lateHint' });

        // Complaints by category: click → the rows.
        QA.categoryChart(categories, cats.records, cats.params, range);

        // Monthly self-checks against the working group's spot checks; click a point → those check rows.
        const months = [...new Set(monthly.records.map(r => r.month))];
        const kindSeries = kind => months.map(m => monthly.records.find(r => r.month === m && r.kind === kind)?.check_score ?? null);
        const [selfScores, spotScores] = [kindSeries('self'), kindSeries('spot')];
        const checksOf = (month, kind) => QA.withQuery('/rows/checks', { department: code, month, kind });
        draw(checks.body, {
            xAxis: { type: 'category', data: months },
            yAxis: { type: 'value', scale: true },
            dataZoom: zoom(), grid: { left: 8, right: 24, top: 48, bottom: 32, containLabel: true },
            series: [
                { type: 'line', name: t('kind.self'), data: selfScores, connectNulls: true, symbolSize: 8, kind: 'self' },
                { type: 'scatter', name: t('kind.spot'), data: spotScores, symbolSize: 14, kind: 'spot' },
            ],
        }, p => location.href = checksOf(p.name, p.seriesIndex === 0 ? 'self' : 'spot'));
        checks.setExport('/api/query/export', monthly.params);
        const checkLink = kind => (v, r) => (v === null ? null : el('a', { href: checksOf(r.month, kind) }, format(v, '0.00')));
        checks.setData([
            { name: 'month', label: t('slicer.month') },
            { name: 'self', label: t('kind.self'), num: true, render: checkLink('self') },
            { name: 'spot', label: t('kind.spot'), num: true, render: checkLink('spot') },
        ], months.map((month, i) => ({ month, self: selfScores[i], spot: spotScores[i] })));

        // Individuals chart (XmR) of the monthly self-check means: centre line, 3σ limits, and every point that broke a
        // Western Electric / Nelson rule marked with the rule.
        const xmr = analysis?.control_charts?.[0]?.selfCheck?.individuals;
        if (xmr && xmr.points.length) {
            const broken = new Map();
            for (const v of xmr.violations) for (const i of v.points) broken.set(i, [...(broken.get(i) || []), v.rule]);
            draw(control.body, {
                tooltip: { trigger: 'axis', confine: true },
                xAxis: { type: 'category', data: xmr.points.map(p => p.label) },
                yAxis: { type: 'value', scale: true },
                dataZoom: zoom(), grid: { left: 8, right: 24, top: 48, bottom: 32, containLabel: true },
                series: [
                    // Every point drawn, whatever the width: ECharts hides symbols on a crowded axis (a phone), and the
                    // red ring of a rule violation is what the chart is for.
                    { type: 'line', name: t('department.controlValue'), showAllSymbol: true, data: xmr.points.map(p => ({ value: p.value,
                        itemStyle: broken.has(p.index) ? { color: '#c62828' } : undefined, symbolSize: broken.has(p.index) ? 14 : 7,
                        label: broken.has(p.index) ? { show: true, position: 'bottom', formatter: broken.get(p.index).join(' ') } : undefined })) },
                    { type: 'line', name: t('department.controlCenter'), data: xmr.points.map(p => p.centerLine), symbol: 'none', lineStyle: { type: 'solid', width: 1 } },
                    { type: 'line', name: t('department.controlLimits'), data: xmr.points.map(p => p.upper), symbol: 'none', lineStyle: { type: 'dashed', width: 1 } },
                    { type: 'line', name: t('department.controlLimits'), data: xmr.points.map(p => p.lower), symbol: 'none', lineStyle: { type: 'dashed', width: 1 } },
                ],
            }, p => location.href = checksOf(p.name, 'self'));
            control.setData([
                { name: 'label', label: t('slicer.month'), render: v => el('a', { href: checksOf(v, 'self') }, v) },
                { name: 'value', label: t('department.controlValue'), num: true, format: '0.00' },
                { name: 'centerLine', label: t('department.controlCenter'), num: true, format: '0.00' },
                { name: 'lower', label: t('department.controlLower'), num: true, format: '0.00' },
                { name: 'upper', label: t('department.controlUpper'), num: true, format: '0.00' },
                { name: 'rules', label: t('department.controlRules'), render: (v, r) => (broken.get(r.index) || []).join(' ') || '–' },
            ], xmr.points);
        } else { control.body.replaceChildren(el('p', { class: 'empty' }, t('noData'))); control.setData(null); }
    }

    const run = () => busy(render().catch(e => QA.showError(grid, e)));
    onState(run);
    run();
})());
