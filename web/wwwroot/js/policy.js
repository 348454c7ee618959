// A quarter's assessment under the policy in force, with its approval status; the committee approves (POST with the
// antiforgery header). State: ?quarter=2026Q2.
'use strict';
(function () {
    const { t, tOr, el, state, onState, table, busy, format } = QA;
    const approvalBox = document.getElementById('approval');
    const canApprove = approvalBox.dataset.canApprove === 'true';

    async function render() {
        const { all, to } = await QA.quarterRange();
        const quarter = all.includes(state.quarter) ? state.quarter : to;
        QA.slicers(document.getElementById('slicers'), [{ key: 'quarter', label: t('slicer.quarter'), options: all.map(q => ({ value: q })), value: quarter }], { reset: false });
        const data = await QA.getOrNull('/api/assessments/' + quarter);
        const box = document.getElementById('assessment');
        if (!data) { approvalBox.replaceChildren(); box.replaceChildren(el('p', { class: 'empty' }, t('noData'))); return; }
        const status = data.approval
            ? el('p', { class: 'status ok', 'data-approval': 'approved' }, t('policy.approved', data.approval.approved_by, QA.dateTime(data.approval.approved_at)))
            : el('p', { class: 'status', 'data-approval': 'draft' }, t('policy.draft', data.policy_version));
        const approve = canApprove && !data.approval ? el('button', {
            type: 'button', class: 'primary', id: 'approve', onclick: async e => {
                if (!confirm(t('policy.confirm', quarter))) return;
                e.target.disabled = true;
                try { await busy(QA.send('POST', `/api/assessments/${quarter}/approve`)); run(); } catch (err) { QA.showError(approvalBox, err); e.target.disabled = false; }
            },
        }, t('policy.approve', quarter)) : null;
        const budgetText = (key, b) => t(key, format(b.budget, '#,0.00'), format(b.rewards, '#,0.00'), format(b.penalties, '#,0.00'), format(b.remaining, '#,0.00'));
        // An approved quarter's budget is the snapshot's (the report's); a later correction moves only the draft's, shown beside it.
        const approvedBudget = data.approved_budget;
        const draftDiffers = approvedBudget && data.budget && (approvedBudget.rewards !== data.budget.rewards || approvedBudget.penalties !== data.budget.penalties);
        const budget = approvedBudget
            // Labelled 审定 / Approved: beside the draft's line, an unlabelled first line read as neither.
            ? el('div', {}, el('p', { class: 'hint', 'data-budget': 'approved' }, budgetText('policy.budgetApproved', approvedBudget)),
                draftDiffers ? el('p', { class: 'hint', 'data-budget': 'draft' }, budgetText('policy.budgetDraft', data.budget)) : '')
            : data.budget ? el('p', { class: 'hint', 'data-budget': 'draft' }, budgetText('policy.budget', data.budget)) : null;
        const diffs = (data.differences || []).length ? differences(data) : null;
        // The approved version's values were edited after the approval: its results stay. An approval that kept the values
        // lists what changed (the report keeps the values at approval); an older one can only say that something did.
        const changes = data.approval?.policy_changes;
        const policyChanged = !data.approval?.policy_changed ? null : changes
            ? el('div', { class: 'status bad', id: 'approval-policy-changed' }, el('p', {}, t('policy.policyChangedKept', data.policy_version)),
                el('ul', {}, ...changes.map(c => el('li', { 'data-key': c.key, title: c.key }, t('policy.change', policyKeyLabel(c.key), c.approved ?? '—', c.now ?? '—')))))
            : el('p', { class: 'status bad', id: 'approval-policy-changed' }, t('policy.policyChanged', data.policy_version));
        approvalBox.replaceChildren(status, policyChanged || '', approve || '', budget || '', diffs || '');
        const rows = [...data.assessments].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
        const c = (name, extra) => ({ name, label: t('assessment.' + name), ...extra });
        const n = name => c(name, { num: true, format: '0.00' });
        // The department first (it names the line and stays in view as the table scrolls), then what the committee decides
        // on — rank, total, grade, money — and the components behind them: on a phone the result is on screen.
        table(box, [c('name', { render: (v, r) => el('a', { href: QA.withQuery('/department', { code: r.department, q: quarter }) }, v) }), c('rank', { num: true, format: '0' }),
            n('total'), c('grade', { render: QA.gradeBadge }), c('amount', { num: true, format: '#,0.00' }),
            n('self_check'), n('survey'), n('complaint'), n('callback_deduction'),
            c('complete', { render: (v, r) => v ? t('yes') : t('assessment.missing', (r.missing || []).map(m => t('measure.' + m)).join(', ')) }),
            c('why', { render: (v, r) => QA.explainButton(quarter, r.department, null, r.name) })], rows, { rowClass: r => r.grade === 'fail' ? 'bad' : null });
        document.getElementById('assessment-tools').replaceChildren(...['csv', 'xlsx'].map(f => el('a', { class: 'button small', download: '', 'data-export': f,
            href: QA.withQuery('/api/query/export', { measures: 'total,self_check,survey,complaint_score,callback_deduction,amount', dimensions: 'department,grade', from: quarter, to: quarter, format: f }) }, t('export.' + f))));
    }

    /** A policy file's key (service_targets.reply_hours, consistency_tiers[2].penalty) named as the policy card names
     *  the parameter, in the page's language: the committee reads 服务目标：回复时限, not the file's key (kept in the
     *  item's title for whoever edits the file). A key the resources do not name is shown as it is. */
    function policyKeyLabel(key) {
        const tier = /^consistency_tiers\[(\d+)\]\.(\w+)$/.exec(key);
        const name = tier ? 'policyKey.consistency_tiers.' + tier[2] : 'policyKey.' + key;
        return tOr(name, null) === null ? key : t(name, tier ? Number(tier[1]) + 1 : '');
    }

    // What changed since the committee approved: each difference by department and measure, approved value beside the
    // draft's, so the page agrees with the report (which shows the approved results) instead of only counting them.
    function differences(data) {
        const names = Object.fromEntries(data.assessments.map(a => [a.department, a.name]));
        const value = (field, v) => v == null ? '–' : field === 'grade' ? QA.gradeName(v)
            : field === 'department' ? v : format(Number(v), field === 'amount' ? '#,0.00' : '0.00');
        const items = data.differences.map(d => el('li', { 'data-department': d.departmentCode, 'data-field': d.field },
            t('policy.difference', names[d.departmentCode] || (d.field === 'department' ? d.approved || d.draft : d.departmentCode),
                t('assessment.' + (d.field === 'department' ? 'name' : d.field)), value(d.field, d.approved), value(d.field, d.draft))));
        return el('div', { class: 'status bad', id: 'approval-differences' }, el('p', {}, t('policy.differences', data.differences.length)), el('ul', {}, ...items));
    }

    // What-if: a policy file (JSON, the same format as policy.json) scored against the quarter beside the stored results;
    // the server stores nothing.
    const whatIf = document.getElementById('what-if');
    whatIf?.addEventListener('submit', async e => {
        e.preventDefault();
        const status = document.getElementById('what-if-status');
        const file = document.getElementById('what-if-policy').files[0];
        if (!file) return;
        const { all, to } = await QA.quarterRange();
        const quarter = all.includes(state.quarter) ? state.quarter : to;
        status.textContent = t('loading');
        try {
            const response = await fetch(`/api/assessments/${quarter}/what-if`, {
                method: 'POST', credentials: 'same-origin', body: await file.text(),
                headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': QA.csrf(), Accept: 'application/json' },
            });
            const body = await response.json();
            if (!response.ok) throw new Error(body.detail || body.title || response.statusText);
            status.textContent = t('policy.whatIfDone', body.what_if_policy, body.stored_policy, quarter);
            const rows = body.departments.map(d => ({ name: d.name, stored_total: d.stored.total, stored_grade: d.stored.grade, stored_amount: d.stored.amount,
                what_total: d.what_if.total, what_grade: d.what_if.grade, what_amount: d.what_if.amount, change: d.amount_change }));
            const n = (name, label, fmt) => ({ name, label, num: true, format: fmt });
            const g = (name, label) => ({ name, label, render: QA.gradeBadge });
            table(document.getElementById('what-if-result'), [
                { name: 'name', label: t('assessment.name') },
                n('stored_total', t('policy.whatIfStored', body.stored_policy), '0.00'), g('stored_grade', t('assessment.grade')), n('stored_amount', t('assessment.amount'), '#,0.00'),
                n('what_total', t('policy.whatIfNew', body.what_if_policy), '0.00'), g('what_grade', t('assessment.grade')), n('what_amount', t('assessment.amount'), '#,0.00'),
                // Signed as every other change on the pages (+1,500.00, −500.00; 0 unsigned).
                { ...n('change', t('policy.whatIfChange'), '#,0.00'), render: v => (typeof v === 'number' ? (v > 0 ? '+' : '') + format(v, '#,0.00') : '–') },
            ], rows, { caption: t('policy.whatIfBudget', format(body.what_if_budget.rewards, '#,0.00'), format(body.what_if_budget.budget, '#,0')) });
        } catch (err) { status.textContent = t('error', err.message); }
    });

    const run = () => busy(render().catch(e => QA.showError(approvalBox, e)));
    onState(run);
    run();
})();
