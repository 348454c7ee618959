using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Reports.Report;

/// <summary>
/// Everything the quarterly report shows, read once by <see cref="ReportDataReader"/>; the composer only formats it.
/// Times are local wall time, Asia/Shanghai. <see cref="GeneratedAt"/> comes from the clock; <see cref="DataAsOf"/> from the
/// data (the end of the last load that fed the quarter), so a regenerated archived quarter differs only in its stamp.
/// </summary>
public sealed record ReportModel(
    Quarter Quarter,
    string? Company,
    DateTime GeneratedAt,
    DateTimeOffset GeneratedInstant,
    DateTime? DataAsOf,
    ScoringPolicy Policy,
    string? PolicySource,
    ApprovalInfo? Approval,
    IReadOnlyList<AssessmentDifference> DifferencesFromApproved,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyDictionary<string, int> Ranks,
    BudgetSummary Budget,
    AnalysisInput Input,
    QuarterAnalysis Analysis,
    IReadOnlyList<DepartmentNote> Notes,
    string? NotesSource,
    DataLineage Lineage)
{
    /// <summary>A department's total (or null) in another quarter, from the history the analysis read.</summary>
    public decimal? TotalIn(string departmentCode, Quarter quarter) =>
        Input.Scores.FirstOrDefault(s => s.Quarter == quarter && s.DepartmentCode == departmentCode)?.Total;
}

/// <summary>The committee's approval (第六条 审定): who and when (local time).</summary>
/// <param name="PolicyChangedVersion">The approved policy version's name when its values in the policy in force differ
/// from those at approval (<see cref="Warehouse.Scoring.PolicyFingerprint"/>); null when they do not or are not known.</param>
/// <param name="PolicyChanges">Which values differ, when the approval kept them (<see cref="Warehouse.Scoring.ApprovedPolicy"/>):
/// the report then explains and judges the quarter by the values at approval. Null when the approval kept none (made
/// before they were kept): the report can only warn that its notes and targets follow the values now in force.</param>
public sealed record ApprovalInfo(string ApprovedBy, DateTime ApprovedAt, string? Note, string? PolicyChangedVersion = null,
    IReadOnlyList<PolicyChange>? PolicyChanges = null);

/// <summary>The working group's analysis of one department's quarter: causes and solutions (第十五条).</summary>
public sealed record DepartmentNote(string DepartmentCode, string? Causes, string? Solutions);

/// <summary>Where the quarter's numbers came from: the load batches, their files, and the rows quarantined on the way.</summary>
public sealed record DataLineage(IReadOnlyList<BatchLine> Batches, IReadOnlyList<FileLine> Files, int QuarantinedTotal, IReadOnlyList<QuarantineLine> Quarantined);

/// <summary>One load batch (times local).</summary>
public sealed record BatchLine(long Id, DateTime StartedAt, DateTime? FinishedAt, string LoadedBy, string Status, int Files, int Read, int Loaded, int Quarantined);

/// <summary>One file (or workbook sheet) of a batch.</summary>
public sealed record FileLine(long BatchId, string FileName, string? Sheet, string? Kind, string Sha256, int Read, int Loaded, int Quarantined, bool Rejected);

/// <summary>One quarantined row: where it was and why.</summary>
/// <param name="Kind">The contract's name of the file's kind (complaints…), which names its fields in Chinese.</param>
/// <param name="Value">The rejected value as the file had it (null for an empty cell): with the file and line, what lets
/// a reader recognise the row, since a quarantined row records no quarter.</param>
public sealed record QuarantineLine(long BatchId, string File, string? Sheet, int Line, string Column, string Reason, string? Kind = null, string? Value = null);

internal static class LineageReader
{
    public static DataLineage Read(WarehouseDbContext db, IReadOnlyList<long> batchIds, int listed)
    {
        var ids = batchIds.ToList();
        var batches = db.LoadBatches.Where(b => ids.Contains(b.Id)).ToList().OrderBy(b => b.Id)
            .Select(b => new BatchLine(b.Id, Local(b.StartedAt), b.FinishedAt is { } f ? Local(f) : null, b.LoadedBy, b.Status, b.Files, b.Read, b.Loaded, b.Quarantined))
            .ToList();
        var sourceFiles = db.SourceFiles.Where(f => ids.Contains(f.BatchId)).ToList();
        var kindOf = sourceFiles.ToDictionary(f => f.Id, f => f.Kind);
        var files = sourceFiles
            .OrderBy(f => f.BatchId).ThenBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.Sheet ?? "", StringComparer.Ordinal)
            .Select(f => new FileLine(f.BatchId, f.FileName, f.Sheet, f.Kind, f.Sha256, f.Read, f.Loaded, f.Quarantined, f.Rejected))
            .ToList();
        var quarantined = db.QuarantinedRows.Where(q => ids.Contains(q.BatchId));
        var total = quarantined.Count();
        // The first rows by file name in code-point order on both engines (PostgreSQL would otherwise use the locale's
        // collation), sheetless (CSV) rows first as SQLite sorts nulls; ordered in the database because only these are read.
        var binary = db.Database.IsNpgsql() ? "C" : "BINARY";
        var rows = quarantined.OrderBy(q => q.BatchId).ThenBy(q => EF.Functions.Collate(q.File, binary)).ThenBy(q => q.Sheet != null)
            .ThenBy(q => EF.Functions.Collate(q.Sheet, binary)).ThenBy(q => q.Line).ThenBy(q => q.Id).Take(Math.Max(0, listed)).ToList()
            .Select(q => new QuarantineLine(q.BatchId, q.File, q.Sheet, q.Line, q.Column, q.Reason, kindOf.GetValueOrDefault(q.SourceFileId), q.Value)).ToList();
        return new DataLineage(batches, files, total, rows);
    }

    public static DateTime Local(DateTimeOffset instant) => BusinessTime.Local(instant);
}
