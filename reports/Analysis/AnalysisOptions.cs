using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>Every parameter of the analysis. Defaults: α 0.05, 8 quarters of history, automatic control-chart baseline.
/// The service targets are not here: they are the assessment policy's (<c>service_targets</c>, per version), read with
/// the input (<see cref="AnalysisInput.TargetsFor"/>), so the analysis and the dashboard's marts judge alike.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Significance level for trends and survey changes.</summary>
    public double Alpha { get; init; } = 0.05;
    /// <summary>Quarters of history for trends and charts, the analysed quarter included.</summary>
    public int HistoryQuarters { get; init; } = 8;
    /// <summary>Confidence of the forecast's prediction interval and of survey means.</summary>
    public double Confidence { get; init; } = 0.95;
    /// <summary>Frozen limits: the months (first day) whose points form the baseline; null: automatic.</summary>
    public DateOnly? BaselineFrom { get; init; }
    public DateOnly? BaselineTo { get; init; }
    /// <summary>Process changes: per department code, the months from which a new phase (new limits) starts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DateOnly>> PhaseStarts { get; init; } = new Dictionary<string, IReadOnlyList<DateOnly>>();
    /// <summary>Rules for the individuals (self-check) charts.</summary>
    public IReadOnlyList<string> IndividualsRules { get; init; } = RunRules.WesternElectric;
    /// <summary>Rules for the attribute (c, u, p) charts.</summary>
    public IReadOnlyList<string> AttributeRules { get; init; } = RunRules.LimitsOnly;
    /// <summary>Pareto threshold for the vital few.</summary>
    public double ParetoThreshold { get; init; } = 0.8;
    /// <summary>Below this many questionnaires a survey statistic carries a small-sample warning.</summary>
    public int SmallSurveySample { get; init; } = 5;
    /// <summary>Self-check above spot check by more than this (policy's "consistent" tier, d ≤ 1) counts as inflated.</summary>
    public decimal InflationTolerance { get; init; } = 1m;
    /// <summary>Inflated in at least this many consecutive quarters, ending with the analysed one, is a finding.</summary>
    public int InflationQuarters { get; init; } = 2;
    /// <summary>A self-check month mean at or above this is "high".</summary>
    public decimal HighSelfCheck { get; init; } = 95m;
    /// <summary>"Many" valid complaints: at least this many and above the departments' mean + 1 SD in the quarter.</summary>
    public int ManyComplaints { get; init; } = 3;

    internal ControlBaseline BaselineFor(string? department, IReadOnlyList<DateOnly> months)
    {
        int? Index(DateOnly? m) => m is { } v ? months.Select((x, i) => (x, i)).Where(t => t.x >= v).Select(t => (int?)t.i).FirstOrDefault() : null;
        int? IndexTo(DateOnly? m) => m is { } v ? months.Select((x, i) => (x, i)).Where(t => t.x <= v).Select(t => (int?)t.i).LastOrDefault() : null;
        var phases = department is not null && PhaseStarts.TryGetValue(department, out var starts)
            ? starts.Select(s => Index(s)).Where(i => i is not null).Select(i => i!.Value).ToList()
            : [];
        return new ControlBaseline { FrozenFrom = Index(BaselineFrom), FrozenTo = IndexTo(BaselineTo), PhaseStarts = phases };
    }

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Alpha is <= 0 or >= 1) p.Add($"alpha {Alpha} must lie strictly between 0 and 1");
        if (Confidence is <= 0 or >= 1) p.Add($"confidence {Confidence} must lie strictly between 0 and 1");
        if (HistoryQuarters < 1) p.Add($"history quarters {HistoryQuarters} must be at least 1");
        if (ParetoThreshold is <= 0 or > 1) p.Add($"Pareto threshold {ParetoThreshold} must lie in (0, 1]");
        if (BaselineFrom is { } f && BaselineTo is { } t && t < f) p.Add("the baseline ends before it starts");
        return p;
    }
}
