using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>A policy version's values as one hash: every parameter, the service targets included (unlike a score's
/// fingerprint, which leaves out what changes no score). Kept with an approval, so that a later edit of the approved
/// version in policy.json is noticed and said (the Policy page, the report's cover) rather than silently explained
/// under the new values.</summary>
public static class PolicyFingerprint
{
    public static string Of(ScoringPolicy policy) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(policy))));

    /// <summary>Whether the version an approval went by has other values now; null when the approval kept none (made
    /// before fingerprints were kept) or the policy in force has no version of that name.</summary>
    public static bool? ChangedSince(string? approvedFingerprint, string approvedVersion, PolicySet current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (approvedFingerprint is null) return null;
        var version = current.Versions.FirstOrDefault(v => v.Version == approvedVersion);
        return version is null ? null : Of(version) != approvedFingerprint;
    }
}
