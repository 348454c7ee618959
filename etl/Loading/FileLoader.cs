using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Loads files and folders as one batch: plan every file (decode, recognise kinds), take dimension files
/// first, then write each file in one transaction so that a failure leaves the warehouse as it was before that file.</summary>
public sealed class FileLoader(WarehouseDb warehouse, TimeProvider clock, LoaderOptions? options = null)
{
    private readonly LoaderOptions _options = options ?? new LoaderOptions();

    public LoadResult Load(IEnumerable<string> paths) => Run(paths, inspect: null);

    /// <summary>A dry run ("check these files before they go in"): every file goes through everything <see cref="Load"/>
    /// does (every rule, the keys against the stored rows, the counts of new, updated and unchanged rows, the
    /// quarantine), inside one transaction that is rolled back at the end, so nothing is kept: no rows, no batch, no
    /// audit. <paramref name="inspect"/> runs just before the rollback, with what the load would have reported and the
    /// values it quarantined (read from inside the transaction); its answer is returned. The batch and source-file ids
    /// it sees name rows that are about to vanish: they mean nothing after it returns.</summary>
    public T Check<T>(IEnumerable<string> paths, Func<LoadResult, CheckedRows, T> inspect)
    {
        ArgumentNullException.ThrowIfNull(inspect);
        var answer = default(T);
        Run(paths, (connection, run, result) => answer = inspect(result, new CheckedRows(connection, run, result.BatchId)));
        return answer!;
    }

    /// <param name="inspect">Null for a load; for a dry run, what to do inside its transaction before the rollback.</param>
    private LoadResult Run(IEnumerable<string> paths, Action<DbConnection, DbTransaction, LoadResult>? inspect)
    {
        // The per-row methods compiled on another core while this thread plans and opens (see HotPathWarmup).
        HotPathWarmup.Start();
        // Dimension files first (the contract's one rule of order), then every other file where it was given: a later file's
        // values win, so an operator who lists July's export before October's keeps October's corrections (sorting by
        // name put 投诉_10月 before 投诉_7月). OrderBy is stable; a folder's files come in name order at its place.
        var plans = Expand(paths).Select(path => PlanFile(path, wholeFile: false, _options.MaxWorkbookUnpackedBytes)).OrderBy(p => p.LoadRank).ToList();
        using var connection = warehouse.OpenConnection();
        TuneForLoad(connection);
        // A dry run writes what a load writes, each file under a savepoint (FileTransaction), all in this one transaction.
        var run = inspect is null ? null : connection.BeginTransaction();
        try
        {
            var batch = new BatchRecorder(connection, clock, run);
            var batchId = batch.Start(_options.LoadedBy, plans.Count);
            var summaries = new List<LoadSummary>();
            try
            {
                foreach (var plan in plans)
                {
                    summaries.AddRange(LoadFile(connection, run, batch, batchId, plan));
                }
                batch.Finish(batchId, summaries, failed: false);
                var result = new LoadResult(batchId, summaries);
                if (run is not null) inspect!(connection, run, result);
                return result;
            }
            catch when (run is null)
            {
                batch.Finish(batchId, summaries, failed: true);
                throw;
            }
        }
        finally
        {
            foreach (var source in plans.SelectMany(p => p.Sources)) source.Source.Dispose();
            // Rolls back every write of a dry run; before the pragmas below, which SQLite takes only outside a transaction.
            run?.Dispose();
            RestoreAfterLoad(connection);
        }
    }

    /// <summary>Page cache and temporary storage for a bulk load. A fact table's secondary indexes (date, quarter,
    /// department, customer...) each take rows in many places at once; with SQLite's default 2 MB cache their pages are
    /// evicted and re-read for nearly every row. The cache is a fixed ceiling, not a function of the file's size, so
    /// memory stays flat. Durability is untouched: synchronous stays as the warehouse set it (FULL: see WarehouseDb.OpenConnection).
    /// No automatic checkpoint: the commit is durable once the WAL is synced, and the copy of every page the load wrote
    /// into the database file (~0.3 s per million rows, ~10 s at ten million) runs after it, beside the marts'
    /// rebuild (WarehouseDb.Checkpoint, AfterLoad.Run), instead of inside the last file's commit.</summary>
    private static void TuneForLoad(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA cache_size=-{LoadCacheKib}; PRAGMA temp_store=FILE; PRAGMA temp.cache_size=-{TempCacheKib}; PRAGMA wal_autocheckpoint=0;";
        pragma.ExecuteNonQuery();
    }

    /// <summary>Connections are pooled: give the next user (a dashboard query) SQLite's defaults back.</summary>
    private static void RestoreAfterLoad(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection || connection.State != System.Data.ConnectionState.Open) return;
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT; PRAGMA temp.cache_size=-2000; PRAGMA wal_autocheckpoint=1000;";
        pragma.ExecuteNonQuery();
    }

    /// <summary>64 MiB of page cache for the load's connection.</summary>
    private const int LoadCacheKib = 64 * 1024;

    /// <summary>Temporary storage (the keys a reload claims, FileScope) in a file behind a 16 MiB cache: a fixed ceiling,
    /// where in memory it would grow with the file.</summary>
    private const int TempCacheKib = 16 * 1024;

    private IEnumerable<LoadSummary> LoadFile(DbConnection connection, DbTransaction? run, BatchRecorder batch, long batchId, FilePlan plan)
    {
        try
        {
            return LoadPlannedFile(connection, run, batch, batchId, plan);
        }
        catch (EncodingRefutedException)
        {
            // The file started as UTF-8 but is not (ASCII for its first 64 KiB, GB18030 further on): its transaction was
            // rolled back; detect its encoding over the whole file, as for any file before, and load it again.
            var replanned = PlanFile(plan.Path, wholeFile: true, _options.MaxWorkbookUnpackedBytes);
            try
            {
                return LoadPlannedFile(connection, run, batch, batchId, replanned);
            }
            finally
            {
                foreach (var source in replanned.Sources) source.Source.Dispose();
            }
        }
    }

    private IEnumerable<LoadSummary> LoadPlannedFile(DbConnection connection, DbTransaction? run, BatchRecorder batch, long batchId, FilePlan plan)
    {
        var fileName = Path.GetFileName(plan.Path);
        if (plan.RejectedReason is not null)
        {
            var rejected = Rejected(plan.Path, null, null, null, plan.RejectedReason);
            return [rejected with { SourceFileId = batch.RecordRejected(batchId, plan, null, null, null, plan.RejectedReason) }];
        }
        if (plan.SkippedReason is not null)
        {
            return [new LoadSummary(plan.Path, null, null, 0, 0, 0, 0, 0, 0, false, plan.SkippedReason, [], null,
                batch.RecordSkipped(batchId, plan, plan.SkippedReason), 0)];
        }
        var sources = plan.Sources.OrderBy(s => s.Match.Kind is null ? 99 : (int)s.Match.Kind.Value).ToList();
        var headers = sources.Select(s => CheckHeader(fileName, s)).ToList();
        // Committed before the file's transaction begins (see BatchRecorder.RecordSources for why).
        var recorded = batch.RecordSources(batchId, plan, sources, headers);
        var results = new List<LoadSummary>();
        using var file = FileTransaction.Begin(connection, run);
        var transaction = file.Transaction;
        // Disposed before the transaction, after its commit or rollback: what the file delivered, across its sheets.
        using var scope = new FileScope(connection, transaction, transactionOutlivesFile: run is not null);
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                results.Add(LoadSource(connection, transaction, batch, batchId, plan, sources[i], headers[i], recorded[i], scope));
            }
            // A dry run's file ends with a savepoint's release: nothing to wait for, nothing to announce.
            if (run is null) _options.Observer?.Committing(plan.Path);
            file.Commit();
            return results;
        }
        catch (FileRejectedException ex)
        {
            // A problem found while reading (say, a malformed quote halfway down): nothing of this file is kept.
            file.Rollback();
            var reason = ex.Reason;
            return [Rejected(plan.Path, ex.Sheet, null, null, $"{fileName}: {reason}") with
            {
                SourceFileId = batch.RecordRejected(batchId, plan, ex.Sheet, null, null, reason, withdrawn: recorded),
            }];
        }
        catch (EncodingRefutedException)
        {
            file.Rollback();
            batch.Withdraw(recorded);
            throw;
        }
        catch (Exception ex)
        {
            file.Rollback();
            batch.RecordRejected(batchId, plan, null, null, null, $"load failed and was rolled back: {ex.Message}", withdrawn: recorded);
            throw;
        }
    }

    /// <summary>What a source's header row decides before any row is read: the source loads (<see cref="HeaderCheck.Loads"/>),
    /// or it is refused (a CSV whose header matches no kind, a kind lacking required columns or with a field in two
    /// columns) or skipped (a workbook's cover or notes sheet), with the reason.</summary>
    private static HeaderCheck CheckHeader(string fileName, SourcePlan sp)
    {
        var source = sp.Source;
        var match = sp.Match;
        var where = source.Sheet is null ? fileName : $"{fileName} [{source.Sheet}]";
        if (match.Kind is null)
        {
            // An unrecognised sheet in a workbook (a cover or notes sheet) is skipped; an unrecognised CSV is refused.
            return new HeaderCheck(null, source.Sheet is null,
                $"{where}: the header row matches no kind of the data contract ({string.Join(", ", source.Header.Where(c => c.Length > 0))})");
        }
        var kind = match.Kind.Value.Name();
        if (!match.IsComplete)
            return new HeaderCheck(kind, true, $"{where}: looks like {kind} but lacks required column(s) {string.Join(", ", match.MissingRequired)}");
        if (match.RepeatedColumns.Count > 0)
        {
            // Only one of the columns would be read: the other's values (often another department's) would be lost
            // with no more than a line among the ignored columns, so the file is refused as one missing a column is.
            var fields = string.Join("; ", match.RepeatedColumns.Select(r => r.Describe(source.HeaderLine, source.Header)));
            return new HeaderCheck(kind, true,
                $"{where}: header line {source.HeaderLine.ToString(CultureInfo.InvariantCulture)} has more than one column for a field [{fields}]; keep one column per field");
        }
        return new HeaderCheck(kind, false, null);
    }

    private LoadSummary LoadSource(DbConnection connection, DbTransaction transaction, BatchRecorder batch, long batchId, FilePlan plan, SourcePlan sp,
        HeaderCheck header, long sourceFileId, FileScope scope)
    {
        var source = sp.Source;
        var match = sp.Match;
        var fileName = Path.GetFileName(plan.Path);
        if (!header.Loads)
        {
            return new LoadSummary(plan.Path, source.Sheet, header.Kind, 0, 0, 0, 0, 0, 0, header.Rejected, header.Reason, match.UnknownColumns,
                source.EncodingName, sourceFileId, 0);
        }

        var watch = Stopwatch.StartNew();
        var kind = match.Kind!.Value;
        var counts = new SourceCounts();
        long? factIdBefore;
        using (var audit = new AuditWriter(connection, transaction, batchId, sourceFileId, fileName, source.Sheet, clock, match))
        using (var refs = new ReferenceResolver(connection, transaction))
        using (var writer = new FactRowWriter(kind, connection, transaction, audit, batchId, sourceFileId, BusinessTime.Today(clock), refs, scope, match))
        {
            // Where this source's rows will begin: AfterLoad reads the quarters it wrote from the rows above it.
            factIdBefore = writer.Upsert is { Spec.QuarterColumn: >= 0 } upsert ? upsert.HighestId() : null;
            // Before the staging thread starts: a surveys source's one reading gathers its questionnaires' questions and
            // spools its rows, which staging then reads (Questionnaires.Rows) instead of the file.
            using var questionnaires = kind == DataKind.Surveys ? Questionnaires.Read(connection, transaction, refs, source, match) : null;
            var mapper = Staging.Mappers.StagingMappers.For(kind, _options.Rules);
            // Reading, staging and preparing values run on a worker thread, ahead of the writing here (see StagingPipeline).
            // ... and, where the table's fast path takes them, encoding the values for SQLite (SqliteRowEncoding).
            var prepare = FactRowWriter.CanPrepare(kind);
            // ... and each row's natural key, for the check of keys repeated within a batch (PendingRows).
            using var staging = new StagingPipeline(questionnaires?.Rows ?? source, match, mapper, prepare ? writer.Prepare : null,
                prepare && writer.Upsert?.TakesEncodedRows == true ? FactRowWriter.IsComplete : null,
                prepare ? writer.Upsert?.Spec.KeyColumns.Count ?? 0 : 0);
            // Rows wait in a fixed buffer and are written in multi-row batches; each completes in input order. Once they
            // are written, their chunks go back to the staging thread.
            var pending = new PendingRows(writer.Upsert, (raw, readSoFar, staged, outcome, errors, warnings) =>
            {
                if (staged) counts.Add(outcome, raw, match, errors);
                if (errors.Count > 0)
                {
                    counts.Quarantined++;
                    foreach (var e in errors) audit.Quarantine(raw.Line, e.Column, e.Value, e.Reason);
                }
                // A warning tells how a row loaded; a quarantined row did not load, and its errors say what to fix.
                else if (warnings is not null)
                {
                    foreach (var w in warnings) audit.Warn(raw.Line, w.Column, w.Value, w.Reason);
                }
                _options.Observer?.RowWritten(plan.Path, source.Sheet, raw.Line, readSoFar);
            }, staging.ReleaseWritten);
            foreach (var item in staging.Rows())
            {
                counts.Read++;
                var errors = pending.Begin(item.Raw, counts.Read, item.Warnings);
                if (item.Staged is null)
                {
                    errors.AddRange(item.Errors);
                    pending.EndNotStaged();
                }
                else if (writer.Upsert is null) pending.EndWritten(writer.Write(item.Staged, errors));
                else if (item.Prepared)
                {
                    errors.AddRange(item.Errors);
                    // An answer that disagrees with its questionnaire (department, quarter, customer) is quarantined.
                    if (questionnaires is not null && item.Values is not null && !questionnaires.Agrees((StagedSurveyAnswer)item.Staged, item.Values, errors))
                        pending.EndStaged(null);
                    // An encoded row is complete (FactRowWriter.IsComplete); any other may hold a name to turn into a key.
                    else if (item.Values is null || item.Encoded.Exists) pending.EndStaged(item.Values, item.Encoded, item.Key);
                    else
                    {
                        writer.Complete(item.Staged, item.Values); // turns names into keys; the natural key stays as it was
                        pending.EndStaged(item.Values, key: item.Key);
                    }
                }
                else pending.EndStaged(writer.Values(item.Staged, errors));
            }
            // Before anything reads the table (the consistency check) and before the file's commit.
            pending.Flush();
            if (kind is DataKind.Checks or DataKind.CheckDeductions) CheckDeductionConsistency.Warn(connection, transaction, sourceFileId, audit);
            writer.Finish();
            counts.Warnings = audit.WarningCount;
        }
        watch.Stop();
        batch.CompleteSource(transaction, sourceFileId, counts, watch.ElapsedMilliseconds, source.ContentSha256 ?? plan.Sha256, factIdBefore);
        return new LoadSummary(plan.Path, source.Sheet, kind.Name(), counts.Read, counts.Loaded, counts.Updated, counts.Unchanged,
            counts.Quarantined, counts.Warnings, false, null, match.UnknownColumns, source.EncodingName, sourceFileId, watch.ElapsedMilliseconds);
    }

    private static LoadSummary Rejected(string path, string? sheet, string? kind, string? encoding, string reason) =>
        new(path, sheet, kind, 0, 0, 0, 0, 0, 0, true, reason, [], encoding, null, 0);

    /// <param name="wholeFile">Check a text file's encoding over the whole file now; false leaves a file that starts
    /// as UTF-8 to be checked while its rows are read (<see cref="TextEncodingDetector.Detect"/>).</param>
    private static FilePlan PlanFile(string path, bool wholeFile, long maxWorkbookUnpackedBytes)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path)) return new FilePlan(path, "", 0, [], $"{path}: no such file or folder");
        if (!TabularFile.IsSupported(path))
        {
            var (h, n) = Hash(path);
            return new FilePlan(path, h, n, [], $"{fileName}: not a supported file type (.csv, .tsv, .txt or .xlsx)");
        }
        // Nothing in it (a 0-byte file of any type: an export that wrote nothing, a workbook never saved): skipped, as a
        // blank file or an empty workbook is below. A nightly load must not fail because a department sent nothing.
        if (new FileInfo(path).Length == 0) return new FilePlan(path, null, 0, [], null, $"{fileName}: has no header row (the file is empty or blank).");
        // A text file is hashed by the one pass that reads its rows (ITabularSource.ContentSha256), so a large file is
        // read once. A workbook is read by sheet and by part, not front to back: its hash and the reading of its
        // structure each read the whole file, on a core each.
        var hashing = TabularFile.IsTextFile(path) ? null : Task.Run(() => Hash(path));
        try
        {
            var sources = TabularFile.Open(path, wholeFile, LooksLikeAHeader, maxWorkbookUnpackedBytes).Select(s => new SourcePlan(s, HeaderMatcher.Match(s.Header))).ToList();
            (string? Hash, long Size) hash;
            try
            {
                hash = hashing is null ? (null, new FileInfo(path).Length) : hashing.GetAwaiter().GetResult();
            }
            catch
            {
                foreach (var source in sources) source.Source.Dispose();
                throw;
            }
            if (sources.Count == 0) return new FilePlan(path, hash.Hash, hash.Size, [], null, $"{fileName}: the file holds no data (no header row found)");
            return new FilePlan(path, hash.Hash, hash.Size, sources, null);
        }
        catch (FileRejectedException ex)
        {
            var (hash, size) = hashing?.GetAwaiter().GetResult() ?? Hash(path);
            return ex.HoldsNothing ? new FilePlan(path, hash, size, [], null, ex.Message) : new FilePlan(path, hash, size, [], ex.Message);
        }
    }

    /// <summary>A row whose names make a kind of the contract, complete or not (a title above the table does not).</summary>
    private static bool LooksLikeAHeader(IReadOnlyList<string> cells) => HeaderMatcher.Match(cells).Kind is not null;

    internal static (string Hash, long Size) Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    /// <summary>Files as given, in the order given; folders recursively, their files in name order (ordinal, so a load
    /// is repeatable) at the folder's place; hidden files are skipped.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => TabularFile.IsSupported(f) && !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal);
                foreach (var f in files) yield return Path.GetFullPath(f);
            }
            else yield return Path.GetFullPath(path);
        }
    }
}
