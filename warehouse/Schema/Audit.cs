namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Grain: one row per load (a `qa load` call, an upload or a nightly job run).</summary>
public sealed class LoadBatch
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required string LoadedBy { get; set; }
    /// <summary>running, succeeded, partial (some file rejected) or failed.</summary>
    public required string Status { get; set; }
    public int Files { get; set; }
    public int Read { get; set; }
    public int Loaded { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Quarantined { get; set; }
    public int Rejected { get; set; }
    /// <summary>True once the marts were rebuilt for the quarters this batch touched. A load killed between its commit and
    /// that rebuild leaves it false, and the next load's rebuild takes those quarters too.</summary>
    public bool MartsRefreshed { get; set; }
}

/// <summary>Grain: one row per file or workbook sheet in a batch.</summary>
public sealed class SourceFile
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public required string Path { get; set; }
    public required string FileName { get; set; }
    public string? Sheet { get; set; }
    public string? Kind { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public string? Encoding { get; set; }
    public int Read { get; set; }
    public int Loaded { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Quarantined { get; set; }
    public bool Rejected { get; set; }
    public string? Reason { get; set; }
    public string? UnknownColumns { get; set; }
    public long ElapsedMs { get; set; }

    /// <summary>The largest id in the source's fact table when its rows began to be written: every row it inserted has a
    /// larger id (ids only grow), so the quarters a load wrote are read from the rows above it instead of a scan of the
    /// whole table by batch (<see cref="Marts.SummaryMartRefresher.QuartersTouchedBy"/>). Null for a source that writes
    /// no fact table with a quarter (departments, questions, check deductions), one refused, and one loaded before this
    /// was recorded.</summary>
    public long? FactIdBefore { get; set; }
}

/// <summary>Grain: one row per rejected row, with where it was and why.</summary>
public sealed class QuarantinedRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public long SourceFileId { get; set; }
    public required string File { get; set; }
    public string? Sheet { get; set; }
    public int Line { get; set; }
    public required string Column { get; set; }
    public string? Value { get; set; }
    public required string Reason { get; set; }
}

/// <summary>Grain: one row per data warning on a row that still loaded (e.g. a check whose deductions do not add up).</summary>
public sealed class LoadWarning
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public long SourceFileId { get; set; }
    public required string File { get; set; }
    public string? Sheet { get; set; }
    public int Line { get; set; }
    public required string Column { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }
}

/// <summary>Grain: one row per update of an existing row by natural key: who sent what, when.</summary>
public sealed class RowChange
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public long SourceFileId { get; set; }
    public required string TableName { get; set; }
    public required string NaturalKey { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string OldValues { get; set; }
    public required string NewValues { get; set; }

    /// <summary>The quarter the changed row is in after the change, for a fact table that has one (null otherwise, and for
    /// changes recorded before this was): a correction touches that quarter's marts even when the quarter itself did not
    /// change.</summary>
    public int? QuarterKey { get; set; }
}
