using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>C (第十二条): max(floor, 100 − cost × valid complaints − Σ direct deductions). Never missing: no complaints gives 100.</summary>
internal static class ComplaintComponent
{
    internal sealed record Result(decimal Score, ScoreLine Line);

    /// <param name="complaints">This department's complaints received inside the quarter.</param>
    public static Result Compute(IReadOnlyList<ComplaintFact> complaints, ScoringPolicy policy, List<Phrase> warnings)
    {
        var rows = complaints.OrderBy(c => c.ComplaintId, StringComparer.Ordinal).ToList();
        var ids = rows.Select(c => c.ComplaintId).ToList();
        if (rows.Count == 0)
            return new Result(100m, ScoreLine.Of("C", Phrase.Of("CNone"), ids));

        var valid = rows.Where(c => c.Valid).ToList();
        var invalid = rows.Where(c => !c.Valid).ToList();

        // Decision: a direct deduction (主业直接扣分) counts only on a valid complaint. policy.md §3 says invalid complaints
        // "are kept and shown, but cost nothing", and its worked example puts the deduction on a valid one. A deduction
        // recorded on an invalid complaint is therefore not applied, and the data warning says so.
        var direct = new List<(string Id, decimal Points)>();
        foreach (var c in rows)
        {
            if (c.DirectDeduction is not { } d || d == 0) continue;
            if (!c.Valid)
                warnings.Add(Phrase.Of("WInvalidWithDeduction", c.ComplaintId, Text.N(d)));
            else if (d < 0)
                warnings.Add(Phrase.Of("WNegativeDeduction", c.ComplaintId, Text.N(d)));
            else
                direct.Add((c.ComplaintId, d));
        }

        var raw = 100m - policy.ComplaintCostPerValid * valid.Count - direct.Sum(x => x.Points);
        var score = Money.Round2(Math.Max(policy.ComplaintFloor, raw));

        var formula = Phrase.Of("CValid", Text.N(policy.ComplaintCostPerValid), Text.Count(valid.Count));
        if (valid.Count > 0) formula += Phrase.Of("CValidIds", Text.Ids(valid.Select(c => c.ComplaintId)));
        if (direct.Count > 0)
            formula += Phrase.Of("CDirect", Text.N(direct.Sum(x => x.Points)),
                Phrase.Join(Phrase.ListSeparator, direct.Select(x => (Phrase)(direct.Count == 1 ? x.Id : $"{x.Id} {Text.N(x.Points)}"))));
        if (raw < policy.ComplaintFloor) formula += Phrase.Of("CFloored", Text.N(raw), Text.N(policy.ComplaintFloor));
        formula += $" = {Text.F2(score)}";
        if (invalid.Count > 0) formula += Phrase.Of("CInvalid", Text.Ids(invalid.Select(c => c.ComplaintId)));
        return new Result(score, ScoreLine.Of("C", formula, ids));
    }
}
