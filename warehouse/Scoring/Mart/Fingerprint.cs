using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Warehouse.Scoring.Mart;

/// <summary>A hash of everything an assessment depends on (the quarter's facts, in a fixed order, and the policy),
/// so that "has the data changed since it was scored or approved?" is one comparison.</summary>
public static class Fingerprint
{
    public static string Of(QuarterFacts facts, ScoringPolicy policy)
    {
        var sb = new StringBuilder();
        sb.Append(facts.Quarter).Append('\n');
        foreach (var d in facts.Departments.OrderBy(d => d.Code, StringComparer.Ordinal)) sb.Append("D|").Append(d.Code).Append('|').Append(d.Name).Append('\n');
        foreach (var c in facts.Checks.OrderBy(c => c.CheckId, StringComparer.Ordinal)) sb.Append(Line("K", c.CheckId, c.DepartmentCode, c.Month, c.Kind, c.Score));
        foreach (var q in facts.Questions.OrderBy(q => q.Question, StringComparer.Ordinal)) sb.Append(Line("Q", q.Question, q.Weight, q.Scale));
        foreach (var a in facts.Answers.OrderBy(a => a.ResponseId, StringComparer.Ordinal).ThenBy(a => a.Question, StringComparer.Ordinal))
            sb.Append(Line("A", a.ResponseId, a.DepartmentCode, a.Question, a.Score, a.Excluded, a.ExcludedBy, a.ExcludedReason));
        foreach (var c in facts.Complaints.OrderBy(c => c.ComplaintId, StringComparer.Ordinal))
            sb.Append(Line("C", c.ComplaintId, c.DepartmentCode, c.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), c.Valid, c.DirectDeduction));
        foreach (var c in facts.Callbacks.OrderBy(c => c.CallbackId, StringComparer.Ordinal)) sb.Append(Line("B", c.CallbackId, c.DepartmentCode, c.CalledOn, c.Finding, c.Deduction));
        sb.Append(JsonSerializer.Serialize(policy));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string Line(string tag, params object?[] values) =>
        tag + "|" + string.Join("|", values.Select(v => v switch
        {
            null => "∅",
            decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        })) + "\n";
}
