using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Loading;

/// <summary>One file as the loader plans it before writing anything: its sheets and their kinds, or why it cannot be
/// read at all. <paramref name="PlannedSha256"/>: the content hash when planning computed it (workbooks, refused
/// files); null for a text file, whose hash the reading of its rows computes (<see cref="ITabularSource.ContentSha256"/>).
/// <paramref name="SkippedReason"/>: why a file that holds nothing (0 bytes, blank, every sheet empty) is skipped.</summary>
internal sealed record FilePlan(string Path, string? PlannedSha256, long SizeBytes, IReadOnlyList<SourcePlan> Sources, string? RejectedReason,
    string? SkippedReason = null)
{
    private string? _computedSha256;

    /// <summary>The content hash from planning, or computed now from the file (a text file refused or skipped before
    /// its rows were read to the end).</summary>
    public string Sha256 => PlannedSha256 ?? (_computedSha256 ??= FileLoader.Hash(Path).Hash);

    /// <summary>Files holding departments load first, then those holding survey questions, so the facts of the same
    /// load can refer to them; every other file ranks alike and keeps its place in the load's order.</summary>
    public int LoadRank => Math.Min(Kinds.DefaultIfEmpty(99).Min(), FactRank);

    private const int FactRank = (int)Warehouse.Contract.DataKind.SurveyQuestions + 1;

    private IEnumerable<int> Kinds => Sources.Where(s => s.Match.Kind is not null).Select(s => (int)s.Match.Kind!.Value);
}

internal sealed record SourcePlan(ITabularSource Source, HeaderMatch Match);

/// <summary>What a source's header row decides before any row is read: <paramref name="Kind"/> (null when the header
/// matches none), and whether the source is refused (<paramref name="Rejected"/>) or skipped, with the reason; a source
/// with no reason loads.</summary>
internal sealed record HeaderCheck(string? Kind, bool Rejected, string? Reason)
{
    public bool Loads => Kind is not null && Reason is null;
}
