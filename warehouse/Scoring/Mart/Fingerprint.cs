using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace QualityAnalytics.Warehouse.Scoring.Mart;

/// <summary>A hash of everything an assessment depends on (the quarter's facts, in a fixed order, and the policy),
/// so that "has the data changed since it was scored or approved?" is one comparison.</summary>
public static class Fingerprint
{
    // A policy is immutable: its JSON is computed once per instance.
    private static readonly ConditionalWeakTable<ScoringPolicy, string> PolicyJson = new();

    // Everything of the policy but its service targets, which change no score (policy §7): a warehouse scored before
    // they were part of the policy keeps its fingerprints (no quarter turns stale on upgrade), and a changed target
    // rescores nothing. The default options otherwise, so the JSON is what it always was.
    private static readonly JsonSerializerOptions ScoringOnly = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type != typeof(ScoringPolicy)) return;
                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                        if (info.Properties[i].Name == nameof(ScoringPolicy.ServiceTargets)) info.Properties.RemoveAt(i);
                },
            },
        },
    };

    /// <summary>The policy as the fingerprint hashes it.</summary>
    internal static string PolicyText(ScoringPolicy policy) => PolicyJson.GetValue(policy, p => JsonSerializer.Serialize(p, ScoringOnly));

    public static string Of(QuarterFacts facts, ScoringPolicy policy)
    {
        var sb = new StringBuilder(64 * (facts.Checks.Count + facts.Answers.Count + facts.Complaints.Count + facts.Callbacks.Count + 16));
        sb.Append(facts.Quarter).Append('\n');
        foreach (var d in facts.Departments.OrderBy(d => d.Code, StringComparer.Ordinal)) Field(Field(sb.Append("D"), d.Code), d.Name).Append('\n');
        foreach (var c in facts.Checks.OrderBy(c => c.CheckId, StringComparer.Ordinal))
            Field(Field(Field(Field(Field(sb.Append("K"), c.CheckId), c.DepartmentCode), c.Month.DayNumber), (int)c.Kind), c.Score).Append('\n');
        foreach (var q in facts.Questions.OrderBy(q => q.Question, StringComparer.Ordinal)) Field(Field(Field(sb.Append("Q"), q.Question), q.Weight), q.Scale).Append('\n');
        foreach (var a in facts.Answers.OrderBy(a => a.ResponseId, StringComparer.Ordinal).ThenBy(a => a.Question, StringComparer.Ordinal))
            Field(Field(Field(Field(Field(Field(Field(sb.Append("A"), a.ResponseId), a.DepartmentCode), a.Question), a.Score), a.Excluded ? 1 : 0), a.ExcludedBy), a.ExcludedReason).Append('\n');
        foreach (var c in facts.Complaints.OrderBy(c => c.ComplaintId, StringComparer.Ordinal))
            Field(Field(Field(Field(Field(sb.Append("C"), c.ComplaintId), c.DepartmentCode), c.ReceivedAt.Ticks), c.Valid ? 1 : 0), c.DirectDeduction).Append('\n');
        foreach (var c in facts.Callbacks.OrderBy(c => c.CallbackId, StringComparer.Ordinal))
            Field(Field(Field(Field(Field(sb.Append("B"), c.CallbackId), c.DepartmentCode), c.CalledOn.DayNumber), (int)c.Finding), c.Deduction).Append('\n');
        sb.Append(PolicyText(policy));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static StringBuilder Field(StringBuilder sb, string? value) => sb.Append('|').Append(value ?? "∅");

    private static StringBuilder Field(StringBuilder sb, long value) => sb.Append('|').Append(value);

    // Decimals by value, not by scale: 96.5 and 96.50 are the same score.
    private static StringBuilder Field(StringBuilder sb, decimal? value) =>
        value is { } d ? sb.Append('|').Append(d.ToString("0.##########", CultureInfo.InvariantCulture)) : sb.Append("|∅");
}
