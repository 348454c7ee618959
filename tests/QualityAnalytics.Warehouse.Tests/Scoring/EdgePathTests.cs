using System.Globalization;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>
/// Named cases for the engine's rarely taken paths, each with its own rule in policy.md or its own data warning: the
/// total floored at 0, rescaling when the present components weigh 0 (WZeroWeights), the survey mean rounded before the
/// full-mark threshold is applied, a negative direct deduction (WNegativeDeduction) and a policy version used before it
/// takes effect (WPolicyLater). None of them was reached by another test, so a change to any of them went unnoticed.
/// </summary>
public sealed class EdgePathTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    // ---- T floored at 0 -------------------------------------------------------------------------------------------

    [Fact]
    public void Total_is_floored_at_0_when_callback_deductions_exceed_the_weighted_components()
    {
        // Reachable with the defaults: K has no upper bound (each audited callback adds up to 1), while the weighted
        // components can all be 0. S 0 (self-check 0), V 0 (every answer 0), C 0 (10 valid complaints), K 3 (three
        // mismatches at the default 1.0): raw T = 0 + 0 + 0 − 3 = −3 → 0.00.
        var b = new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions)
            .Self("D", 1, 0).Questionnaire("D", "R-1", 0, 0, 0)
            .Callback("D", "CB-1", CallbackFinding.Mismatch).Callback("D", "CB-2", CallbackFinding.Mismatch).Callback("D", "CB-3", CallbackFinding.Mismatch);
        for (var i = 1; i <= 10; i++) b.Complaint("D", $"C-{i:00}");
        var a = One(b);
        Assert.Equal((0m, 0m, 0m, 3m), (a.SelfCheck, a.Survey, a.Complaint, a.CallbackDeduction));
        Assert.Equal(0m, a.Total);
        Assert.Equal("0.00", a.Total!.Value.ToString("0.00", CultureInfo.InvariantCulture)); // not −0.00, not −3.00
        Assert.Equal(Grade.Fail, a.Grade);
        // The penalty is capped by the floor total, not by the 0: (95 − max(0, 90)) × 1000 = −5000.
        Assert.Equal(-5000m, a.Amount);
        Assert.EndsWith("− K 3.00 = −3 → 0.00 (floored at 0)", Line(a, "T"), StringComparison.Ordinal);
    }

    [Fact]
    public void Total_floored_at_0_also_from_low_components_and_a_few_findings()
    {
        // Low but not zero: S 2 (self 2), V 0, C 0 (ten valid complaints), K 1 (one mismatch):
        // 0.4 × 2 + 0 + 0 − 1 = 0.8 − 1 = −0.2 → −0.20 → 0.00.
        var b = new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions)
            .Self("D", 1, 2).Questionnaire("D", "R-1", 0, 0, 0).Callback("D", "CB-1", CallbackFinding.Mismatch);
        for (var i = 1; i <= 10; i++) b.Complaint("D", $"C-{i:00}");
        var a = One(b);
        Assert.Equal(0m, a.Total);
        Assert.EndsWith("= −0.2 → 0.00 (floored at 0)", Line(a, "T"), StringComparison.Ordinal);
    }

    [Fact]
    public void Total_that_is_positive_is_not_marked_floored()
    {
        // The note must come from the floor, not from a low total: S 2, V 0, C 0, K 0 → 0.80, no "(floored at 0)".
        var b = new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions).Self("D", 1, 2).Questionnaire("D", "R-1", 0, 0, 0);
        for (var i = 1; i <= 10; i++) b.Complaint("D", $"C-{i:00}");
        var a = One(b);
        Assert.Equal(0.80m, a.Total);
        Assert.DoesNotContain("floored", Line(a, "T"), StringComparison.Ordinal);
    }

    // ---- Rescale with present weights summing to 0 (WZeroWeights) -------------------------------------------------

    public static TheoryData<string, decimal, decimal, decimal, bool, string, string> ZeroWeights => new()
    {
        // name, wS, wV, wC, has self-check (else a questionnaire), missing, present components named in the warning
        { "survey missing, self_check and complaint weigh 0", 0m, 1m, 0m, true, "survey", "self_check, complaint" },
        { "self_check missing, survey and complaint weigh 0", 1m, 0m, 0m, false, "self_check", "survey, complaint" },
    };

    [Theory]
    [MemberData(nameof(ZeroWeights))]
    public void Rescale_with_present_weights_summing_to_0_withholds_with_a_warning(
        string name, decimal wS, decimal wV, decimal wC, bool selfCheck, string missing, string present)
    {
        // Rescaling divides by the present weights' sum; at 0 there is nothing to scale, and no total can be given.
        var policy = Defaults with { Weights = new ComponentWeights(wS, wV, wC), MissingData = MissingDataOption.Rescale };
        var b = new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions);
        if (selfCheck) b.Self("D", 1, 90); else b.Questionnaire("D", "R-1", 5, 4, 9);
        var a = One(b, policy);
        Assert.True(a.Grade == Grade.Withheld, name);
        Assert.Null(a.Total);
        Assert.Equal(0m, a.Amount);
        Assert.Equal([missing], a.Missing);
        Assert.False(a.Complete);
        // The component that has data is still reported (it is the withholding, not the data, that is missing).
        Assert.Equal(selfCheck ? 90m : null, a.SelfCheck);
        Assert.Equal(selfCheck ? null : 91m, a.Survey);
        Assert.Equal($"The components present ({present}) all weigh 0: nothing to rescale.", Assert.Single(a.Warnings));
        Assert.Equal($"T withheld: {missing} missing and the present components weigh 0", Line(a, "T"));
        Assert.Contains("权重均为 0", Assert.Single(a.WarningsIn(Zh)), StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_weight_components_only_withhold_when_rescaling_is_needed()
    {
        // Same weights (only the survey weighs), complete data: nothing to rescale, T = 1 × V − K = 91.00, no warning.
        var policy = Defaults with { Weights = new ComponentWeights(0m, 1m, 0m) };
        var a = One(new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions).Self("D", 1, 90).Questionnaire("D", "R-1", 5, 4, 9), policy);
        Assert.Equal(91.00m, a.Total);
        Assert.Equal(Grade.Fail, a.Grade);
        Assert.Empty(a.Warnings);
    }

    // ---- Survey mean rounded to 2 decimals before the full-mark threshold -------------------------------------------

    public static TheoryData<string, decimal[], decimal, string> SurveyRounding => new()
    {
        // name, questionnaire scores (one question, weight 1, scale 100: the score is the answer), V, end of the V line
        { "mean 94.995 (94.99 and 95.00) → 95.00 → counts as 100", [94.99m, 95.00m], 100m, "= 95.00 ≥ 95 → 100.00" },
        { "one questionnaire 94.995 → 95.00 → counts as 100", [94.995m], 100m, "= 95.00 ≥ 95 → 100.00" },
        { "mean 94.994 (94.988 and 95.000) → 94.99, stays", [94.988m, 95.000m], 94.99m, "= 94.99" },
        { "one questionnaire 94.994 → 94.99, stays", [94.994m], 94.99m, "= 94.99" },
        // Half away from zero, not to even: banker's rounding would give 94.98.
        { "mean 94.985 → 94.99 (half away from zero), stays", [94.98m, 94.99m], 94.99m, "= 94.99" },
    };

    [Theory]
    [MemberData(nameof(SurveyRounding))]
    public void Survey_mean_is_rounded_before_the_full_mark_threshold(string name, decimal[] questionnaires, decimal survey, string lineEnd)
    {
        // policy §3: components are rounded to 2 decimals, and V ≥ 95 counts as 100; V is 95.00 once rounded, so
        // 94.995 is a full mark even though the unrounded mean is below 95.
        var b = new FactsBuilder().Department("D").Questions(new SurveyQuestionFact("Q", 1m, 100m)).Self("D", 1, 90);
        for (var i = 0; i < questionnaires.Length; i++) b.Questionnaire("D", $"R-{i + 1}", questionnaires[i]);
        var a = One(b);
        Assert.True(survey == a.Survey, $"{name}: V {a.Survey}");
        Assert.EndsWith(lineEnd, Line(a, "V"), StringComparison.Ordinal);
        // And the total uses that V: 0.4 × 90 + 0.3 × V + 30.
        Assert.Equal(Money.Round2(36m + 0.3m * survey + 30m), a.Total);
    }

    // ---- Negative direct deduction (WNegativeDeduction) ------------------------------------------------------------

    [Fact]
    public void A_negative_direct_deduction_is_ignored_with_a_warning_and_does_not_add_points()
    {
        // C-1 is valid with a direct deduction of −3 (a typing slip, or a "refund"): counting it would raise C by 3.
        // C = 100 − 10 × 2 valid − 2 direct (C-2 only) = 78, not 81.
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90)
            .Complaint("D", "C-1", direct: -3).Complaint("D", "C-2", direct: 2));
        Assert.Equal(78m, a.Complaint);
        Assert.Equal("C = 100 − 10 × 2 valid (C-1, C-2) − 2 direct (C-2) = 78.00", Line(a, "C"));
        Assert.Equal("Complaint C-1 has a negative direct deduction −3: not applied.", Assert.Single(a.Warnings));
        Assert.Equal("投诉 C-1 的直接扣分 −3 为负数：不执行。", Assert.Single(a.WarningsIn(Zh)));
    }

    [Fact]
    public void A_negative_direct_deduction_on_an_invalid_complaint_is_reported_as_on_an_invalid_complaint()
    {
        // The invalid complaint's rule comes first: it costs nothing whatever its deduction, and says so once.
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90).Complaint("D", "C-1", valid: false, direct: -3));
        Assert.Equal(100m, a.Complaint);
        Assert.Equal("Complaint C-1 is invalid: its direct deduction −3 is not applied.", Assert.Single(a.Warnings));
    }

    // ---- Policy version used before its effective_from (WPolicyLater) -----------------------------------------------

    [Fact]
    public void A_policy_used_for_a_quarter_before_its_effective_from_warns_on_every_department_and_scores_as_usual()
    {
        // PolicySet.For never picks such a version; a caller that passes one directly (ScoringEngine.Score,
        // AssessmentMart.Preview) gets the scores it asked for, and each department says that the version was not yet in force.
        var later = Defaults with { Version = "2026-later", EffectiveFrom = Quarter.Parse("2026Q3") };
        var facts = WithSelfCheck(90).Department("N"); // D is scored; N has no data and is withheld
        var all = All(facts, later);
        var usual = All(facts, Defaults);
        Assert.All(all, a => Assert.Equal("Policy version '2026-later' takes effect in 2026Q3, after 2026Q2.", Assert.Single(a.Warnings)));
        Assert.All(all, a => Assert.Equal("政策版本“2026-later”自 2026Q3 起生效，晚于 2026Q2。", Assert.Single(a.WarningsIn(Zh))));
        // The warning changes no number: T = 0.4 × 90 + 30 + 30 = 96.00 under either.
        Assert.Equal(96.00m, all[0].Total);
        Assert.Equal(usual.Select(a => (a.Total, a.Grade, a.Amount)), all.Select(a => (a.Total, a.Grade, a.Amount)));
    }

    [Fact]
    public void A_policy_effective_from_the_scored_quarter_itself_gives_no_warning()
    {
        // The edge: effective_from is "the first quarter this version applies to", so 2026Q2 covers 2026Q2.
        var a = One(WithSelfCheck(90), Defaults with { EffectiveFrom = Quarter.Parse("2026Q2") });
        Assert.Empty(a.Warnings);
    }
}
