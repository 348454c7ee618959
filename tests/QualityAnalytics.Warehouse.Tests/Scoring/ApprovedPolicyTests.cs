using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>An approval keeps its policy version's values as a one-version policy file: written in the file's own form,
/// read back by the file's own reader, and compared key by key with the version of the same name now in force.</summary>
public sealed class ApprovedPolicyTests
{
    private static readonly ScoringPolicy Shipped = PolicyFile.Default.Versions[0];

    /// <summary>Every value unlike the shipped one, so that a key written from the wrong member cannot round-trip by luck.</summary>
    private static readonly ScoringPolicy EveryValueChanged = Shipped with
    {
        Version = "2027-01",
        EffectiveFrom = new Quarter(2027, 1),
        Weights = new ComponentWeights(0.5m, 0.25m, 0.25m),
        ConsistencyTiers = [new ConsistencyTier(2m, 0m), new ConsistencyTier(4.5m, 1.5m), new ConsistencyTier(null, 5m)],
        SurveyFullMarkThreshold = 96m,
        ComplaintCostPerValid = 7.5m,
        ComplaintFloor = 10m,
        CallbackDefaults = new CallbackDefaults(0.25m, 0.75m),
        CallbackDeductionRange = new DeductionRange(0.25m, 2m),
        ExcellentAbove = 97m,
        PassAt = 90m,
        PenaltyPerPoint = 800m,
        PenaltyFloorTotal = 85m,
        RewardPerPoint = 1500m,
        MissingData = MissingDataOption.Withhold,
        Budget = 45000m,
        ServiceTargets = new ServiceTargetRules(48m, 5, 0.9m, 0.95m),
    };

    private static ScoringPolicy RoundTrip(ScoringPolicy version) =>
        PolicyFile.Parse(PolicyFileWriter.Write(version), "quarter_approval 1").Versions.Single();

    [Fact]
    public void A_version_written_as_a_policy_file_reads_back_with_every_value()
    {
        Assert.Empty(EveryValueChanged.Problems());
        foreach (var version in new[] { Shipped, EveryValueChanged })
        {
            var back = RoundTrip(version);

            Assert.Equal(PolicyFingerprint.Of(version), PolicyFingerprint.Of(back)); // every member, decimal scales included
            Assert.Equal(version.ConsistencyTiers, back.ConsistencyTiers);
            Assert.Equal(version.ServiceTargets, back.ServiceTargets);
            Assert.Equal(version.MissingData, back.MissingData);
        }
        Assert.Contains("\"satisfaction_target\": 0.85", PolicyFileWriter.Write(Shipped), StringComparison.Ordinal); // the file's keys, readable
    }

    [Fact]
    public void The_changes_name_each_edited_key_with_its_value_at_approval_and_now_in_the_files_order()
    {
        var edited = Shipped with { PassAt = 90m, ServiceTargets = Shipped.ServiceTargets with { SatisfactionTarget = 0.9m } };

        Assert.Equal(
            [new PolicyChange("pass_at", "95", "90"), new PolicyChange("service_targets.satisfaction_target", "0.85", "0.9")],
            ApprovedPolicy.Changes(Shipped, edited));
        Assert.Empty(ApprovedPolicy.Changes(Shipped, Shipped));
        // The same number written with another scale is the same value: no change.
        Assert.Empty(ApprovedPolicy.Changes(Shipped, Shipped with { ServiceTargets = Shipped.ServiceTargets with { SatisfactionTarget = 0.850m } }));
    }

    [Fact]
    public void A_tier_added_since_shows_as_keys_the_approval_did_not_have()
    {
        var tiers = Shipped.ConsistencyTiers.ToList();
        var now = Shipped with { ConsistencyTiers = [.. tiers.Take(tiers.Count - 1), new ConsistencyTier(20m, tiers[^1].Penalty), new ConsistencyTier(null, 8m)] };

        var changes = ApprovedPolicy.Changes(Shipped, now);

        Assert.Equal(
            [
                new PolicyChange($"consistency_tiers[{tiers.Count - 1}].up_to", "null", "20"),
                new PolicyChange($"consistency_tiers[{tiers.Count}].up_to", null, "null"),
                new PolicyChange($"consistency_tiers[{tiers.Count}].penalty", null, "8"),
            ],
            changes);
    }

    [Fact]
    public void Without_kept_values_or_without_the_version_now_the_changes_are_not_known()
    {
        QuarterApproval Approval(string? json, string version = "2013-07") =>
            new() { Id = 7, QuarterKey = 20262, PolicyVersion = version, PolicyJson = json, ApprovedBy = "质量管理委员会" };
        var edited = new PolicySet([Shipped with { PassAt = 90m }], "policy.json");

        Assert.Null(ApprovedPolicy.Of(Approval(null)));
        Assert.Null(ApprovedPolicy.Changes(Approval(null), edited)); // made before the values were kept
        Assert.Null(ApprovedPolicy.Changes(Approval(PolicyFileWriter.Write(Shipped), "no-such-version"), edited));
        Assert.Equal([new PolicyChange("pass_at", "95", "90")], ApprovedPolicy.Changes(Approval(PolicyFileWriter.Write(Shipped)), edited));
        Assert.Equal(95m, ApprovedPolicy.Of(Approval(PolicyFileWriter.Write(Shipped)))!.PassAt);
        Assert.Null(ApprovedPolicy.Of(Approval("{ \"versions\": [] }"))); // not readable any more: treated as not kept
    }
}
