using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>S (第十条): base = mean of the month means of self-checks, less a consistency penalty per spot-checked month.</summary>
internal static class SelfCheckComponent
{
    internal sealed record Result(decimal? Base, decimal Penalty, decimal? Score, ScoreLine Line);

    /// <param name="checks">This department's checks inside the quarter.</param>
    public static Result Compute(IReadOnlyList<CheckFact> checks, ScoringPolicy policy, List<string> warnings)
    {
        var clean = checks.Select(c => c with { Score = Clamp(c, warnings) }).ToList();
        var self = ByMonth(clean, CheckKind.Self);
        var spot = ByMonth(clean, CheckKind.Spot);
        var ids = clean.Select(c => c.CheckId).Order(StringComparer.Ordinal).ToList();

        foreach (var (month, rows) in spot)
        {
            if (!self.ContainsKey(month))
                warnings.Add($"Spot check in {month:yyyy-MM} ({Text.Ids(rows.Select(r => r.CheckId))}) has no self-check record that month: no consistency penalty.");
        }

        if (self.Count == 0)
            return new Result(null, 0, null, new ScoreLine("S", "S missing: no self-check records in the quarter", ids));

        var monthMeans = self.ToDictionary(kv => kv.Key, kv => Mean(kv.Value));
        var baseScore = monthMeans.Values.Sum() / monthMeans.Count;

        decimal penalty = 0;
        var penaltyParts = new List<string>();
        foreach (var (month, rows) in spot)
        {
            if (!monthMeans.TryGetValue(month, out var selfMean)) continue;
            var spotMean = Mean(rows);
            var d = Math.Abs(spotMean - selfMean);
            var p = policy.ConsistencyPenaltyFor(d);
            penalty += p;
            penaltyParts.Add($"{Text.Month(month)}: |{Text.F2(spotMean)} − {Text.F2(selfMean)}| = {Text.F2(d)} → {Text.N(p)}");
        }

        var score = Money.Round2(Math.Max(0m, baseScore - penalty));
        var months = string.Join(", ", monthMeans.Select(kv => $"{Text.Month(kv.Key)} {Text.F2(kv.Value)}"));
        var formula = $"S = base {Text.F2(baseScore)} (mean of {months})";
        if (penaltyParts.Count > 0)
            formula += $" − penalty {Text.N(penalty)} ({string.Join("; ", penaltyParts)})";
        if (baseScore - penalty < 0) formula += " floored at 0";
        formula += $" = {Text.F2(score)}";
        return new Result(Money.Round2(baseScore), penalty, score, new ScoreLine("S", formula, ids));
    }

    private static decimal Clamp(CheckFact c, List<string> warnings)
    {
        if (c.Score is >= 0 and <= 100) return c.Score;
        warnings.Add($"Check {c.CheckId} has score {Text.N(c.Score)}, outside 0–100: counted as {Text.N(Math.Clamp(c.Score, 0, 100))}.");
        return Math.Clamp(c.Score, 0, 100);
    }

    /// <summary>Month (1st of month) → its rows of one kind, months ascending, rows by id (so that input order never matters).</summary>
    private static SortedDictionary<DateOnly, List<CheckFact>> ByMonth(IEnumerable<CheckFact> checks, CheckKind kind)
    {
        var result = new SortedDictionary<DateOnly, List<CheckFact>>();
        foreach (var g in checks.Where(c => c.Kind == kind).GroupBy(c => FirstOfMonth(c.Month)))
            result[g.Key] = g.OrderBy(c => c.CheckId, StringComparer.Ordinal).ToList();
        return result;
    }

    internal static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    private static decimal Mean(IReadOnlyCollection<CheckFact> rows) => rows.Sum(r => r.Score) / rows.Count;
}
