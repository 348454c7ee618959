using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>K (第八条 4): the sum of the audited callbacks' deductions; it comes off the total, not off a component.</summary>
internal static class CallbackComponent
{
    internal sealed record Result(decimal Deduction, ScoreLine Line);

    /// <param name="callbacks">This department's callbacks audited inside the quarter.</param>
    public static Result Compute(IReadOnlyList<CallbackFact> callbacks, ScoringPolicy policy, List<Phrase> warnings)
    {
        var rows = callbacks.OrderBy(c => c.CallbackId, StringComparer.Ordinal).ToList();
        var ids = rows.Select(c => c.CallbackId).ToList();
        var parts = new List<Phrase>();
        decimal total = 0;
        foreach (var c in rows)
        {
            if (c.Finding == CallbackFinding.None)
            {
                if (c.Deduction is { } stray && stray != 0)
                    warnings.Add(Phrase.Of("WStrayDeduction", c.CallbackId, Text.N(stray)));
                continue;
            }

            var (name, fallback) = c.Finding == CallbackFinding.Incomplete
                ? (Phrase.Of("KIncomplete"), policy.CallbackDefaults.Incomplete)
                : (Phrase.Of("KMismatch"), policy.CallbackDefaults.Mismatch);
            decimal d;
            Phrase how;
            if (c.Deduction is not { } recorded)
            {
                d = fallback;
                how = Phrase.Of("KDefault");
            }
            else
            {
                var range = policy.CallbackDeductionRange;
                d = Math.Clamp(recorded, range.Min, range.Max);
                how = Phrase.Of("KRecorded");
                if (d != recorded)
                {
                    warnings.Add(Phrase.Of("WCallbackOutOfRange", c.CallbackId, Text.N(recorded), Text.N(range.Min), Text.N(range.Max), Text.N(d)));
                    how = Phrase.Of("KClamped", Text.N(recorded));
                }
            }
            total += d;
            parts.Add(Phrase.Of("KPart", Text.F2(d), c.CallbackId, name, how));
        }

        var k = Money.Round2(total);
        Phrase formula;
        if (parts.Count > 0) formula = "K = " + Phrase.Join(" + ", parts) + $" = {Text.F2(k)}";
        else if (rows.Count > 0) formula = Phrase.Of(rows.Count == 1 ? "KNoFindingsOne" : "KNoFindingsMany", Text.Count(rows.Count));
        else formula = Phrase.Of("KNone");
        return new Result(k, ScoreLine.Of("K", formula, ids));
    }
}
