using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>S (第十条): base = mean of the month means of self-checks, less a consistency penalty per spot-checked month.</summary>
internal static class SelfCheckComponent
{
    internal sealed record Result(decimal? Base, decimal Penalty, decimal? Score, ScoreLine Line);

    /// <param name="checks">This department's checks inside the quarter.</param>
    public static Result Compute(IReadOnlyList<CheckFact> checks, ScoringPolicy policy, List<Phrase> warnings)
    {
        var clean = checks.Select(c => c with { Score = Clamp(c, warnings) }).ToList();
        var self = ByMonth(clean, CheckKind.Self);
        var spot = ByMonth(clean, CheckKind.Spot);
        var ids = clean.Select(c => c.CheckId).Order(StringComparer.Ordinal).ToList();

        foreach (var (month, rows) in spot)
        {
            if (!self.ContainsKey(month))
                warnings.Add(Phrase.Of("WSpotWithoutSelf", Text.YearMonth(month), Text.Ids(rows.Select(r => r.CheckId))));
        }

        if (self.Count == 0)
            return new Result(null, 0, null, ScoreLine.Of("S", Phrase.Of("SMissing"), ids));

        var monthMeans = self.ToDictionary(kv => kv.Key, kv => Mean(kv.Value));
        var baseScore = monthMeans.Values.Sum() / monthMeans.Count;

        decimal penalty = 0;
        var penaltyParts = new List<Phrase>();
        foreach (var (month, rows) in spot)
        {
            if (!monthMeans.TryGetValue(month, out var selfMean)) continue;
            var spotMean = Mean(rows);
            var d = Math.Abs(spotMean - selfMean);
            var p = policy.ConsistencyPenaltyFor(d);
            penalty += p;
            // d is compared unrounded (policy §3 rounds components, not month means); it is written so, not as 2 decimals.
            penaltyParts.Add(Phrase.Of("SMonthGap", Text.Month(month), Text.Exact2(spotMean), Text.Exact2(selfMean), Text.Exact2(d), Text.N(p)));
        }

        var score = Money.Round2(Math.Max(0m, baseScore - penalty));
        var months = Phrase.Join(Phrase.ListSeparator, monthMeans.Select(kv => Phrase.Of("SMonthMean", Text.Month(kv.Key), Text.F2(kv.Value))));
        var formula = Phrase.Of("SBase", Text.F2(baseScore), months);
        if (penaltyParts.Count > 0)
            formula += Phrase.Of("SPenalty", Text.N(penalty), Phrase.Join(Phrase.ClauseSeparator, penaltyParts));
        if (baseScore - penalty < 0) formula += Phrase.Of("SFloored");
        formula += $" = {Text.F2(score)}";
        return new Result(Money.Round2(baseScore), penalty, score, ScoreLine.Of("S", formula, ids));
    }

    private static decimal Clamp(CheckFact c, List<Phrase> warnings)
    {
        if (c.Score is >= 0 and <= 100) return c.Score;
        warnings.Add(Phrase.Of("WCheckOutOfRange", c.CheckId, Text.N(c.Score), Text.N(Math.Clamp(c.Score, 0, 100))));
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
