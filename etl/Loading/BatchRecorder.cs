using System.Data.Common;
using QualityAnalytics.Etl.Reading;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The batch and source-file audit records. The batch row is written in its own short transaction before any
/// file, so a batch that dies midway is still visible (status running, then failed); each file's sources likewise
/// before the file (<see cref="RecordSources"/>), completed inside the file's transaction.</summary>
/// <param name="run">A dry run's one transaction (every record is written in it, and rolled back with it), or null.</param>
internal sealed class BatchRecorder(DbConnection connection, TimeProvider clock, DbTransaction? run)
{
    /// <summary>The id a dry run's batch row takes, given rather than drawn: no load ever draws it (identities start at 1).</summary>
    public const long DryRunBatchId = -1;

    /// <summary>Records the batch as running; its id. A dry run's batch is given <see cref="DryRunBatchId"/> instead of
    /// drawing the next one: on PostgreSQL an identity sequence is not rolled back with the transaction, so every
    /// "check only" would leave a hole in the batch numbers the working group and an auditor read as the load history
    /// ("where did batches 2–4 go?"); SQLite reuses the number anyway. The other ids a dry run draws (facts, source files,
    /// quarantined rows) are surrogate keys no one reads in sequence: they may skip values, as after any rolled-back
    /// PostgreSQL transaction.</summary>
    public long Start(string loadedBy, int files)
    {
        var dryRun = run is not null;
        using var cmd = Command(run, "INSERT INTO load_batch (" + (dryRun ? "id, " : "") +
                                      "started_at, loaded_by, status, files, read, loaded, updated, unchanged, quarantined, rejected, marts_refreshed) " +
                                      "VALUES (" + (dryRun ? "@id, " : "") + "@at, @by, 'running', @files, 0, 0, 0, 0, 0, 0, FALSE) RETURNING id");
        if (dryRun) Param(cmd, "@id", DryRunBatchId);
        Param(cmd, "@at", AuditTime.Now(clock));
        Param(cmd, "@by", loadedBy);
        Param(cmd, "@files", files);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Finish(long batchId, IReadOnlyList<LoadSummary> files, bool failed)
    {
        using var cmd = Command(run, "UPDATE load_batch SET finished_at = @at, status = @status, read = @r, loaded = @l, updated = @u, " +
                                      "unchanged = @n, quarantined = @q, rejected = @x WHERE id = @id");
        Param(cmd, "@at", AuditTime.Now(clock));
        Param(cmd, "@status", failed ? "failed" : files.Any(f => f.Rejected) ? "partial" : "succeeded");
        Param(cmd, "@r", files.Sum(f => f.Read));
        Param(cmd, "@l", files.Sum(f => f.Loaded));
        Param(cmd, "@u", files.Sum(f => f.Updated));
        Param(cmd, "@n", files.Sum(f => f.Unchanged));
        Param(cmd, "@q", files.Sum(f => f.Quarantined));
        Param(cmd, "@x", files.Count(f => f.Rejected));
        Param(cmd, "@id", batchId);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Records a file's sources (its sheets, or the one table of a text file), each as its header decided
    /// (<paramref name="headers"/>): refused, skipped, or about to be loaded, in a short transaction of their own, committed
    /// before the file's (a savepoint in a dry run); the ids in the order given. A source about to be loaded is recorded
    /// pending: counts 0 and, for a text file, whose hash the reading of its rows computes, the hash empty, until
    /// <see cref="CompleteSource"/> in the file's transaction, as the batch itself is recorded running before its files.
    /// <para>Why not inside the file's transaction: the rows it updates at its end would then have been written at its
    /// start. On SQLite their pages, dirtied first and idle through a large file, are among the first the page cache
    /// spills to the WAL when it fills, and the update at the end overwrites those frames in place, which makes SQLite
    /// read back and re-checksum every frame after them at the commit (~220 MB and ~0.1 s per million rows, all of it
    /// on the one writing thread; docs/benchmarks.md, "Eighteenth session"). Rows committed before are written again
    /// into new frames instead. A file refused or failed has its rows withdrawn in the transaction that records why
    /// (<see cref="RecordRejected"/>, <see cref="Withdraw"/>), so the audit ends as it did before: one rejected row
    /// for the file. If the process dies mid-file, its rows stay pending under a batch left running, naming the
    /// files it was loading.</para></summary>
    public IReadOnlyList<long> RecordSources(long batchId, FilePlan plan, IReadOnlyList<SourcePlan> sources, IReadOnlyList<HeaderCheck> headers)
    {
        using var transaction = FileTransaction.Begin(connection, run);
        var ids = new long[sources.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            var (kind, rejected, reason) = headers[i];
            var pending = headers[i].Loads;
            var (source, match) = sources[i];
            ids[i] = Insert(transaction.Transaction, batchId, plan, source.Sheet, kind, source.EncodingName, rejected, reason, match.UnknownColumns,
                pending ? plan.PlannedSha256 ?? PendingSha256 : plan.Sha256);
        }
        transaction.Commit();
        return ids;
    }

    // What sha256 holds until CompleteSource (a text file being loaded).
    private const string PendingSha256 = "";

    /// <summary>A file refused whole: recorded in its own transaction, after the file's own was rolled back, with the
    /// rows <see cref="RecordSources"/> recorded for it withdrawn.</summary>
    public long RecordRejected(long batchId, FilePlan plan, string? sheet, string? kind, string? encoding, string reason, IReadOnlyList<long>? withdrawn = null)
    {
        using var transaction = FileTransaction.Begin(connection, run);
        Delete(transaction.Transaction, withdrawn ?? []);
        var id = Insert(transaction.Transaction, batchId, plan, sheet, kind, encoding, true, reason, [], plan.Sha256);
        transaction.Commit();
        return id;
    }

    /// <summary>A file skipped whole (it holds nothing: <see cref="FilePlan.SkippedReason"/>): recorded, not refused.</summary>
    public long RecordSkipped(long batchId, FilePlan plan, string reason)
    {
        using var transaction = FileTransaction.Begin(connection, run);
        var id = Insert(transaction.Transaction, batchId, plan, null, null, null, false, reason, [], plan.Sha256);
        transaction.Commit();
        return id;
    }

    /// <summary>Withdraws the rows <see cref="RecordSources"/> recorded for a file that will be loaded again (its
    /// encoding refuted halfway: FileLoader re-plans it).</summary>
    public void Withdraw(IReadOnlyList<long> recorded)
    {
        using var transaction = FileTransaction.Begin(connection, run);
        Delete(transaction.Transaction, recorded);
        transaction.Commit();
    }

    private void Delete(DbTransaction transaction, IReadOnlyList<long> ids)
    {
        foreach (var id in ids)
        {
            using var cmd = Command(transaction, "DELETE FROM source_file WHERE id = @id");
            Param(cmd, "@id", id);
            cmd.ExecuteNonQuery();
        }
    }

    /// <param name="sha256">The content hash: of the bytes the reading of the rows read (a text file), else the plan's.</param>
    /// <param name="factIdBefore">The largest id of the source's fact table before its rows (SourceFile.FactIdBefore).</param>
    public void CompleteSource(DbTransaction transaction, long sourceFileId, SourceCounts counts, long elapsedMs, string sha256, long? factIdBefore)
    {
        using var cmd = Command(transaction, "UPDATE source_file SET read = @r, loaded = @l, updated = @u, unchanged = @n, quarantined = @q, elapsed_ms = @ms, " +
                                             "sha256 = @sha, fact_id_before = @w WHERE id = @id");
        Param(cmd, "@w", factIdBefore);
        Param(cmd, "@sha", sha256);
        Param(cmd, "@r", counts.Read);
        Param(cmd, "@l", counts.Loaded);
        Param(cmd, "@u", counts.Updated);
        Param(cmd, "@n", counts.Unchanged);
        Param(cmd, "@q", counts.Quarantined);
        Param(cmd, "@ms", elapsedMs);
        Param(cmd, "@id", sourceFileId);
        cmd.ExecuteNonQuery();
    }

    private long Insert(DbTransaction transaction, long batchId, FilePlan plan, string? sheet, string? kind, string? encoding, bool rejected, string? reason,
        IReadOnlyList<string> unknownColumns, string sha256)
    {
        using var cmd = Command(transaction,
            "INSERT INTO source_file (batch_id, path, file_name, sheet, kind, sha256, size_bytes, encoding, read, loaded, updated, unchanged, quarantined, " +
            "rejected, reason, unknown_columns, elapsed_ms) VALUES (@b, @path, @name, @sheet, @kind, @sha, @size, @enc, 0, 0, 0, 0, 0, @rej, @why, @unk, 0) RETURNING id");
        Param(cmd, "@b", batchId);
        Param(cmd, "@path", plan.Path);
        Param(cmd, "@name", Path.GetFileName(plan.Path));
        Param(cmd, "@sheet", sheet);
        Param(cmd, "@kind", kind);
        Param(cmd, "@sha", sha256);
        Param(cmd, "@size", plan.SizeBytes);
        Param(cmd, "@enc", encoding);
        Param(cmd, "@rej", rejected);
        Param(cmd, "@why", reason);
        Param(cmd, "@unk", unknownColumns.Count == 0 ? null : string.Join(", ", unknownColumns));
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private DbCommand Command(DbTransaction? transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Param(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
