// Causes and solutions per department and quarter: the working group edits (PUT with the antiforgery header), everyone
// else reads. Departments come scoped from the API (a manager sees only their own). State: ?quarter=2026Q2&department=.
'use strict';
(function () {
    const { t, el, state, onState, busy } = QA;
    const box = document.getElementById('notes');
    const canEdit = box.dataset.canEdit === 'true';

    async function render() {
        const { all, to } = await QA.quarterRange();
        const quarter = all.includes(state.quarter) ? state.quarter : to;
        QA.slicers(document.getElementById('slicers'), [
            { key: 'quarter', label: t('slicer.quarter'), options: all.map(q => ({ value: q })), value: quarter },
            { key: 'department', label: t('slicer.department'), options: await QA.departmentOptions(), all: true },
        ]);
        const [depts, notes, assessment] = await Promise.all([QA.departments(), QA.get('/api/notes/' + quarter), QA.getOrNull('/api/assessments/' + quarter)]);
        const cards = depts.filter(d => !state.department || d.code === state.department).map(d => {
            const note = notes.find(n => n.department === d.code) || {};
            const a = (assessment?.assessments || []).find(x => x.department === d.code);
            const head = el('h2', {}, `${d.name} (${d.code})`);
            const score = a ? el('p', { class: 'muted' }, QA.tNodes('notes.score', QA.format(a.total, '0.00'), QA.gradeBadge(a.grade))) : null;
            const updated = el('p', { class: 'hint' }, note.updated_by ? t('notes.updated', note.updated_by, QA.dateTime(note.updated_at)) : t('notes.none'));
            if (!canEdit) {
                // Nothing written yet is said once (尚未填写。), not as two empty headings with a dash each and then again.
                const written = note.causes || note.solutions;
                return el('section', { class: 'card', 'data-department': d.code }, head, score,
                    ...(written ? [el('h3', {}, t('notes.causes')), el('p', { class: 'note-text' }, note.causes || '–'),
                        el('h3', {}, t('notes.solutions')), el('p', { class: 'note-text' }, note.solutions || '–')] : []), updated);
            }
            const causesId = `causes-${d.code}`, solutionsId = `solutions-${d.code}`;
            const causes = el('textarea', { id: causesId, name: 'causes' }); causes.value = note.causes || '';
            const solutions = el('textarea', { id: solutionsId, name: 'solutions' }); solutions.value = note.solutions || '';
            const status = el('span', { role: 'status', class: 'hint' });
            const form = el('form', { class: 'stack' },
                el('label', { for: causesId }, t('notes.causes')), causes,
                el('label', { for: solutionsId }, t('notes.solutions')), solutions,
                el('div', {}, el('button', { type: 'submit', class: 'primary' }, t('notes.save')), ' ', status));
            form.addEventListener('submit', async e => {
                e.preventDefault();
                try {
                    const saved = await busy(QA.send('PUT', `/api/notes/${quarter}/${d.code}`, { causes: causes.value, solutions: solutions.value }));
                    status.textContent = t('notes.saved', saved.updated_by);
                    // The card's "not written yet" / last-update line now describes this save.
                    updated.textContent = t('notes.updated', saved.updated_by, QA.dateTime(saved.updated_at));
                } catch (err) { status.textContent = t('error', err.message); }
            });
            return el('section', { class: 'card', 'data-department': d.code }, head, score, form, updated);
        });
        box.replaceChildren(...(cards.length ? cards : [el('p', { class: 'empty' }, t('noData'))]));
    }

    const run = () => busy(render().catch(e => QA.showError(box, e)));
    onState(run);
    run();
})();
