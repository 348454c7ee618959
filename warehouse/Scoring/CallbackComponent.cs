using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>K (第八条 4): the sum of the audited callbacks' deductions; it comes off the total, not off a component.</summary>
internal static class CallbackComponent
{
    internal sealed record Result(decimal Deduction, ScoreLine Line);

    /// <param name="callbacks">This department's callbacks audited inside the quarter.</param>
    public static Result Compute(IReadOnlyList<CallbackFact> callbacks, ScoringPolicy policy, List<string> warnings)
    {
        var rows = callbacks.OrderBy(c => c.CallbackId, StringComparer.Ordinal).ToList();
        var ids = rows.Select(c => c.CallbackId).ToList();
        var parts = new List<string>();
        decimal total = 0;
        foreach (var c in rows)
        {
            if (c.Finding == CallbackFinding.None)
            {
                if (c.Deduction is { } stray && stray != 0)
                    warnings.Add($"Callback {c.CallbackId} has no finding but records a deduction {Text.N(stray)}: not applied.");
                continue;
            }

            var (name, fallback) = c.Finding == CallbackFinding.Incomplete
                ? ("incomplete", policy.CallbackDefaults.Incomplete)
                : ("mismatch", policy.CallbackDefaults.Mismatch);
            decimal d;
            string how;
            if (c.Deduction is not { } recorded)
            {
                d = fallback;
                how = "default";
            }
            else
            {
                var range = policy.CallbackDeductionRange;
                d = Math.Clamp(recorded, range.Min, range.Max);
                how = "recorded";
                if (d != recorded)
                {
                    warnings.Add($"Callback {c.CallbackId} records deduction {Text.N(recorded)}, outside [{Text.N(range.Min)}, {Text.N(range.Max)}]: counted as {Text.N(d)}.");
                    how = $"recorded {Text.N(recorded)}, clamped";
                }
            }
            total += d;
            parts.Add($"{Text.N(d)} ({c.CallbackId} {name}, {how})");
        }

        var k = Money.Round2(total);
        string formula;
        if (parts.Count > 0) formula = $"K = {string.Join(" + ", parts)} = {Text.F2(k)}";
        else if (rows.Count > 0) formula = $"K = 0 ({rows.Count} callback{(rows.Count == 1 ? "" : "s")} audited, no findings)";
        else formula = "K = 0 (no callbacks audited)";
        return new Result(k, new ScoreLine("K", formula, ids));
    }
}
