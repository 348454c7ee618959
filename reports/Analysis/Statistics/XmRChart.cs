namespace QualityAnalytics.Reports.Analysis.Statistics;

/// <summary>The individuals chart and its moving-range companion.</summary>
public sealed record XmRResult(ControlChart Individuals, ControlChart MovingRange, double? AverageMovingRange);

/// <summary>
/// Individuals and moving range (XmR): per phase, X̄ = mean of the baseline points, MR̄ = mean of |xᵢ − xᵢ₋₁| over
/// consecutive baseline pairs, σ̂ = MR̄ / d₂ (d₂ = 1.128 for n = 2), X limits X̄ ± 3σ̂ (= X̄ ± 2.66 MR̄), MR chart
/// upper limit D₄·MR̄ = 3.267 MR̄ (lower 0). A phase with fewer than 2 baseline points has a centre line but no limits.
/// The MR chart is checked for points above its upper limit only (rule MR1).
/// Given the range the values can take (<c>range</c>: a self-check mean lies in 0–100), an X limit beyond it is drawn at
/// its edge, as the p chart's are clipped to [0, 1]: a UCL of 100.8 can never be crossed, and on the report's chart it
/// stretched the score axis to 102. The rules read the centre line and σ, so no signal changes.
/// </summary>
public static class XmRChart
{
    public const double D2 = 1.128;
    public const double D4 = 3.267;

    public static XmRResult Compute(IReadOnlyList<double> values, IReadOnlyList<string> labels, ControlBaseline baseline, IReadOnlyList<string> rules,
        (double Min, double Max)? range = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(baseline);
        if (values.Count != labels.Count) throw new ArgumentException("one label per value is required", nameof(labels));
        var xs = new List<ChartPoint>();
        var mrs = new List<ChartPoint>();
        var excluded = new List<int>();
        double? lastMrBar = null;
        var phases = baseline.Phases(values.Count);
        for (var ph = 0; ph < phases.Count; ph++)
        {
            var (start, end) = phases[ph];
            if (values.Count == 0) break;
            var basis = baseline.BaselineOf(start, end);
            var (center, mrBar) = Estimate(values, basis);
            if (!baseline.IsFrozen && mrBar is { } m0)
            {
                var sigma0 = m0 / D2;
                var outside = basis.Where(i => Math.Abs(values[i] - center) > 3 * sigma0 && sigma0 > 0).ToList();
                if (outside.Count > 0 && basis.Count - outside.Count >= Math.Max(2, Math.Ceiling(baseline.MinimumKeptShare * basis.Count)))
                {
                    basis = [.. basis.Except(outside)];
                    excluded.AddRange(outside);
                    (center, mrBar) = Estimate(values, basis);
                }
            }
            lastMrBar = mrBar;
            double? sigma = mrBar / D2;
            var inBasis = basis.ToHashSet();
            for (var i = start; i <= end; i++)
            {
                var (upper, lower) = (center + 3 * sigma, center - 3 * sigma);
                if (range is { } r) (upper, lower) = (upper is { } u ? Math.Min(r.Max, u) : null, lower is { } l ? Math.Max(r.Min, l) : null);
                xs.Add(new ChartPoint(i, labels[i], values[i], center, upper, lower, sigma, ph, inBasis.Contains(i)));
                if (i > start)
                {
                    // MR chart: no σ zones (its distribution is skewed); the centre line is MR̄.
                    mrs.Add(new ChartPoint(i, labels[i], Math.Abs(values[i] - values[i - 1]), mrBar ?? 0, D4 * mrBar, 0, null, ph, inBasis.Contains(i) && inBasis.Contains(i - 1)));
                }
            }
        }
        var violations = RunRules.Check(xs, rules);
        var mrViolations = mrs.Where(p => p.Upper is { } u && p.Value > u)
            .Select(p => new RuleViolation("MR1", "moving range above its upper limit D4·MR̄ (移动极差超出上限)", [p.Index])).ToList();
        return new XmRResult(
            new ControlChart("individuals", xs, violations, excluded, baseline.Describe()),
            new ControlChart("moving_range", mrs, mrViolations, excluded, baseline.Describe()),
            lastMrBar);
    }

    private static (double Center, double? MrBar) Estimate(IReadOnlyList<double> values, List<int> basis)
    {
        var center = basis.Average(i => values[i]);
        var set = basis.ToHashSet();
        var ranges = basis.Where(i => set.Contains(i - 1)).Select(i => Math.Abs(values[i] - values[i - 1])).ToList();
        return (center, ranges.Count == 0 ? null : ranges.Average());
    }
}
