// The data desk: upload files with progress (XMLHttpRequest upload events), the result per file (or, for a check, what a
// load would do, the values it would quarantine and the stored rows it would change: nothing stored), the batches with
// their counts, a batch's files and quarantined rows with reasons (download as CSV), and the warehouse's data tests
// on request. State: ?batch=N.
'use strict';
(function () {
    const { t, tn, el, state, setState, onState, table, busy, withQuery } = QA;
    const form = document.getElementById('upload');
    const result = document.getElementById('upload-result');
    const col = (name, extra) => ({ name, label: t('data.' + name), ...extra });
    const number = name => col(name, { num: true, format: '0' });
    const bool = name => col(name, { render: v => t(v ? 'yes' : 'no') });
    // The kinds of the data contract (complaints, check_deductions…) in the reader's language.
    const kind = () => col('kind', { render: v => (v ? QA.tOr('data.kind.' + v, v) : null) });
    const time = name => col(name, { render: QA.dateTime });
    // A batch's file by its path below the folder the batch's files share (LOG/投诉.csv beside STO/投诉.csv), where the
    // answer has one; by its name otherwise (a check's files, all of one upload).
    const file = name => col(name, { render: (v, r) => r.path ?? v });
    // How long a batch took, from its recorded start and finish (a batch still running has no finish yet).
    const duration = b => (b.finishedAt ? t('data.seconds', ((Date.parse(b.finishedAt) - Date.parse(b.startedAt)) / 1000).toFixed(1)) : '–');

    if (form) {
        const progress = document.getElementById('upload-progress');
        const status = document.getElementById('upload-status');
        const checkOnly = document.getElementById('check-only');
        const send = form.querySelector('button[type=submit]');
        const checkQuarantine = document.getElementById('check-quarantine');
        const checkChanges = document.getElementById('check-changes');
        const checkExport = document.getElementById('check-export');
        const checkWarnings = document.getElementById('check-warnings');
        const uploadQuarters = document.getElementById('upload-quarters');
        // A check keeps nothing, so its quarantined values are exported by checking the same files again, the answer a
        // file (every value, not only the first thousand shown) that is saved as a download.
        // The files as the upload sends them, with the form's other fields (check, format).
        const formOf = (files, fields) => {
            const body = new FormData();
            for (const f of files) body.append('files', f, f.name);
            for (const [name, value] of Object.entries(fields)) body.append(name, value);
            return body;
        };
        function exportCheck(files, format) {
            const body = formOf(files, { check: 'true', format });
            const xhr = new XMLHttpRequest();
            xhr.open('POST', '/api/data/uploads');
            xhr.setRequestHeader('X-CSRF-TOKEN', QA.csrf());
            xhr.responseType = 'blob';
            const done = new Promise(resolve => xhr.addEventListener('loadend', resolve));
            busy(done);
            xhr.addEventListener('loadend', () => {
                if (xhr.status !== 200) {
                    status.textContent = t('error', xhr.statusText || xhr.status);
                    return;
                }
                const name = /filename=([^;]+)/.exec(xhr.getResponseHeader('Content-Disposition') || '')?.[1] || 'check-quarantine.' + format;
                const link = el('a', { href: URL.createObjectURL(xhr.response), download: name.replace(/"/g, '') });
                document.body.append(link);
                link.click();
                link.remove();
                setTimeout(() => URL.revokeObjectURL(link.href), 60000);
            });
            xhr.send(body);
        }
        checkOnly.addEventListener('change', () => { send.textContent = checkOnly.checked ? send.dataset.check : send.dataset.load; });
        form.addEventListener('submit', e => {
            e.preventDefault();
            const files = document.getElementById('files').files;
            if (!files.length) return;
            const check = checkOnly.checked;
            const body = formOf(files, check ? { check: 'true' } : {});
            checkQuarantine.replaceChildren();
            checkChanges.replaceChildren();
            checkExport.replaceChildren();
            checkWarnings.replaceChildren();
            uploadQuarters.hidden = true;
            const xhr = new XMLHttpRequest();
            xhr.open('POST', '/api/data/uploads');
            xhr.setRequestHeader('X-CSRF-TOKEN', QA.csrf());
            xhr.setRequestHeader('Accept', 'application/json');
            progress.hidden = false;
            progress.value = 0;
            status.textContent = t('data.uploading', 0);
            form.querySelector('button').disabled = true;
            xhr.upload.addEventListener('progress', ev => {
                if (!ev.lengthComputable) return;
                const pct = Math.round(ev.loaded / ev.total * 100);
                progress.value = pct;
                status.textContent = pct < 100 ? t('data.uploading', pct) : t(check ? 'data.checking' : 'data.loading');
            });
            const done = new Promise(resolve => xhr.addEventListener('loadend', resolve));
            busy(done);
            xhr.addEventListener('loadend', () => {
                form.querySelector('button').disabled = false;
                let body = null;
                try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
                if (xhr.status === 200 && body) {
                    progress.value = 100;
                    const sum = name => body.files.reduce((n, f) => n + (name === 'rejected' ? (f.rejected ? 1 : 0) : f[name]), 0);
                    status.textContent = body.dry_run
                        ? t('data.checked', sum('loaded'), sum('updated'), sum('quarantined'), sum('rejected'))
                        : t('data.done', body.batch_id);
                    // A load names the quarters it wrote as the batch's detail does, an approved one with its warning.
                    uploadQuarters.hidden = body.dry_run;
                    if (!body.dry_run) listQuarters(document.getElementById('upload-quarters-list'), body.quarters);
                    table(result, [col('file'), col('sheet'), kind(), number('read'), number('loaded'), number('updated'), number('unchanged'),
                        number('quarantined'), bool('rejected'), col('reason', { wrap: true }), number('warnings')],
                        body.files, { caption: t(body.dry_run ? 'data.checkCaption' : 'data.resultCaption'), rowClass: r => r.rejected || r.quarantined ? 'bad' : null });
                    if (body.dry_run) {
                        // Nothing was stored, so there is no batch to open: the values come with the answer.
                        if (body.quarantine_total > 0) {
                            const sent = [...files];
                            checkExport.replaceChildren(...['csv', 'xlsx'].map(format =>
                                el('button', { type: 'button', class: 'small', 'data-export': format, title: t('data.checkExportTitle'), onclick: () => exportCheck(sent, format) }, t('export.' + format))));
                            table(checkQuarantine, [col('file'), col('sheet'), number('line'), col('column'), col('value'), col('reason', { wrap: true })],
                                body.quarantine, { caption: body.quarantine.length < body.quarantine_total
                                    ? t('data.checkQuarantineShown', body.quarantine.length, body.quarantine_total)
                                    : t('data.checkQuarantineCaption', body.quarantine_total) });
                        }
                        // What a correction would alter, listed as a loaded batch's changes are.
                        if (body.changes.length) {
                            table(checkChanges, [col('file'), col('sheet'), kind(), col('key'), col('column'), col('old'), col('new')], body.changes,
                                { caption: t(body.changes_more ? 'data.checkChangesMore' : 'data.checkChangesCaption', body.changes.length) });
                        }
                        if (body.warnings.length) {
                            table(checkWarnings, warningColumns(), body.warnings, { caption: t('data.checkWarningsCaption', sum('warnings')) });
                        }
                    } else {
                        setState({ batch: body.batch_id });
                        busy(refreshFooter());
                    }
                } else {
                    progress.hidden = true;
                    status.textContent = t('error', body?.detail || body?.title || xhr.statusText || xhr.status);
                }
            });
            xhr.send(body);
        });
    }

    // The quarters whose data a batch wrote (/api/data/batches/{id}/quarters, or the upload's answer), into a list: each
    // opens its overview; an approved one also the Policy page, where what changed since the approval is listed. One
    // function for the batch's detail and the upload's result, so that both warn of an approved quarter in one way.
    function listQuarters(list, quarters) {
        list.replaceChildren(...(quarters.length === 0
            ? [el('li', { class: 'empty' }, t('data.quartersNone'))]
            : quarters.map(q => el('li', { 'data-quarter': q.quarter },
                el('a', { href: withQuery('/', { to: q.quarter }) }, q.quarter),
                q.approved ? el('a', { class: 'approved', href: withQuery('/policy', { quarter: q.quarter }), 'data-approved': 'true' }, t('data.quarterApproved')) : null))));
    }

    // The footer names the latest batch the marts have taken in; after a load on this page it is the one just loaded.
    async function refreshFooter() {
        const footer = document.getElementById('data-as-of');
        const asOf = await QA.getOrNull('/api/data/as-of');
        if (!footer || !asOf) return;
        footer.replaceChildren(asOf.batch === null ? asOf.text : el('a', { href: withQuery('/data', { batch: asOf.batch }) }, asOf.text));
    }

    // A row loaded (or, in a check, to be loaded) with a warning: where, which field, and the warning in the page's words.
    function warningColumns() {
        return [file('file'), col('sheet'), number('line'), col('column'), col('value'), col('message', { wrap: true })];
    }

    // The data tests run when asked (they read the whole warehouse): failures first, each with its first rows.
    const testsBox = document.getElementById('tests');
    const testsSummary = document.getElementById('tests-summary');
    async function runTests() {
        testsSummary.textContent = t('data.tests.running');
        const results = await QA.get('/api/data/tests');
        const order = { fail: 0, warn: 1, pass: 2 };
        results.sort((a, b) => order[a.status] - order[b.status]);
        const count = status => results.filter(r => r.status === status).length;
        testsSummary.textContent = t('data.tests.summary', count('pass'), count('fail'), count('warn'));
        // What each test checks, in the reader's words, names the line; its identifier (relationship:fact_complaint.channel_key,
        // as `qa verify` prints it) follows small, for whoever scripts against it: one click selects it whole to copy.
        table(testsBox, [
            col('tests.rule', { render: (v, r) => el('div', { class: 'test-rule' }, el('span', {}, v),
                el('code', { class: 'test-id', title: t('data.tests.idTitle') }, r['tests.test'])) }),
            col('tests.status', { render: v => el('span', { class: 'test-' + v }, t('data.tests.' + v)) }),
            col('tests.failures', { num: true, format: '0' }), col('tests.examples', { wrap: true }),
        ], results.map(r => ({
            'tests.status': r.status, 'tests.test': r.test, 'tests.rule': QA.lang === 'zh' ? r.rule_zh : r.rule_en,
            'tests.failures': r.failures, 'tests.examples': r.examples.join('; ') || null,
        })), { rowClass: r => (r['tests.status'] === 'fail' ? 'bad' : null) });
    }
    document.getElementById('run-tests').addEventListener('click', () =>
        busy(runTests().catch(e => { testsSummary.textContent = ''; QA.showError(testsBox, e); })));

    async function render() {
        const batches = await QA.get('/api/data/batches');
        const id = state.batch;
        table(document.getElementById('batches'), [
            col('id', { render: v => el('button', { type: 'button', class: 'small', 'data-batch': v, onclick: () => setState({ batch: v }) }, t('data.open', v)) }),
            time('startedAt'), col('duration', { num: true, render: (v, r) => duration(r) }), col('loadedBy'),
            col('status', { render: v => QA.tOr('data.status.' + v, v) }), number('files'), number('read'), number('loaded'), number('updated'),
            number('unchanged'), number('quarantined'), number('rejected'),
        ], batches, {
            // Pink: quarantined rows or rejected files (the legend above says so); the batch shown below is marked as
            // the current one, for a screen reader (aria-current) and to the eye (.selected), whatever its colour.
            rowClass: r => [r.quarantined || r.rejected ? 'bad' : '', String(r.id) === String(id) ? 'selected' : ''].join(' ').trim() || null,
            rowAttrs: r => (String(r.id) === String(id) ? { 'aria-current': 'true' } : {}),
        });

        const detail = document.getElementById('batch-detail');
        detail.hidden = !id;
        if (!id) return;
        document.getElementById('batch-title').textContent = t('data.batch', id);
        const [files, quarantine, changes, warnings, quarters] = await Promise.all([QA.get(`/api/data/batches/${id}/files`), QA.get(`/api/data/batches/${id}/quarantine`),
            QA.get(`/api/data/batches/${id}/changes`), QA.get(`/api/data/batches/${id}/warnings`), QA.get(`/api/data/batches/${id}/quarters`)]);
        listQuarters(document.getElementById('batch-quarters'), quarters);
        table(document.getElementById('batch-files'), [file('fileName'), col('sheet'), kind(), col('encoding'), number('read'), number('loaded'),
            number('updated'), number('unchanged'), number('quarantined'), bool('rejected'), col('reason', { wrap: true })], files);
        // The rows loaded before that this batch's files changed, each changed column with its old and new value (as stored).
        table(document.getElementById('changes'), [col('file'), col('sheet'), kind(), col('key'), col('column'), col('old'), col('new')],
            changes, { caption: tn('data.changesCaption', changes.length, changes.length) });
        table(document.getElementById('quarantine'), [file('file'), col('sheet'), number('line'), col('column'), col('value'), col('reason', { wrap: true })],
            quarantine, { caption: tn('data.quarantineCaption', quarantine.length, quarantine.length) });
        table(document.getElementById('warnings'), warningColumns(), warnings, { caption: tn('data.warningsCaption', warnings.length, warnings.length) });
        // A batch with no quarantined row has nothing to export: no buttons, rather than two that download an empty list.
        document.getElementById('quarantine-export').replaceChildren(...(quarantine.length ? ['csv', 'xlsx'].map(format =>
            el('a', { class: 'button small', href: withQuery(`/api/data/batches/${id}/quarantine`, { format }), download: '', 'data-export': format, title: t('data.quarantineExportTitle') },
                t('export.' + format))) : []));
    }

    const run = () => busy(render().catch(e => QA.showError(document.getElementById('batches'), e)));
    onState(run);
    run();
})();
