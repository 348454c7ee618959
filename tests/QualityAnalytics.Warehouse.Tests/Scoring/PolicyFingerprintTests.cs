using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>An approval keeps its policy version's values as a fingerprint, so that an edit of that version is noticed.</summary>
public sealed class PolicyFingerprintTests
{
    private static readonly PolicySet Shipped = PolicyFile.Default;

    [Fact]
    public void Any_value_of_the_version_changes_its_fingerprint_the_service_targets_included()
    {
        var approved = PolicyFingerprint.Of(Shipped.Versions[0]);
        var edited = Shipped.Versions[0] with { ServiceTargets = Shipped.Versions[0].ServiceTargets with { ReplyHours = 48m } };

        Assert.Equal(approved, PolicyFingerprint.Of(Shipped.Versions[0]));
        Assert.NotEqual(approved, PolicyFingerprint.Of(edited));
        Assert.NotEqual(approved, PolicyFingerprint.Of(Shipped.Versions[0] with { PassAt = 90m }));
    }

    [Fact]
    public void Whether_the_approved_version_changed_is_unknown_without_a_fingerprint_or_without_the_version()
    {
        var approved = PolicyFingerprint.Of(Shipped.Versions[0]);
        var version = Shipped.Versions[0].Version;

        Assert.False(PolicyFingerprint.ChangedSince(approved, version, Shipped));
        Assert.True(PolicyFingerprint.ChangedSince(new string('0', 64), version, Shipped));
        Assert.Null(PolicyFingerprint.ChangedSince(null, version, Shipped)); // an approval made before fingerprints were kept
        Assert.Null(PolicyFingerprint.ChangedSince(approved, "no-such-version", Shipped));
    }
}
