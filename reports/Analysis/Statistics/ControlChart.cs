namespace QualityAnalytics.Reports.Analysis.Statistics;

/// <summary>One plotted point: its value, the centre line and 3σ limits in force for it, and σ itself (the zones of the run
/// rules are CL ± 1σ, 2σ). Limits are null when the baseline is too small to estimate them.</summary>
public sealed record ChartPoint(int Index, string Label, double Value, double CenterLine, double? Upper, double? Lower, double? Sigma, int Phase, bool InBaseline);

/// <summary>A broken rule: its id (WE1–WE4, N3, N4, N7, N8, MR1), what it says, and the indices of the points that broke it.</summary>
public sealed record RuleViolation(string Rule, string Description, IReadOnlyList<int> Points);

/// <summary>A control chart: kind (individuals, moving_range, c, u, p), points, violations, and which points the automatic baseline left out.</summary>
public sealed record ControlChart(string Kind, IReadOnlyList<ChartPoint> Points, IReadOnlyList<RuleViolation> Violations, IReadOnlyList<int> ExcludedFromBaseline, string Baseline);

/// <summary>
/// Where the limits come from. Phases split the series at process changes (re-phasing): each phase has its own limits.
/// Within a phase the baseline is the frozen range (indices, inclusive) where it overlaps the phase, otherwise every point of
/// the phase. An automatic baseline (no frozen range) drops the points beyond 3σ once and recomputes (Montgomery's phase I
/// practice: out-of-control points are not part of the process's common-cause variation), but only when at least
/// <see cref="MinimumKeptShare"/> of the points remain; otherwise the process is not stable (a shift, not isolated
/// special causes) and every point stays in.
/// </summary>
public sealed record ControlBaseline
{
    public static ControlBaseline Automatic { get; } = new();

    public int? FrozenFrom { get; init; }
    public int? FrozenTo { get; init; }
    public IReadOnlyList<int> PhaseStarts { get; init; } = [];
    public double MinimumKeptShare { get; init; } = 2.0 / 3;

    public static ControlBaseline Frozen(int from, int to) => new() { FrozenFrom = from, FrozenTo = to };

    public bool IsFrozen => FrozenFrom is not null || FrozenTo is not null;

    internal IReadOnlyList<(int Start, int End)> Phases(int count)
    {
        var starts = PhaseStarts.Where(s => s > 0 && s < count).Distinct().Order().Prepend(0).ToList();
        return [.. starts.Select((s, i) => (s, i + 1 < starts.Count ? starts[i + 1] - 1 : count - 1))];
    }

    internal List<int> BaselineOf(int start, int end)
    {
        if (IsFrozen)
        {
            var from = Math.Max(start, FrozenFrom ?? start);
            var to = Math.Min(end, FrozenTo ?? end);
            if (from <= to) return [.. Enumerable.Range(from, to - from + 1)];
        }
        return [.. Enumerable.Range(start, end - start + 1)];
    }

    internal string Describe() => IsFrozen
        ? $"frozen: points {FrozenFrom ?? 0}–{(FrozenTo is { } t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "end")}" + PhaseText()
        : "automatic: every point, less those beyond 3σ when at least two thirds remain" + PhaseText();

    private string PhaseText() => PhaseStarts.Count == 0 ? "" : "; new phases at " + string.Join(", ", PhaseStarts);
}
