using QualityAnalytics.Reports.Resources;

namespace QualityAnalytics.Reports.Analysis.Statistics;

/// <summary>
/// Western Electric rules 1–4 and Nelson rules 3, 4, 7, 8 (Nelson 1, 5, 6 are WE1–WE3; Nelson 2 is WE4 with 9 points
/// instead of 8). Each is checked within a phase (a run never spans a process change). Points of a violation are the ones
/// that meet the condition (for "2 of 3 beyond 2σ", the two); overlapping windows of one rule merge into one violation.
/// Zone rules skip points without σ; a σ of 0 (a constant baseline) makes every point off the centre line "beyond".
/// </summary>
public static class RunRules
{
    public const string WE1 = "WE1", WE2 = "WE2", WE3 = "WE3", WE4 = "WE4", N3 = "N3", N4 = "N4", N7 = "N7", N8 = "N8";

    public static IReadOnlyList<string> WesternElectric { get; } = [WE1, WE2, WE3, WE4];
    public static IReadOnlyList<string> All { get; } = [WE1, WE2, WE3, WE4, N3, N4, N7, N8];
    public static IReadOnlyList<string> LimitsOnly { get; } = [WE1];

    /// <summary>The rule in words, English (the words are in FindingsText.en.resx).</summary>
    public static string Describe(string rule) => FindingsText.English.Rule(rule);

    /// <summary>The rule in words, Chinese (the report's and the findings' language by default; FindingsText.resx).</summary>
    public static string DescribeZh(string rule) => FindingsText.Chinese.Rule(rule);

    public static IReadOnlyList<RuleViolation> Check(IReadOnlyList<ChartPoint> points, IReadOnlyList<string> rules)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(rules);
        var result = new List<RuleViolation>();
        foreach (var rule in rules)
        {
            foreach (var phase in points.GroupBy(p => p.Phase).OrderBy(g => g.Key))
            {
                var p = phase.OrderBy(x => x.Index).ToList();
                result.AddRange(Merge(rule, Windows(rule, p)));
            }
        }
        return result;
    }

    private static IEnumerable<List<int>> Windows(string rule, List<ChartPoint> p) => rule switch
    {
        WE1 => p.Where(x => Z(x) is { } z && Math.Abs(z) > 3).Select(x => new List<int> { x.Index }),
        WE2 => Zone(p, 3, 2, 2),
        WE3 => Zone(p, 5, 4, 1),
        WE4 => SameSide(p, 8),
        N3 => Monotone(p, 6),
        N4 => Alternating(p, 14),
        N7 => Runs(p, 15, x => Z(x) is { } z && Math.Abs(z) < 1),
        N8 => Runs(p, 8, x => Z(x) is { } z && Math.Abs(z) > 1),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown rule"),
    };

    /// <summary>Distance from the centre line in σ; ±∞ off a zero-σ centre line, 0 on it; null without σ.</summary>
    public static double? Z(ChartPoint x)
    {
        if (x.Sigma is not { } s) return null;
        var d = x.Value - x.CenterLine;
        if (s > 0) return d / s;
        return d == 0 ? 0 : d > 0 ? double.PositiveInfinity : double.NegativeInfinity;
    }

    private static IEnumerable<List<int>> Zone(List<ChartPoint> p, int window, int needed, double beyond)
    {
        for (var i = 0; i + window <= p.Count; i++)
        {
            var w = p.GetRange(i, window);
            foreach (var sign in new[] { 1, -1 })
            {
                var hits = w.Where(x => Z(x) is { } z && sign * z > beyond).Select(x => x.Index).ToList();
                if (hits.Count >= needed) yield return hits;
            }
        }
    }

    private static IEnumerable<List<int>> SameSide(List<ChartPoint> p, int run) =>
        Runs(p, run, x => x.Value > x.CenterLine).Concat(Runs(p, run, x => x.Value < x.CenterLine));

    private static IEnumerable<List<int>> Runs(List<ChartPoint> p, int run, Func<ChartPoint, bool> condition)
    {
        for (var i = 0; i + run <= p.Count; i++)
        {
            var w = p.GetRange(i, run);
            if (w.All(condition)) yield return [.. w.Select(x => x.Index)];
        }
    }

    private static IEnumerable<List<int>> Monotone(List<ChartPoint> p, int run)
    {
        for (var i = 0; i + run <= p.Count; i++)
        {
            var w = p.GetRange(i, run);
            var up = Enumerable.Range(1, run - 1).All(k => w[k].Value > w[k - 1].Value);
            var down = Enumerable.Range(1, run - 1).All(k => w[k].Value < w[k - 1].Value);
            if (up || down) yield return [.. w.Select(x => x.Index)];
        }
    }

    private static IEnumerable<List<int>> Alternating(List<ChartPoint> p, int run)
    {
        for (var i = 0; i + run <= p.Count; i++)
        {
            var w = p.GetRange(i, run);
            var ok = true;
            for (var k = 2; k < run && ok; k++)
            {
                var a = Math.Sign(w[k - 1].Value - w[k - 2].Value);
                var b = Math.Sign(w[k].Value - w[k - 1].Value);
                ok = a != 0 && b != 0 && a != b;
            }
            if (ok) yield return [.. w.Select(x => x.Index)];
        }
    }

    /// <summary>Windows that overlap are one violation, listed with the union of their points.</summary>
    private static IEnumerable<RuleViolation> Merge(string rule, IEnumerable<List<int>> windows)
    {
        if (rule == WE1)
        {
            foreach (var w in windows) yield return new RuleViolation(rule, Describe(rule), w);
            yield break;
        }
        SortedSet<int>? current = null;
        int currentEnd = int.MinValue;
        foreach (var w in windows.OrderBy(w => w.Min()))
        {
            if (current is not null && w.Min() <= currentEnd)
            {
                current.UnionWith(w);
                currentEnd = Math.Max(currentEnd, w.Max());
                continue;
            }
            if (current is not null) yield return new RuleViolation(rule, Describe(rule), [.. current]);
            current = [.. w];
            currentEnd = w.Max();
        }
        if (current is not null) yield return new RuleViolation(rule, Describe(rule), [.. current]);
    }
}
