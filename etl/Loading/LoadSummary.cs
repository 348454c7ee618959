namespace QualityAnalytics.Etl.Loading;

/// <summary>What happened to one file (or one sheet of a workbook): the line `qa load` prints.</summary>
public sealed record LoadSummary(
    string File,
    string? Sheet,
    string? Kind,
    int Read,
    int Loaded,
    int Updated,
    int Unchanged,
    int Quarantined,
    int Warnings,
    bool Rejected,
    string? Reason,
    IReadOnlyList<string> UnknownColumns,
    string? Encoding,
    long? SourceFileId,
    long ElapsedMs);

/// <summary>The whole load: one batch.</summary>
public sealed record LoadResult(long BatchId, IReadOnlyList<LoadSummary> Files)
{
    public bool AnyRejected => Files.Any(f => f.Rejected);
}

/// <summary>Follows a load as it runs, on the loader's writing thread, once per row in input order (`qa load`'s progress
/// line on a terminal, and fault injection in tests).</summary>
public interface ILoadObserver
{
    void RowWritten(string file, string? sheet, int line, int rowsSoFar);

    /// <summary>Every row of the file is written and its transaction commits now (on SQLite the commit syncs the WAL, what
    /// the load wrote that the kernel has not yet written to disk: a fraction of a second per million rows).</summary>
    void Committing(string file) { }
}
