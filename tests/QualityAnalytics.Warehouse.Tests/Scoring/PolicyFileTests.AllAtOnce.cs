using System.Text.Json.Nodes;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>The working group fixes a hand-edited policy.json round after round: every problem must show in the first
/// round. A value that does not read is one problem, and every rule that does not need that value is still checked.</summary>
public sealed partial class PolicyFileTests
{
    [Fact]
    public void A_misspelt_missing_data_does_not_hide_the_weights_sum_nor_the_tiers_order()
    {
        var v = Version();
        v["missing_data"] = "rescal";
        v["weights"]!["self_check"] = 0.5m;
        v["consistency_tiers"]![2]!["up_to"] = 2;
        var e = Invalid(File(v));
        string[] expected =
        [
            "versions[0].missing_data: 'rescal' is not one of \"rescale\", \"zero\", \"withhold\"",
            "versions[0].weights: self_check + survey + complaint = 1.1, must be exactly 1",
            "versions[0].consistency_tiers[2].up_to: 2 is not above the previous tier's 3; tiers must ascend",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), e.Problems.Order(StringComparer.Ordinal));
    }

    /// <summary>Each pair: a value that does not read, and a rule broken elsewhere that does not need it. The file must
    /// report exactly these problems: the broken rule too, and nothing made up from the value that did not read.</summary>
    public static TheoryData<string, Action<JsonArray>, string[]> UnreadableBesideBroken => new()
    {
        { "pass_at as text, threshold above 100", f => { V(f)["pass_at"] = "95"; V(f)["survey_full_mark_threshold"] = 120; },
            ["versions[0].pass_at: expected a number, found String", "versions[0].survey_full_mark_threshold: 120 is outside 0–100"] },
        { "pass_at as text, excellent_above out of range (its order against pass_at needs pass_at)",
            f => { V(f)["pass_at"] = "95"; V(f)["excellent_above"] = 101; },
            ["versions[0].pass_at: expected a number, found String", "versions[0].excellent_above: 101 is outside 0–100"] },
        { "budget missing, negative reward", f => { V(f).Remove("budget"); V(f)["reward_per_point"] = -1; },
            ["versions[0].budget: required key is missing", "versions[0].reward_per_point: −1 is negative, must be ≥ 0"] },
        { "a weight as text, another above 1 (the sum needs all three)", f => { V(f)["weights"]!["survey"] = "0.3"; V(f)["weights"]!["self_check"] = 1.4m; },
            ["versions[0].weights.survey: expected a number, found String", "versions[0].weights.self_check: 1.4 is outside 0–1"] },
        { "weights not an object, tiers out of order", f => { V(f)["weights"] = 1; V(f)["consistency_tiers"]![1]!["up_to"] = 0.5m; },
            ["versions[0].weights: expected an object, found Number", "versions[0].consistency_tiers[1].up_to: 0.5 is not above the previous tier's 1; tiers must ascend"] },
        { "tiers not an array, weights summing to 0.9", f => { V(f)["consistency_tiers"] = "none"; V(f)["weights"]!["complaint"] = 0.2m; },
            ["versions[0].consistency_tiers: expected an array, found String", "versions[0].weights: self_check + survey + complaint = 0.9, must be exactly 1"] },
        { "a callback default as text, max below min", f => { V(f)["callback_defaults"]!["mismatch"] = "1"; V(f)["callback_deduction_range"]!["max"] = 0.4m; },
            ["versions[0].callback_defaults.mismatch: expected a number, found String", "versions[0].callback_deduction_range: max 0.4 is below min 0.5"] },
        { "bad quarter, duplicate version name", f => { f.Add(Version("v1", "2020Q1")); V(f)["effective_from"] = "2013-07"; },
            ["versions[0].effective_from: '2013-07' is not a quarter such as 2026Q2", "versions[1].version: 'v1' duplicates versions[0].version"] },
        { "version name as a number, two versions in one quarter", f => { f.Add(Version("v2", "2013Q3")); V(f)["version"] = 7; },
            ["versions[0].version: expected a string, found Number", "versions[1].effective_from: 2013Q3 is also the effective_from of versions[0]"] },
        { "an unknown key, weights summing to 0.9", f => { V(f)["bonus"] = 1; V(f)["weights"]!["complaint"] = 0.2m; },
            ["versions[0].bonus: unknown key", "versions[0].weights: self_check + survey + complaint = 0.9, must be exactly 1"] },
        { "one version not an object, the other's tiers out of order", f => { f.Insert(0, 5); V(f, 1)["consistency_tiers"]![1]!["up_to"] = 0.5m; },
            ["versions[0]: expected an object, found Number", "versions[1].consistency_tiers[1].up_to: 0.5 is not above the previous tier's 1; tiers must ascend"] },
    };

    [Theory]
    [MemberData(nameof(UnreadableBesideBroken))]
    public void A_value_that_does_not_read_hides_no_other_problem(string name, Action<JsonArray> spoil, string[] expected)
    {
        var versions = new JsonArray(Version());
        spoil(versions);
        var e = Invalid(new JsonObject { ["versions"] = versions }.ToJsonString());
        Assert.True(expected.Length == e.Problems.Count && expected.All(x => e.Problems.Any(p => p.StartsWith(x, StringComparison.Ordinal))),
            $"{name}: {e.Message}");
    }

    [Fact]
    public void A_tier_bound_that_does_not_read_is_one_problem_not_an_open_ended_tier()
    {
        var v = Version();
        v["consistency_tiers"]![1]!["up_to"] = "3";
        var e = Invalid(File(v));
        Assert.Equal(["versions[0].consistency_tiers[1].up_to: expected a number, found String"], e.Problems);
    }

    [Fact]
    public void A_tier_that_does_not_read_leaves_the_later_tiers_under_their_own_index()
    {
        var v = Version();
        v["consistency_tiers"]![1]!["penalty"] = "1";
        v["consistency_tiers"]![3]!["up_to"] = 4;
        var e = Invalid(File(v));
        Assert.Equal(
        [
            "versions[0].consistency_tiers[1].penalty: expected a number, found String",
            "versions[0].consistency_tiers[3].up_to: 4 is not above the previous tier's 5; tiers must ascend",
        ], e.Problems);
    }

    private static JsonObject V(JsonArray versions, int index = 0) => versions[index]!.AsObject();
}
