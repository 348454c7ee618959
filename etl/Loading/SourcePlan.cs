using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Etl.Loading;

/// <summary>One file as the loader plans it before writing anything: its hash, its sheets and their kinds, or why it
/// cannot be read at all.</summary>
internal sealed record FilePlan(string Path, string Sha256, long SizeBytes, IReadOnlyList<SourcePlan> Sources, string? RejectedReason)
{
    /// <summary>Files holding dimensions load first, so the facts of the same load can refer to them.</summary>
    public int Priority => Sources.Where(s => s.Match.Kind is not null).Select(s => (int)s.Match.Kind!.Value).DefaultIfEmpty(99).Min();
}

internal sealed record SourcePlan(ITabularSource Source, HeaderMatch Match);
