using System.Globalization;
using System.Text.Json.Nodes;
using Xunit;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>Policy §7's service targets as an optional part of each policy version (<c>service_targets</c>).</summary>
public sealed partial class PolicyFileTests
{
    private static JsonObject Targets(decimal replyHours = 48, decimal solutionWorkingDays = 5, decimal satisfaction = 0.9m, decimal compliance = 0.95m) => new()
    {
        ["reply_hours"] = replyHours,
        ["solution_working_days"] = solutionWorkingDays,
        ["satisfaction_target"] = satisfaction,
        ["compliance_target"] = compliance,
    };

    [Fact]
    public void The_shipped_policy_states_section_7s_targets()
    {
        Assert.Equal(new ServiceTargetRules(24m, 3, 0.85m, 1m), Assert.Single(PolicyFile.Default.Versions).ServiceTargets);
        Assert.Equal(ServiceTargetRules.Default, PolicyFile.Default.Versions[0].ServiceTargets);
    }

    [Fact]
    public void A_version_without_service_targets_has_section_7s_values()
    {
        // Every policy.json written before the key existed (and the version an approved quarter was approved under).
        var v = Version();
        Assert.False(v.ContainsKey("service_targets"));
        var set = PolicyFile.Parse(File(v), "old-policy.json");
        Assert.Equal(new ServiceTargetRules(24m, 3, 0.85m, 1m), Assert.Single(set.Versions).ServiceTargets);
    }

    [Fact]
    public void Each_version_has_its_own_targets_and_a_quarter_is_judged_by_the_version_in_force()
    {
        var v2 = Version("2026-04", "2026Q2");
        v2["service_targets"] = Targets();
        var set = PolicyFile.Parse(File(Version("2013-07", "2013Q3"), v2), "versions.json");

        Assert.Equal(new ServiceTargetRules(48m, 5, 0.9m, 0.95m), set.For(Quarter.Parse("2026Q2")).ServiceTargets);
        Assert.Equal(new ServiceTargetRules(48m, 5, 0.9m, 0.95m), set.ServiceTargetsFor(Quarter.Parse("2026Q3")));
        Assert.Equal(ServiceTargetRules.Default, set.ServiceTargetsFor(Quarter.Parse("2026Q1")));
        // Before every version nothing is scored, but the history's complaints are still judged: by §7's own targets.
        Assert.Equal(ServiceTargetRules.Default, set.ServiceTargetsFor(Quarter.Parse("2012Q1")));
    }

    public static TheoryData<string, Action<JsonObject>, string, string> BadTargets => new()
    {
        { "no reply time", t => t["reply_hours"] = 0, "versions[0].service_targets.reply_hours: 0 is outside (0, 8760]: must be above 0 and at most 8760",
            "versions[0].service_targets.reply_hours：0 超出 (0, 8760]，须大于 0 且不超过 8760" },
        { "negative reply time", t => t["reply_hours"] = -24, "versions[0].service_targets.reply_hours: −24 is outside (0, 8760]", "versions[0].service_targets.reply_hours：−24 超出 (0, 8760]" },
        { "half a working day", t => t["solution_working_days"] = 2.5m, "versions[0].service_targets.solution_working_days: 2.5 is not a whole number of working days",
            "versions[0].service_targets.solution_working_days：2.5 不是整数，须为整数个工作日" },
        { "negative working days", t => t["solution_working_days"] = -1, "versions[0].service_targets.solution_working_days: −1 is outside 0–250",
            "versions[0].service_targets.solution_working_days：−1 超出 0–250" },
        { "satisfaction of 0", t => t["satisfaction_target"] = 0, "versions[0].service_targets.satisfaction_target: 0 is outside (0, 1]",
            "versions[0].service_targets.satisfaction_target：0 超出 (0, 1]" },
        { "satisfaction as a percentage", t => t["satisfaction_target"] = 85, "versions[0].service_targets.satisfaction_target: 85 is outside (0, 1]",
            "versions[0].service_targets.satisfaction_target：85 超出 (0, 1]" },
        { "compliance above 1", t => t["compliance_target"] = 1.2m, "versions[0].service_targets.compliance_target: 1.2 is outside (0, 1]",
            "versions[0].service_targets.compliance_target：1.2 超出 (0, 1]" },
        { "unknown key", t => t["punctuality"] = 0.97m, "versions[0].service_targets.punctuality: unknown key (allowed here: reply_hours, solution_working_days, satisfaction_target, compliance_target)",
            "versions[0].service_targets.punctuality：未知的键（此处允许：reply_hours, solution_working_days, satisfaction_target, compliance_target）" },
        { "missing key", t => t.Remove("compliance_target"), "versions[0].service_targets.compliance_target: required key is missing",
            "versions[0].service_targets.compliance_target：缺少必需的键" },
        { "number as text", t => t["reply_hours"] = "24", "versions[0].service_targets.reply_hours: expected a number, found String",
            "versions[0].service_targets.reply_hours：应为数字，实为字符串" },
    };

    [Theory]
    [MemberData(nameof(BadTargets))]
    public void Bad_service_targets_are_told_by_key_in_english_and_chinese(string name, Action<JsonObject> spoil, string english, string chinese)
    {
        var v = Version();
        var targets = Targets();
        spoil(targets);
        v["service_targets"] = targets;
        var e = Invalid(File(v));
        Assert.True(e.Problems.Any(p => p.StartsWith(english, StringComparison.Ordinal)), $"{name}: {e.Message}");
        Assert.True(e.ProblemsIn(CultureInfo.GetCultureInfo("zh-CN")).Any(p => p.StartsWith(chinese, StringComparison.Ordinal)),
            $"{name}: {e.MessageIn(CultureInfo.GetCultureInfo("zh-CN"))}");
    }

    [Fact]
    public void Service_targets_that_are_not_an_object_are_one_problem()
    {
        var v = Version();
        v["service_targets"] = 24;
        Assert.Contains("versions[0].service_targets: expected an object, found Number", Invalid(File(v)).Problems);
    }

    [Fact]
    public void Every_target_problem_shows_in_one_pass_beside_the_other_keys_problems()
    {
        var v = Version();
        v["weights"]!["complaint"] = 0.2m;
        v["service_targets"] = Targets(replyHours: 0, solutionWorkingDays: 1.5m, satisfaction: 2, compliance: 0);
        var e = Invalid(File(v));
        Assert.Equal(
            ["versions[0].weights", "versions[0].service_targets.reply_hours", "versions[0].service_targets.solution_working_days",
                "versions[0].service_targets.satisfaction_target", "versions[0].service_targets.compliance_target"],
            e.Problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_policy_built_in_code_has_its_targets_checked_too()
    {
        var bad = Scoring.Defaults with { ServiceTargets = new ServiceTargetRules(0m, -1, 0.85m, 1m) };
        Assert.Equal(2, bad.Problems().Count);
        Assert.Contains(bad.Problems(), p => p.ToString().StartsWith("service_targets.reply_hours:", StringComparison.Ordinal));
        Assert.Contains(bad.Problems(), p => p.ToString().StartsWith("service_targets.solution_working_days:", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_are_not_part_of_a_scores_fingerprint()
    {
        // They change no score (§7): a quarter scored before they were in the policy, or before they changed, stays fresh.
        var facts = new FactsBuilder().Department("D").Build();
        var policy = Assert.Single(PolicyFile.Default.Versions);
        Assert.Equal(Fingerprint.Of(facts, policy), Fingerprint.Of(facts, policy with { ServiceTargets = new ServiceTargetRules(48m, 5, 0.9m, 0.95m) }));
        Assert.NotEqual(Fingerprint.Of(facts, policy), Fingerprint.Of(facts, policy with { Budget = 1m }));
    }
}
