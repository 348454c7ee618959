namespace QualityAnalytics.Reports.Analysis.Statistics;

/// <summary>
/// Attribute control charts. c: counts per equal opportunity, CL c̄, σ = √c̄. u: counts per unit of opportunity nᵢ
/// (here: complaints per working day), CL ū = Σc/Σn, σᵢ = √(ū/nᵢ). p: proportion defective out of nᵢ, CL p̄ = Σd/Σn,
/// σᵢ = √(p̄(1 − p̄)/nᵢ). Lower limits below 0 are 0 (and p's upper limit above 1 is 1). Baselines and phases as in
/// <see cref="ControlBaseline"/>. Their distributions are discrete and skewed at small means, so by default only rule 1 is
/// checked (<see cref="RunRules.LimitsOnly"/>); a point below a lower limit of 0 can never signal.
/// </summary>
public static class AttributeCharts
{
    public static ControlChart C(IReadOnlyList<double> counts, IReadOnlyList<string> labels, ControlBaseline baseline, IReadOnlyList<string>? rules = null) =>
        Build("c", counts, [.. counts.Select(_ => 1.0)], labels, baseline, rules, proportion: false);

    public static ControlChart U(IReadOnlyList<double> counts, IReadOnlyList<double> units, IReadOnlyList<string> labels, ControlBaseline baseline, IReadOnlyList<string>? rules = null) =>
        Build("u", counts, units, labels, baseline, rules, proportion: false);

    public static ControlChart P(IReadOnlyList<double> defective, IReadOnlyList<double> sampleSizes, IReadOnlyList<string> labels, ControlBaseline baseline, IReadOnlyList<string>? rules = null) =>
        Build("p", defective, sampleSizes, labels, baseline, rules, proportion: true);

    private static ControlChart Build(string kind, IReadOnlyList<double> counts, IReadOnlyList<double> units, IReadOnlyList<string> labels,
        ControlBaseline baseline, IReadOnlyList<string>? rules, bool proportion)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(baseline);
        if (counts.Count != units.Count || counts.Count != labels.Count) throw new ArgumentException("counts, units and labels must have the same length");
        if (units.Any(n => n <= 0)) throw new ArgumentException("every unit count (sample size) must be positive", nameof(units));
        if (proportion && counts.Where((d, i) => d > units[i]).Any()) throw new ArgumentException("a p-chart's defectives cannot exceed the sample size", nameof(counts));
        var points = new List<ChartPoint>();
        var excluded = new List<int>();
        var phases = counts.Count == 0 ? [] : baseline.Phases(counts.Count);
        for (var ph = 0; ph < phases.Count; ph++)
        {
            var (start, end) = phases[ph];
            var basis = baseline.BaselineOf(start, end);
            var center = Center(counts, units, basis);
            if (!baseline.IsFrozen)
            {
                var outside = basis.Where(i => Math.Abs(counts[i] / units[i] - center) > 3 * Sigma(center, units[i], proportion) && Sigma(center, units[i], proportion) > 0).ToList();
                if (outside.Count > 0 && basis.Count - outside.Count >= Math.Max(2, Math.Ceiling(baseline.MinimumKeptShare * basis.Count)))
                {
                    basis = [.. basis.Except(outside)];
                    excluded.AddRange(outside);
                    center = Center(counts, units, basis);
                }
            }
            var inBasis = basis.ToHashSet();
            for (var i = start; i <= end; i++)
            {
                var sigma = Sigma(center, units[i], proportion);
                var upper = center + 3 * sigma;
                if (proportion) upper = Math.Min(1, upper);
                var lower = Math.Max(0, center - 3 * sigma);
                points.Add(new ChartPoint(i, labels[i], counts[i] / units[i], center, upper, lower, sigma, ph, inBasis.Contains(i)));
            }
        }
        var violations = RunRules.Check(points, rules ?? RunRules.LimitsOnly)
            // A limit clipped to 0 (or 1) cannot be crossed: a month with no complaints is not a signal.
            .Where(v => v.Rule != RunRules.WE1 || v.Points.All(i => points[i].Value > points[i].Upper || points[i].Value < points[i].Lower))
            .ToList();
        return new ControlChart(kind, points, violations, excluded, baseline.Describe());
    }

    private static double Center(IReadOnlyList<double> counts, IReadOnlyList<double> units, List<int> basis) =>
        basis.Sum(i => counts[i]) / basis.Sum(i => units[i]);

    private static double Sigma(double center, double n, bool proportion) =>
        proportion ? Math.Sqrt(center * (1 - center) / n) : Math.Sqrt(center / n);
}
