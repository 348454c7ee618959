using System.Data.Common;
using QualityAnalytics.Etl.Reading;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The batch and source-file audit records. The batch row is written in its own short transaction before any
/// file, so a batch that dies midway is still visible (status running, then failed).</summary>
/// <param name="run">A dry run's one transaction (every record is written in it, and rolled back with it), or null.</param>
internal sealed class BatchRecorder(DbConnection connection, TimeProvider clock, DbTransaction? run)
{
    public long Start(string loadedBy, int files)
    {
        using var cmd = Command(run, "INSERT INTO load_batch (started_at, loaded_by, status, files, read, loaded, updated, unchanged, quarantined, rejected, marts_refreshed) " +
                                      "VALUES (@at, @by, 'running', @files, 0, 0, 0, 0, 0, 0, FALSE) RETURNING id");
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

    /// <summary>A source about to be loaded (<paramref name="rejected"/> false) or refused. A source being loaded may
    /// have no content hash yet (a text file is hashed as its rows are read): <see cref="CompleteSource"/> records it.</summary>
    public long RecordSource(DbTransaction transaction, long batchId, FilePlan plan, ITabularSource source, string? kind, bool rejected, string? reason,
        IReadOnlyList<string> unknownColumns) =>
        Insert(transaction, batchId, plan, source.Sheet, kind, source.EncodingName, rejected, reason, unknownColumns,
            rejected ? plan.Sha256 : plan.PlannedSha256 ?? PendingSha256);

    // What sha256 holds until CompleteSource, inside the file's own transaction (never committed so).
    private const string PendingSha256 = "";

    /// <summary>A file refused whole: recorded in its own transaction, after the file's own was rolled back.</summary>
    public long RecordRejected(long batchId, FilePlan plan, string? sheet, string? kind, string? encoding, string reason)
    {
        using var transaction = FileTransaction.Begin(connection, run);
        var id = Insert(transaction.Transaction, batchId, plan, sheet, kind, encoding, true, reason, [], plan.Sha256);
        transaction.Commit();
        return id;
    }

    /// <param name="sha256">The content hash: of the bytes the reading of the rows read (a text file), else the plan's.</param>
    public void CompleteSource(DbTransaction transaction, long sourceFileId, SourceCounts counts, long elapsedMs, string sha256)
    {
        using var cmd = Command(transaction, "UPDATE source_file SET read = @r, loaded = @l, updated = @u, unchanged = @n, quarantined = @q, elapsed_ms = @ms, " +
                                             "sha256 = @sha WHERE id = @id");
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
