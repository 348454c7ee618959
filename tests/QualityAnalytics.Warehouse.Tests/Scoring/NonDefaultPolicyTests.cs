using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>
/// One quarter scored under a policy in which every scoring parameter differs from policy.md's default, read from JSON
/// by <see cref="PolicyFile.Parse"/> as policy.json is. Every other scoring test runs on the defaults, where a default
/// written into the engine as a constant (95, 1000, 0.4, the tier table…) gives the same numbers as the parameter; here
/// each such constant changes at least one expected value below. Departments are chosen so that every grade band is hit
/// (excellent, once between excellent_above and the default 95; pass inside the band between pass_at and excellent_above
/// and on its upper edge; fail above and below the penalty floor) and every money rule and the budget are used. Expected
/// values are worked by hand in the comments.
/// </summary>
public sealed class NonDefaultPolicyTests
{
    // The defaults are in brackets after each value. service_targets are left out: they change no score (§7).
    private const string PolicyJson = """
        {
          "versions": [
            {
              "version": "2026-strict",
              "effective_from": "2026Q1",                                             // [2013Q3]
              "weights": { "self_check": 0.45, "survey": 0.20, "complaint": 0.35 },   // [0.40, 0.30, 0.30]
              "consistency_tiers": [                                                  // [≤1 0, ≤3 1, ≤5 2, ≤10 4, else 6]
                { "up_to": 2, "penalty": 0 },
                { "up_to": 6, "penalty": 3 },
                { "up_to": null, "penalty": 8 }
              ],
              "survey_full_mark_threshold": 90,                                       // [95]
              "complaint_cost_per_valid": 15,                                         // [10]
              "complaint_floor": 40,                                                  // [0]
              "callback_defaults": { "incomplete": 0.8, "mismatch": 1.5 },           // [0.5, 1.0]
              "callback_deduction_range": { "min": 0.25, "max": 2 },                 // [0.5, 1]
              "excellent_above": 92,                                                  // [95]
              "pass_at": 85,                                                          // [95]: a pass band 85 ≤ T ≤ 92
              "penalty_per_point": 300,                                               // [1000]
              "penalty_floor_total": 75,                                              // [90]
              "reward_per_point": 500,                                                // [2000]
              "missing_data": "zero",                                                 // [rescale]
              "budget": 12000                                                         // [30000]
            }
          ]
        }
        """;

    private static readonly ScoringPolicy Strict = PolicyFile.Parse(PolicyJson, "strict-policy.json").For(Quarter.Parse("2026Q2"));

    [Fact]
    public void Every_scoring_parameter_of_the_test_policy_differs_from_its_default()
    {
        // The guard of this class: were one value equal to its default, a constant in the engine could hide behind it.
        var d = Defaults;
        var s = Strict;
        Assert.NotEqual(d.EffectiveFrom, s.EffectiveFrom);
        Assert.NotEqual(d.Weights.SelfCheck, s.Weights.SelfCheck);
        Assert.NotEqual(d.Weights.Survey, s.Weights.Survey);
        Assert.NotEqual(d.Weights.Complaint, s.Weights.Complaint);
        // No tier (bound and penalty) is the same as the default's tier at the same place.
        Assert.All(s.ConsistencyTiers.Zip(d.ConsistencyTiers), p => Assert.NotEqual(p.Second, p.First));
        Assert.NotEqual(d.ConsistencyTiers.Count, s.ConsistencyTiers.Count);
        Assert.NotEqual(d.SurveyFullMarkThreshold, s.SurveyFullMarkThreshold);
        Assert.NotEqual(d.ComplaintCostPerValid, s.ComplaintCostPerValid);
        Assert.NotEqual(d.ComplaintFloor, s.ComplaintFloor);
        Assert.NotEqual(d.CallbackDefaults.Incomplete, s.CallbackDefaults.Incomplete);
        Assert.NotEqual(d.CallbackDefaults.Mismatch, s.CallbackDefaults.Mismatch);
        Assert.NotEqual(d.CallbackDeductionRange.Min, s.CallbackDeductionRange.Min);
        Assert.NotEqual(d.CallbackDeductionRange.Max, s.CallbackDeductionRange.Max);
        Assert.NotEqual(d.ExcellentAbove, s.ExcellentAbove);
        Assert.NotEqual(d.PassAt, s.PassAt);
        Assert.NotEqual(s.PassAt, s.ExcellentAbove); // a pass band, which the defaults (95 = 95) do not have
        Assert.NotEqual(d.PenaltyPerPoint, s.PenaltyPerPoint);
        Assert.NotEqual(d.PenaltyFloorTotal, s.PenaltyFloorTotal);
        Assert.NotEqual(d.RewardPerPoint, s.RewardPerPoint);
        Assert.NotEqual(d.MissingData, s.MissingData);
        Assert.NotEqual(d.Budget, s.Budget);
    }

    // One question, weight 1, scale 100: a questionnaire's score is its answer, so V is the plain mean of the answers.
    private static FactsBuilder Facts() => new FactsBuilder()
        .Department("EXC", "优秀部").Department("EXL", "刚过优秀部").Department("PAS", "合格部").Department("EDG", "边界部")
        .Department("FAB", "不合格部").Department("FLR", "垫底部").Department("MIS", "缺问卷部")
        .Questions(new SurveyQuestionFact("Q", 1m, 100m))
        // EXC: S base (96 + 98) / 2 = 97; May spot 93, d = |93 − 98| = 5 → tier ≤ 6 → 3 [default tier: 2] → S = 94.
        //      V = (90 + 91) / 2 = 90.50 ≥ 90 → 100 [default threshold 95: stays 90.50]. C = 100.
        //      K: incomplete, none recorded → default 0.8 [0.5].
        .Self("EXC", 1, 96).Self("EXC", 2, 98).Spot("EXC", 2, 93)
        .Questionnaire("EXC", "R-EXC-1", 90m).Questionnaire("EXC", "R-EXC-2", 91m)
        .Callback("EXC", "CB-EXC", CallbackFinding.Incomplete)
        // EXL: S 90, V 87.5 (below 90: stays), C 100, K 0: T just above excellent_above but below the default 95.
        .Self("EXL", 1, 90)
        .Questionnaire("EXL", "R-EXL-1", 87.5m)
        // PAS: S 90; April spot 88.5, d = 1.5 → tier ≤ 2 → 0 [default: 1] → S = 90. V = 88 (below 90: stays).
        //      C = 100 − 15 × 1 = 85 [default cost: 90]. K: mismatch recorded 1.8, inside [0.25, 2] [default range: clamped to 1].
        .Self("PAS", 1, 90).Spot("PAS", 1, 88.5m)
        .Questionnaire("PAS", "R-PAS-1", 88m)
        .Complaint("PAS", "C-PAS-1")
        .Callback("PAS", "CB-PAS", CallbackFinding.Mismatch, 1.8m)
        // EDG: S 90, V 82.5, C 100, K 0: T lands exactly on excellent_above.
        .Self("EDG", 1, 90)
        .Questionnaire("EDG", "R-EDG-1", 82.5m)
        // FAB: S 80, April spot 84, d = 4 → 3 → S = 77. V = 70. C = 100 − 15 − 5 direct = 80. K: no finding → 0.
        .Self("FAB", 1, 80).Spot("FAB", 1, 84)
        .Questionnaire("FAB", "R-FAB-1", 70m)
        .Complaint("FAB", "C-FAB-1", direct: 5)
        .Callback("FAB", "CB-FAB", CallbackFinding.None)
        // FLR: S base (80 + 84) / 2 = 82; April spot 92, d = 12 → open tier → 8 [default: 6] → S = 74. V = (70 + 75) / 2 = 72.50.
        //      C = 100 − 15 × 5 = 25 → floored at 40 [default floor 0: 25]. K: mismatch, none recorded → default 1.5 [1.0].
        .Self("FLR", 1, 80).Self("FLR", 2, 84).Spot("FLR", 1, 92)
        .Questionnaire("FLR", "R-FLR-1", 70m).Questionnaire("FLR", "R-FLR-2", 75m)
        .Complaint("FLR", "C-FLR-1").Complaint("FLR", "C-FLR-2").Complaint("FLR", "C-FLR-3").Complaint("FLR", "C-FLR-4").Complaint("FLR", "C-FLR-5")
        .Callback("FLR", "CB-FLR", CallbackFinding.Mismatch)
        // MIS: S 100, no questionnaire (survey missing → counted as 0 [default: rescaled]), C 100.
        //      K: incomplete recorded 0.1, below the range → clamped to 0.25 [default range: 0.5], with a warning.
        .Self("MIS", 1, 100)
        .Callback("MIS", "CB-MIS", CallbackFinding.Incomplete, 0.1m);

    private static Assessment Of(IReadOnlyList<Assessment> all, string code) => Assert.Single(all, a => a.DepartmentCode == code);

    [Fact]
    public void Excellent_department_gets_the_reward_per_point_above_excellent_above()
    {
        var a = Of(All(Facts(), Strict), "EXC");
        Assert.Equal(97m, a.SelfCheckBase);
        Assert.Equal(3m, a.ConsistencyPenalty);
        Assert.Equal(94m, a.SelfCheck);
        Assert.Equal(100m, a.Survey);
        Assert.Equal(100m, a.Complaint);
        Assert.Equal(0.8m, a.CallbackDeduction);
        // T = 0.45 × 94 + 0.2 × 100 + 0.35 × 100 − 0.8 = 42.3 + 20 + 35 − 0.8 = 96.50 > 92 → excellent.
        Assert.Equal(96.50m, a.Total);
        Assert.Equal(Grade.Excellent, a.Grade);
        // Reward = (96.50 − 92) × 500 = 4.5 × 500 = +2250.
        Assert.Equal(2250m, a.Amount);
        Assert.Equal("2026-strict", a.PolicyVersion);
        Assert.Empty(a.Warnings); // effective_from 2026Q1 is before 2026Q2: no WPolicyLater
        Assert.EndsWith("= 90.50 ≥ 90 → 100.00", Line(a, "V"), StringComparison.Ordinal);
        Assert.Equal("K = 0.80 (CB-EXC incomplete, default) = 0.80", Line(a, "K"));
        Assert.Equal("Grade = Excellent (T 96.50 > 92)", Line(a, "Grade"));
        Assert.Equal("Amount = +(96.50 − 92) × 500 = +2,250", Line(a, "Amount"));
    }

    [Fact]
    public void Total_between_excellent_above_and_the_default_95_is_excellent()
    {
        var a = Of(All(Facts(), Strict), "EXL");
        // T = 0.45 × 90 + 0.2 × 87.5 + 0.35 × 100 − 0 = 40.5 + 17.5 + 35 = 93.00 > 92 → excellent (a pass under the default 95).
        Assert.Equal(87.50m, a.Survey);
        Assert.Equal(93.00m, a.Total);
        Assert.Equal(Grade.Excellent, a.Grade);
        // Reward = (93.00 − 92) × 500 = +500.
        Assert.Equal(500m, a.Amount);
    }

    [Fact]
    public void Total_inside_the_pass_band_passes_with_no_money()
    {
        var a = Of(All(Facts(), Strict), "PAS");
        Assert.Equal(0m, a.ConsistencyPenalty);
        Assert.Equal(90m, a.SelfCheck);
        Assert.Equal(88m, a.Survey);
        Assert.Equal(85m, a.Complaint);
        Assert.Equal(1.8m, a.CallbackDeduction);
        // T = 0.45 × 90 + 0.2 × 88 + 0.35 × 85 − 1.8 = 40.5 + 17.6 + 29.75 − 1.8 = 86.05; 85 ≤ 86.05 ≤ 92 → pass
        // (a fail under the defaults' pass_at 95).
        Assert.Equal(86.05m, a.Total);
        Assert.Equal(Grade.Pass, a.Grade);
        Assert.Equal(0m, a.Amount);
        Assert.Empty(a.Warnings); // 1.8 is inside [0.25, 2]: not clamped
        Assert.Equal("Grade = Pass (85 ≤ T 86.05 ≤ 92)", Line(a, "Grade"));
    }

    [Fact]
    public void Total_exactly_at_excellent_above_is_a_pass_not_excellent()
    {
        var a = Of(All(Facts(), Strict), "EDG");
        // T = 0.45 × 90 + 0.2 × 82.5 + 0.35 × 100 − 0 = 40.5 + 16.5 + 35 = 92.00: not above 92 → pass, no reward.
        Assert.Equal(92.00m, a.Total);
        Assert.Equal(Grade.Pass, a.Grade);
        Assert.Equal(0m, a.Amount);
    }

    [Fact]
    public void Fail_above_the_penalty_floor_costs_penalty_per_point_below_pass_at()
    {
        var a = Of(All(Facts(), Strict), "FAB");
        Assert.Equal(3m, a.ConsistencyPenalty);
        Assert.Equal(77m, a.SelfCheck);
        Assert.Equal(70m, a.Survey);
        Assert.Equal(80m, a.Complaint);
        Assert.Equal(0m, a.CallbackDeduction);
        // T = 0.45 × 77 + 0.2 × 70 + 0.35 × 80 = 34.65 + 14 + 28 = 76.65 < 85 → fail.
        Assert.Equal(76.65m, a.Total);
        Assert.Equal(Grade.Fail, a.Grade);
        // Penalty = (85 − max(76.65, 75)) × 300 = 8.35 × 300 = −2505.
        Assert.Equal(-2505m, a.Amount);
        Assert.Equal("C = 100 − 15 × 1 valid (C-FAB-1) − 5 direct (C-FAB-1) = 80.00", Line(a, "C"));
        Assert.Equal("Amount = −(85 − max(76.65, 75)) × 300 = −2,505", Line(a, "Amount"));
    }

    [Fact]
    public void Fail_below_the_penalty_floor_is_penalised_as_if_at_the_floor()
    {
        var a = Of(All(Facts(), Strict), "FLR");
        Assert.Equal(82m, a.SelfCheckBase);
        Assert.Equal(8m, a.ConsistencyPenalty);
        Assert.Equal(74m, a.SelfCheck);
        Assert.Equal(72.50m, a.Survey);
        Assert.Equal(40m, a.Complaint);
        Assert.Equal(1.5m, a.CallbackDeduction);
        // T = 0.45 × 74 + 0.2 × 72.5 + 0.35 × 40 − 1.5 = 33.3 + 14.5 + 14 − 1.5 = 60.30 < 75 (the floor).
        Assert.Equal(60.30m, a.Total);
        Assert.Equal(Grade.Fail, a.Grade);
        // Penalty = (85 − max(60.30, 75)) × 300 = 10 × 300 = −3000.
        Assert.Equal(-3000m, a.Amount);
        Assert.Equal("C = 100 − 15 × 5 valid (C-FLR-1, C-FLR-2, C-FLR-3, C-FLR-4, C-FLR-5) = 25, floored at 40 = 40.00", Line(a, "C"));
        Assert.Contains("Apr: |92.00 − 80.00| = 12.00 → 8", Line(a, "S"), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_survey_counts_as_0_under_the_zero_option_and_a_low_recorded_deduction_is_raised_to_the_minimum()
    {
        var a = Of(All(Facts(), Strict), "MIS");
        Assert.Equal(100m, a.SelfCheck);
        Assert.Null(a.Survey); // missing, not 0, in the data (policy §5), whatever the option
        Assert.Equal(["survey"], a.Missing);
        Assert.False(a.Complete);
        Assert.Equal(0.25m, a.CallbackDeduction);
        // T = 0.45 × 100 + 0.2 × 0 + 0.35 × 100 − 0.25 = 45 + 0 + 35 − 0.25 = 79.75 (rescaled it would be 80 / 0.8 − 0.25 = 99.75).
        Assert.Equal(79.75m, a.Total);
        Assert.Equal(Grade.Fail, a.Grade);
        // Penalty = (85 − max(79.75, 75)) × 300 = 5.25 × 300 = −1575.
        Assert.Equal(-1575m, a.Amount);
        Assert.Contains("; provisional: survey missing, counted as 0", Line(a, "T"), StringComparison.Ordinal);
        Assert.Equal("Callback CB-MIS records deduction 0.1, outside [0.25, 2]: counted as 0.25.", Assert.Single(a.Warnings));
    }

    [Fact]
    public void Budget_summary_uses_the_policys_budget()
    {
        var summary = BudgetSummary.Of(All(Facts(), Strict), Strict);
        // Rewards: EXC 2250 + EXL 500 = 2750. Penalties: FAB 2505 + FLR 3000 + MIS 1575 = 7080. PAS and EDG pass: 0.
        Assert.Equal(12000m, summary.Budget);
        Assert.Equal(2750m, summary.Rewards);
        Assert.Equal(7080m, summary.Penalties);
        Assert.Equal(-4330m, summary.Net);           // 2750 − 7080
        Assert.Equal(9250m, summary.Remaining);      // 12000 − 2750 (the default budget would leave 27250)
        Assert.False(summary.OverBudget);
    }

    [Fact]
    public void Each_grade_band_is_hit_once_or_more()
    {
        // The cover of this class in one line: the bands and money rules above are not an accident of one department.
        var all = All(Facts(), Strict);
        Assert.Equal(
            [("EXC", Grade.Excellent), ("EXL", Grade.Excellent), ("PAS", Grade.Pass), ("EDG", Grade.Pass), ("FAB", Grade.Fail), ("FLR", Grade.Fail), ("MIS", Grade.Fail)],
            all.Select(a => (a.DepartmentCode, a.Grade)));
        Assert.Equal([2250m, 500m, 0m, 0m, -2505m, -3000m, -1575m], all.Select(a => a.Amount));
    }
}
