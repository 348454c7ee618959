using System.Text.Json.Nodes;
using Xunit;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

public sealed partial class PolicyFileTests
{
    /// <summary>A valid version with the defaults of policy.md, as the file writes it.</summary>
    private static JsonObject Version(string name = "v1", string from = "2013Q3") => new()
    {
        ["version"] = name,
        ["effective_from"] = from,
        ["weights"] = new JsonObject { ["self_check"] = 0.4m, ["survey"] = 0.3m, ["complaint"] = 0.3m },
        ["consistency_tiers"] = new JsonArray(
            new JsonObject { ["up_to"] = 1, ["penalty"] = 0 },
            new JsonObject { ["up_to"] = 3, ["penalty"] = 1 },
            new JsonObject { ["up_to"] = 5, ["penalty"] = 2 },
            new JsonObject { ["up_to"] = 10, ["penalty"] = 4 },
            new JsonObject { ["penalty"] = 6 }),
        ["survey_full_mark_threshold"] = 95,
        ["complaint_cost_per_valid"] = 10,
        ["complaint_floor"] = 0,
        ["callback_defaults"] = new JsonObject { ["incomplete"] = 0.5m, ["mismatch"] = 1.0m },
        ["callback_deduction_range"] = new JsonObject { ["min"] = 0.5m, ["max"] = 1 },
        ["excellent_above"] = 95,
        ["pass_at"] = 95,
        ["penalty_per_point"] = 1000,
        ["penalty_floor_total"] = 90,
        ["reward_per_point"] = 2000,
        ["missing_data"] = "rescale",
        ["budget"] = 30000,
    };

    private static string File(params JsonObject[] versions) => new JsonObject { ["versions"] = new JsonArray(versions) }.ToJsonString();

    private static PolicyValidationException Invalid(string json) =>
        Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse(json, "test-policy.json"));

    [Fact]
    public void Embedded_default_holds_the_policy_md_defaults()
    {
        var p = Assert.Single(PolicyFile.Default.Versions);
        Assert.Equal("2013-07", p.Version);
        Assert.Equal(Quarter.Parse("2013Q3"), p.EffectiveFrom);
        Assert.Equal(new ComponentWeights(0.4m, 0.3m, 0.3m), p.Weights);
        Assert.Equal([new(1, 0), new(3, 1), new(5, 2), new(10, 4), new(null, 6)], p.ConsistencyTiers);
        Assert.Equal(95m, p.SurveyFullMarkThreshold);
        Assert.Equal((10m, 0m), (p.ComplaintCostPerValid, p.ComplaintFloor));
        Assert.Equal(new CallbackDefaults(0.5m, 1.0m), p.CallbackDefaults);
        Assert.Equal(new DeductionRange(0.5m, 1m), p.CallbackDeductionRange);
        Assert.Equal((95m, 95m), (p.ExcellentAbove, p.PassAt));
        Assert.Equal((1000m, 90m, 2000m), (p.PenaltyPerPoint, p.PenaltyFloorTotal, p.RewardPerPoint));
        Assert.Equal(MissingDataOption.Rescale, p.MissingData);
        Assert.Equal(30000m, p.Budget);
    }

    [Fact]
    public void A_valid_file_parses_and_the_set_names_its_source()
    {
        var set = PolicyFile.Parse(File(Version()), "test-policy.json");
        Assert.Equal("test-policy.json", set.SourceName);
        Assert.Equal(Assert.Single(PolicyFile.Default.Versions) with { Version = "v1" }, Assert.Single(set.Versions) with
        {
            ConsistencyTiers = PolicyFile.Default.Versions[0].ConsistencyTiers,
        });
    }

    [Fact]
    public void Load_reads_a_file_and_names_its_path_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        try
        {
            var bad = Version();
            bad["missing_data"] = "drop";
            System.IO.File.WriteAllText(path, File(bad));
            var e = Assert.Throws<PolicyValidationException>(() => PolicyFile.Load(path));
            Assert.Equal(path, e.SourceName);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            System.IO.File.WriteAllText(path, File(Version()));
            Assert.Single(PolicyFile.Load(path).Versions);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public static TheoryData<string, Action<JsonObject>, string> BadVersions => new()
    {
        { "weights not summing to 1", v => v["weights"]!["complaint"] = 0.2m, "versions[0].weights: self_check + survey + complaint = 0.9, must be exactly 1" },
        { "weight above 1", v => { v["weights"]!["self_check"] = 1.4m; v["weights"]!["survey"] = -0.7m; }, "versions[0].weights.survey: −0.7 is outside 0–1" },
        { "tiers out of order", v => v["consistency_tiers"]![1]!["up_to"] = 0.5m, "versions[0].consistency_tiers[1].up_to: 0.5 is not above the previous tier's 1; tiers must ascend" },
        { "penalties decreasing", v => v["consistency_tiers"]![2]!["penalty"] = 0.5m, "versions[0].consistency_tiers[2].penalty: 0.5 is below the previous tier's 1; penalties must not decrease" },
        { "no open-ended tier", v => v["consistency_tiers"]![4]!["up_to"] = 20, "versions[0].consistency_tiers: exactly one open-ended last tier (no up_to) is required, found 0" },
        { "open-ended tier not last", v => v["consistency_tiers"]![1]!["up_to"] = null, "versions[0].consistency_tiers[1].up_to: only the last tier may be open-ended (no up_to)" },
        { "negative penalty", v => v["consistency_tiers"]![0]!["penalty"] = -1, "versions[0].consistency_tiers[0].penalty: −1 is negative" },
        { "unknown key", v => v["bonus_per_point"] = 5, "versions[0].bonus_per_point: unknown key" },
        { "unknown key in weights", v => v["weights"]!["callbacks"] = 0, "versions[0].weights.callbacks: unknown key" },
        { "bad missing_data option", v => v["missing_data"] = "drop", "versions[0].missing_data: 'drop' is not one of \"rescale\", \"zero\", \"withhold\"" },
        { "threshold above 100", v => v["survey_full_mark_threshold"] = 120, "versions[0].survey_full_mark_threshold: 120 is outside 0–100" },
        { "negative rate", v => v["reward_per_point"] = -2000, "versions[0].reward_per_point: −2000 is negative, must be ≥ 0" },
        { "missing key", v => v.Remove("budget"), "versions[0].budget: required key is missing" },
        { "wrong type", v => v["pass_at"] = "95", "versions[0].pass_at: expected a number, found String" },
        { "bad quarter", v => v["effective_from"] = "2013-07", "versions[0].effective_from: '2013-07' is not a quarter such as 2026Q2" },
        { "penalty of 3 decimals", v => v["consistency_tiers"]![1]!["penalty"] = 1.125m, "versions[0].consistency_tiers[1].penalty: 1.125 has more than 2 decimals; points are kept to 2" },
        { "complaint cost of 3 decimals", v => v["complaint_cost_per_valid"] = 2.505m, "versions[0].complaint_cost_per_valid: 2.505 has more than 2 decimals" },
        { "callback default of 3 decimals", v => v["callback_defaults"]!["mismatch"] = 0.875m, "versions[0].callback_defaults.mismatch: 0.875 has more than 2 decimals" },
        { "deduction range min of 3 decimals", v => v["callback_deduction_range"]!["min"] = 0.555m, "versions[0].callback_deduction_range.min: 0.555 has more than 2 decimals" },
        { "deduction range max of 3 decimals", v => v["callback_deduction_range"]!["max"] = 0.995m, "versions[0].callback_deduction_range.max: 0.995 has more than 2 decimals" },
        { "default deduction outside the range", v => v["callback_defaults"]!["incomplete"] = 0.2m, "versions[0].callback_defaults.incomplete: 0.2 is outside callback_deduction_range [0.5, 1]" },
    };

    [Theory]
    [MemberData(nameof(BadVersions))]
    public void Invalid_version_is_rejected_with_the_key_path(string name, Action<JsonObject> spoil, string message)
    {
        var v = Version();
        spoil(v);
        var e = Invalid(File(v));
        Assert.True(e.Problems.Any(p => p.StartsWith(message, StringComparison.Ordinal)), $"{name}: {e.Message}");
        Assert.Contains("test-policy.json: " + message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_listed_at_once_across_versions()
    {
        var a = Version("a");
        a["weights"]!["survey"] = 0.5m;
        a["consistency_tiers"]![2]!["up_to"] = 2;
        a["extra"] = true;
        var b = Version("b", "2020Q1");
        b["missing_data"] = "ignore";
        b["pass_at"] = "high";
        var e = Invalid(File(a, b));
        Assert.Equal(5, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("versions[0].extra: unknown key", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("versions[0].weights:", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("versions[0].consistency_tiers[2].up_to:", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("versions[1].missing_data:", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("versions[1].pass_at:", StringComparison.Ordinal));
        Assert.StartsWith("Policy 'test-policy.json' is invalid (5 problems):", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_version_names_and_effective_quarters_are_rejected()
    {
        var e = Invalid(File(Version("v1", "2013Q3"), Version("v1", "2020Q1"), Version("v3", "2013Q3")));
        Assert.Contains("versions[1].version: 'v1' duplicates versions[0].version", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("versions[2].effective_from: 2013Q3 is also the effective_from of versions[0]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not JSON", "{ \"versions\": [ ", "(file): not valid JSON")]
    [InlineData("no versions key", "{}", "versions: required key is missing")]
    [InlineData("empty versions", "{ \"versions\": [] }", "versions: at least one version is required")]
    [InlineData("unknown top-level key", "{ \"versions\": [], \"name\": 1 }", "name: unknown key")]
    [InlineData("root not an object", "[]", "(root): expected an object")]
    public void Malformed_file_is_rejected(string name, string json, string message)
    {
        var e = Invalid(json);
        Assert.True(e.Problems.Any(p => p.StartsWith(message, StringComparison.Ordinal)), $"{name}: {e.Message}");
    }

    [Fact]
    public void Comments_and_an_explicit_null_up_to_are_accepted()
    {
        var v = Version();
        v["consistency_tiers"]![4]!["up_to"] = null;
        var set = PolicyFile.Parse("// policy\n" + File(v), "commented.json");
        Assert.Null(set.Versions[0].ConsistencyTiers[^1].UpTo);
    }

    public static TheoryData<string, string, string> VersionsByQuarter => new()
    {
        { "first version's own quarter", "2013Q3", "2013-07" },
        { "quarter before the second version", "2025Q4", "2013-07" },
        { "second version's first quarter", "2026Q1", "2026-01" },
        { "after the second version", "2026Q3", "2026-01" },
        { "third version, listed first in the file", "2030Q2", "2030-04" },
    };

    [Theory]
    [MemberData(nameof(VersionsByQuarter))]
    public void PolicySet_For_picks_the_latest_version_effective_at_or_before_the_quarter(string name, string quarter, string expected)
    {
        var set = PolicyFile.Parse(File(Version("2030-04", "2030Q2"), Version("2013-07", "2013Q3"), Version("2026-01", "2026Q1")), "versions.json");
        Assert.True(expected == set.For(Quarter.Parse(quarter)).Version, name);
        Assert.Equal(["2013-07", "2026-01", "2030-04"], set.Versions.Select(v => v.Version));
    }

    [Fact]
    public void PolicySet_For_a_quarter_before_every_version_says_so()
    {
        var set = PolicyFile.Parse(File(Version("2013-07", "2013Q3")), "versions.json");
        var e = Assert.Throws<InvalidOperationException>(() => set.For(Quarter.Parse("2013Q2")));
        Assert.Contains("2013Q3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_refuses_a_policy_built_in_code_that_breaks_the_rules()
    {
        var bad = Scoring.Defaults with { Weights = new ComponentWeights(0.5m, 0.3m, 0.3m) };
        var e = Assert.Throws<PolicyValidationException>(() => ScoringEngine.Score(new FactsBuilder().Department("D").Build(), bad));
        Assert.Contains(e.Problems, p => p.StartsWith("weights:", StringComparison.Ordinal));
    }
}
