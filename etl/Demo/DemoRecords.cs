using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Demo;

/// <summary>Options of the demo generator. The defaults give two years of quarters, 2024Q4–2026Q3.</summary>
public sealed record DemoOptions(string OutputFolder, int Seed = 20260710, Quarter? FirstQuarter = null, Quarter? LastQuarter = null);

/// <summary>A row written wrong on purpose: where it is (Line is the physical line of a CSV, counting from 1 with the header; the Excel row number in a sheet), and why the loader must quarantine it.</summary>
public sealed record DemoBadRow(string File, string? Sheet, int Line, string Column, string Value, string Why);

/// <summary>What the generator wrote: file names relative to the output folder, and the deliberately bad rows.</summary>
public sealed record DemoManifest(IReadOnlyList<string> Files, IReadOnlyList<DemoBadRow> BadRows, Quarter FirstQuarter, Quarter LastQuarter);

internal sealed record DemoDepartment(string Code, string Name, string Manager, string[] Staff,
    decimal SelfLevel, double SurveyLevel, double ComplaintRate);

internal sealed record CheckRecord(string Id, string Department, DateOnly Month, bool Spot, decimal Score, string Inspector, DateOnly CheckedOn, string? Note)
{
    public BadMark? Bad { get; init; }
}

internal sealed record DeductionRecord(string CheckId, DateOnly Month, string Item, decimal Points, string? Note);

internal sealed record SurveyRecord(string ResponseId, string Department, Quarter Quarter, string Customer, string Question, int Score, DateOnly SubmittedOn, bool Excluded, string? Note)
{
    public BadMark? Bad { get; init; }
}

internal sealed record ComplaintRecord(string Id, string Department, Quarter Quarter, DateTime ReceivedAt, bool ReceivedWithSeconds, string Channel, bool Valid,
    string Customer, string Category, string Description, DateTime? RepliedAt, DateTime? ResolvedAt, decimal? DirectDeduction, string Handler, string? Satisfaction)
{
    public BadMark? Bad { get; init; }
}

/// <summary>Finding is the canonical English value: none, incomplete or mismatch.</summary>
internal sealed record CallbackRecord(string Id, string Department, Quarter Quarter, DateOnly CalledOn, string Finding, decimal? Deduction, string Customer, string? Note)
{
    public BadMark? Bad { get; init; }
}
