using System.Text.Json;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>One value of a policy version that differs between the approval and now: the policy file's key path
/// (<c>pass_at</c>, <c>consistency_tiers[2].penalty</c>) and the value on each side as the file writes it; null on the
/// side that has no such key (a tier added or removed).</summary>
public sealed record PolicyChange(string Key, string? Approved, string? Now);

/// <summary>The policy version a quarter was approved by, with the values it had then (<see cref="QuarterApproval.PolicyJson"/>).
/// 第六条: the committee approves results, and results are only explainable under the values that made them; a version
/// edited in place in policy.json after the approval must not change what the approved quarter's report explains.</summary>
public static class ApprovedPolicy
{
    /// <summary>The version as it was at the approval; null for an approval made before the values were kept.</summary>
    public static ScoringPolicy? Of(QuarterApproval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        if (approval.PolicyJson is not { } json) return null;
        try
        {
            return PolicyFile.Parse(json, $"quarter_approval {approval.Id}").Versions[0];
        }
        catch (PolicyValidationException)
        {
            // Written by PolicyFileWriter from a valid version; a later, stricter reader could still refuse it. The
            // approval then falls back to what an approval without kept values has: its fingerprint's warning.
            return null;
        }
    }

    /// <summary>The values of the approved version that differ from the version of the same name in
    /// <paramref name="current"/>, in the file's key order; null when that is not known (no values kept, or no version
    /// of that name any more).</summary>
    public static IReadOnlyList<PolicyChange>? Changes(QuarterApproval approval, PolicySet current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var approved = Of(approval);
        var now = current.Versions.FirstOrDefault(v => v.Version == approval.PolicyVersion);
        return approved is null || now is null ? null : Changes(approved, now);
    }

    /// <summary>Whether the approved version's values were edited since the approval: from the kept values where the
    /// approval has them, from its fingerprint otherwise; null when neither can tell.</summary>
    public static bool? Edited(QuarterApproval approval, PolicySet current)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return Changes(approval, current) is { } changes
            ? changes.Count > 0
            : PolicyFingerprint.ChangedSince(approval.PolicyFingerprint, approval.PolicyVersion, current);
    }

    /// <summary>Every key whose value differs between the two versions as the policy file writes them, in the file's
    /// order; keys only one side has (a tier added or removed) too.</summary>
    public static IReadOnlyList<PolicyChange> Changes(ScoringPolicy approved, ScoringPolicy now)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(now);
        var before = Flatten(approved);
        var after = Flatten(now);
        var changes = new List<PolicyChange>();
        foreach (var (key, value) in before)
        {
            var other = after.FirstOrDefault(a => a.Key == key);
            if (other.Key is null) changes.Add(new PolicyChange(key, value.Text, null));
            else if (!value.SameAs(other.Value)) changes.Add(new PolicyChange(key, value.Text, other.Value.Text));
        }
        changes.AddRange(after.Where(a => before.All(b => b.Key != a.Key)).Select(a => new PolicyChange(a.Key, null, a.Value.Text)));
        return changes;
    }

    /// <summary>A leaf of the written version: numbers compare by value (0.9 and 0.90 are the same target).</summary>
    private readonly record struct Leaf(string Text, decimal? Number)
    {
        public bool SameAs(Leaf other) => Number is { } n ? other.Number == n : other.Number is null && other.Text == Text;
    }

    private static List<KeyValuePair<string, Leaf>> Flatten(ScoringPolicy version)
    {
        using var doc = JsonDocument.Parse(PolicyFileWriter.Write(version));
        var leaves = new List<KeyValuePair<string, Leaf>>();
        Walk(doc.RootElement.GetProperty("versions")[0], "", leaves);
        return leaves;
    }

    private static void Walk(JsonElement e, string path, List<KeyValuePair<string, Leaf>> leaves)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", leaves);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", leaves);
                break;
            case JsonValueKind.Number:
                leaves.Add(new(path, new Leaf(e.GetRawText(), e.GetDecimal())));
                break;
            case JsonValueKind.String:
                leaves.Add(new(path, new Leaf(e.GetString()!, null)));
                break;
            default:
                leaves.Add(new(path, new Leaf(e.GetRawText(), null)));
                break;
        }
    }
}
