// The quarterly analysis reports: the archived PDFs (written by the scheduled job before each meeting, or on demand),
// with a download link each; the working group and the committee can generate a quarter's report now. State: ?quarter=
// (the slicer filters the list, as every slicer filters its page; none: every report, and "generate" writes the latest quarter's).
'use strict';
(function () {
    const { t, el, state, onState, busy } = QA;
    const box = document.getElementById('reports');
    const canGenerate = box.dataset.canGenerate === 'true';

    /** @param message what the last "generate" did, kept on the redrawn page (its status line is drawn anew). */
    async function render(message) {
        const { all, to } = await QA.quarterRange();
        const chosen = all.includes(state.quarter) ? state.quarter : null;
        const quarter = chosen ?? to;
        QA.slicers(document.getElementById('slicers'), [
            { key: 'quarter', label: t('slicer.quarter'), options: all.map(q => ({ value: q })), all: true, value: chosen ?? '' },
        ]);
        const reports = (await QA.get('/api/reports')).filter(r => !chosen || r.quarter === chosen);
        const status = el('span', { role: 'status', class: 'hint' }, message || '');
        const generate = canGenerate ? el('form', { class: 'inline', id: 'generate' },
            el('button', { type: 'submit', class: 'primary' }, t('reports.generate', quarter)), ' ', status) : null;
        generate?.addEventListener('submit', async e => {
            e.preventDefault();
            status.textContent = t('loading');
            // Writing the report and listing it again are one busy span: the page is settled only once the list that
            // holds the new report is drawn (the list used to be redrawn after the page already said it was settled).
            await busy((async () => {
                let made;
                try { made = await QA.send('POST', '/api/reports/' + quarter); }
                catch (err) { status.textContent = t('error', err.message); return; }
                await render(t('reports.generated', made.files.join(', '))).catch(err => QA.showError(box, err));
            })());
        });
        const rows = reports.map(r => ({ ...r, size: Math.round(r.size_bytes / 1024) }));
        const list = el('div', {});
        // The file first: it names the report (quarter and language) and is the page's one action, in view on a phone.
        QA.table(list, [
            { name: 'file', label: t('reports.download'), render: v => el('a', { href: '/api/reports/' + encodeURIComponent(v), download: v }, v) },
            { name: 'quarter', label: t('slicer.quarter') },
            { name: 'language', label: t('reports.language'), render: v => v === 'en' ? 'English' : '中文' },
            { name: 'written_at', label: t('reports.written'), render: QA.dateTime },
            { name: 'size', label: t('reports.size'), num: true, format: '#,0' },
        ], rows, { caption: rows.length ? null : t('reports.none') });
        box.replaceChildren(...[generate, list].filter(Boolean));
    }

    const run = () => busy(render().catch(e => QA.showError(box, e)));
    onState(run);
    run();
})();
