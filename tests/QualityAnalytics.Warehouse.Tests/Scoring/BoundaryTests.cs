using Xunit;
using QualityAnalytics.Warehouse.Scoring;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>Named table cases for every edge of policy.md §3–4 (defaults).</summary>
public sealed class BoundaryTests
{
    public static TheoryData<string, decimal, decimal> ConsistencyTiers => new()
    {
        { "d = 0.5 → 0", 0.5m, 0m },
        { "d = 1 exactly (on the edge) → 0", 1m, 0m },
        { "d = 1.01 (just above) → 1", 1.01m, 1m },
        { "d = 3 exactly → 1", 3m, 1m },
        { "d = 3.01 → 2", 3.01m, 2m },
        { "d = 5 exactly → 2", 5m, 2m },
        { "d = 5.01 → 4", 5.01m, 4m },
        { "d = 10 exactly → 4", 10m, 4m },
        { "d = 10.01 → 6", 10.01m, 6m },
        { "d = 40 → 6", 40m, 6m },
    };

    [Theory]
    [MemberData(nameof(ConsistencyTiers))]
    public void Consistency_penalty_tier(string name, decimal d, decimal penalty)
    {
        // Self 90 in April; the spot check is d below it (the sign does not matter: also tested above it).
        var below = One(new FactsBuilder().Department("D").Self("D", 1, 90).Spot("D", 1, 90 - d));
        var above = One(new FactsBuilder().Department("D").Self("D", 1, 50).Spot("D", 1, 50 + d));
        Assert.True(penalty == below.ConsistencyPenalty, name);
        Assert.Equal(90m - penalty, below.SelfCheck);
        Assert.Equal(penalty, above.ConsistencyPenalty);
    }

    [Fact]
    public void Penalties_of_several_spot_checked_months_add_up_and_S_stays_at_or_above_0()
    {
        var a = One(new FactsBuilder().Department("D")
            .Self("D", 1, 4).Spot("D", 1, 20)   // d 16 → 6
            .Self("D", 2, 4).Spot("D", 2, 6));  // d 2 → 1
        Assert.Equal(7m, a.ConsistencyPenalty);
        Assert.Equal(0m, a.SelfCheck);
        Assert.Contains("floored at 0", Line(a, "S"), StringComparison.Ordinal);
    }

    [Fact]
    public void Month_score_is_the_mean_of_its_records_and_spot_is_compared_to_that_mean()
    {
        // April: self 80 and 90 → 85; May 95 → base 90; April spot 82 and 84 → 83, d = 2 → 1.
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 80).Self("D", 1, 90).Self("D", 2, 95).Spot("D", 1, 82).Spot("D", 1, 84));
        Assert.Equal(90m, a.SelfCheckBase);
        Assert.Equal(1m, a.ConsistencyPenalty);
        Assert.Equal(89m, a.SelfCheck);
    }

    [Fact]
    public void A_gap_just_above_a_tier_bound_is_shown_exactly_not_rounded_onto_the_bound()
    {
        // April: self 91, 91, 91.01 → 91.003333…; spot 90 → d = 1.003333… > 1 → penalty 1 (policy §3: d ≤ 1 is consistent).
        // Written with 2 decimals the line read "|90.00 − 91.00| = 1.00 → 1", contradicting the tier table it applies.
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 91).Self("D", 1, 91).Self("D", 1, 91.01m).Spot("D", 1, 90));
        Assert.Equal(1m, a.ConsistencyPenalty);
        Assert.Equal(90m, a.SelfCheck);
        Assert.Contains("Apr: |90.00 − ≈91.003333| = ≈1.003333 → 1", Line(a, "S"), StringComparison.Ordinal);
        var zh = Assert.Single(a.Explanation, l => l.Component == "S").FormulaIn(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Contains("4 月：|90.00 − ≈91.003333| = ≈1.003333 → 1", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Spot_check_in_a_month_without_self_check_gives_no_penalty_but_a_warning()
    {
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90).Spot("D", 3, 40, "P-9"));
        Assert.Equal(0m, a.ConsistencyPenalty);
        Assert.Equal(90m, a.SelfCheck);
        var warning = Assert.Single(a.Warnings);
        Assert.Contains("P-9", warning, StringComparison.Ordinal);
        Assert.Contains("2026-06", warning, StringComparison.Ordinal);
        // Chinese text writes the month in words, not as the code 2026-06 (which stays in the English).
        Assert.Equal("2026 年 6 月的抽查（P-9）当月没有自查记录：不计一致性扣分。",
            Assert.Single(a.WarningsIn(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"))));
    }

    public static TheoryData<string, decimal, decimal> SurveyFullMark => new()
    {
        { "V exactly 95 → 100", 95m, 100m },
        { "V 94.99 stays", 94.99m, 94.99m },
        { "V 99 → 100", 99m, 100m },
    };

    [Theory]
    [MemberData(nameof(SurveyFullMark))]
    public void Survey_at_or_above_95_counts_as_full_marks(string name, decimal answer, decimal expected)
    {
        var a = One(new FactsBuilder().Department("D").Questions(new SurveyQuestionFact("Q", 1m, 100m)).Self("D", 1, 90).Questionnaire("D", "R-1", answer));
        Assert.True(expected == a.Survey, name);
    }

    public static TheoryData<string, decimal, decimal, Grade, decimal> GradesAndMoney => new()
    {
        // T = 0.4 × S + 0.3 × 100 + 0.3 × 100: S chosen for the total.
        { "T exactly 95 → pass, no money", 87.5m, 95.00m, Grade.Pass, 0m },
        { "T 95.01 → excellent, +20", 87.53m, 95.01m, Grade.Excellent, 20m },
        { "T 94.99 → fail, −10", 87.47m, 94.99m, Grade.Fail, -10m },
        { "T 90 (penalty floor) → −5000", 75m, 90.00m, Grade.Fail, -5000m },
        { "T 89.99 (below the floor) → still −5000", 74.97m, 89.99m, Grade.Fail, -5000m },
        { "T 70 → −5000 at most", 25m, 70.00m, Grade.Fail, -5000m },
        { "T 100 → +10000", 100m, 100.00m, Grade.Excellent, 10000m },
    };

    [Theory]
    [MemberData(nameof(GradesAndMoney))]
    public void Grade_and_amount_at_the_thresholds(string name, decimal s, decimal total, Grade grade, decimal amount)
    {
        var a = One(WithSelfCheck(s));
        Assert.True(total == a.Total, $"{name}: T {a.Total}");
        Assert.Equal(grade, a.Grade);
        Assert.Equal(amount, a.Amount);
    }

    [Fact]
    public void Total_rounds_half_away_from_zero_where_bankers_rounding_would_round_down()
    {
        // T = 0.4 × 80 + 0.3 × 93.75 + 0.3 × 100 = 90.125 → 90.13 (banker's rounding: 90.12).
        var a = One(new FactsBuilder().Department("D").Questions(new SurveyQuestionFact("Q", 1m, 4m))
            .Self("D", 1, 80).Questionnaire("D", "R-1", 3.75m));
        Assert.Equal(93.75m, a.Survey);
        Assert.Equal(90.13m, a.Total);
        Assert.EndsWith("= 90.125 → 90.13", Line(a, "T"), StringComparison.Ordinal);
        Assert.Equal(-4870m, a.Amount);
    }

    [Fact]
    public void Components_round_half_away_from_zero_before_the_total()
    {
        // S: months 90.00 and 90.01 → base 90.005 → 90.01 (banker's: 90.00).
        // V: questionnaires 80.00 and 80.01 → 80.005 → 80.01.
        var a = One(new FactsBuilder().Department("D").Questions(new SurveyQuestionFact("Q", 1m, 100m))
            .Self("D", 1, 90m).Self("D", 2, 90.01m).Questionnaire("D", "R-1", 80m).Questionnaire("D", "R-2", 80.01m));
        Assert.Equal(90.01m, a.SelfCheckBase);
        Assert.Equal(90.01m, a.SelfCheck);
        Assert.Equal(80.01m, a.Survey);
        // T = 0.4 × 90.01 + 0.3 × 80.01 + 30 = 36.004 + 24.003 + 30 = 90.007 → 90.01 (with unrounded components it would be 90.0035 → 90.00).
        Assert.Equal(90.01m, a.Total);
    }

    [Fact]
    public void Eleven_valid_complaints_floor_C_at_0()
    {
        var b = new FactsBuilder().Department("D").Self("D", 1, 90);
        for (var i = 1; i <= 11; i++) b.Complaint("D", $"C-{i:00}");
        var a = One(b);
        Assert.Equal(0m, a.Complaint);
        Assert.Contains("= −10, floored at 0 = 0.00", Line(a, "C"), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_complaints_cost_nothing_even_with_a_direct_deduction_and_are_shown()
    {
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90)
            .Complaint("D", "C-1", valid: false).Complaint("D", "C-2", valid: false, direct: 5));
        Assert.Equal(100m, a.Complaint);
        Assert.Equal("C = 100 − 10 × 0 valid = 100.00; invalid, no cost: C-1, C-2", Line(a, "C"));
        Assert.Contains(a.Warnings, w => w.Contains("C-2", StringComparison.Ordinal) && w.Contains("not applied", StringComparison.Ordinal));
    }

    [Fact]
    public void No_complaints_gives_100()
    {
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90));
        Assert.Equal(100m, a.Complaint);
        Assert.Equal("C = 100 (no complaints) = 100.00", Line(a, "C"));
    }

    public static TheoryData<string, CallbackFinding, decimal?, decimal> Callbacks => new()
    {
        { "incomplete, none recorded → default 0.5", CallbackFinding.Incomplete, null, 0.5m },
        { "mismatch, none recorded → default 1.0", CallbackFinding.Mismatch, null, 1.0m },
        { "incomplete, recorded 0.8 → 0.8", CallbackFinding.Incomplete, 0.8m, 0.8m },
        { "mismatch, recorded 0.6 → 0.6", CallbackFinding.Mismatch, 0.6m, 0.6m },
        { "no finding → 0", CallbackFinding.None, null, 0m },
        { "mismatch, recorded 3 (out of range) → clamped to 1", CallbackFinding.Mismatch, 3m, 1m },
    };

    [Theory]
    [MemberData(nameof(Callbacks))]
    public void Callback_deduction(string name, CallbackFinding finding, decimal? recorded, decimal k)
    {
        var a = One(WithSelfCheck(100).Callback("D", "CB-1", finding, recorded));
        Assert.True(k == a.CallbackDeduction, name);
        Assert.Equal(100m - k, a.Total);
    }

    [Fact]
    public void Callback_deductions_add_up_and_each_is_explained()
    {
        var a = One(WithSelfCheck(100).Callback("D", "CB-1", CallbackFinding.Incomplete).Callback("D", "CB-2", CallbackFinding.Mismatch, 0.75m)
            .Callback("D", "CB-3", CallbackFinding.None));
        Assert.Equal(1.25m, a.CallbackDeduction);
        Assert.Equal("K = 0.50 (CB-1 incomplete, default) + 0.75 (CB-2 mismatch, recorded) = 1.25", Line(a, "K"));
    }

    [Fact]
    public void Complaint_at_23_59_59_on_the_quarters_last_day_counts_and_one_at_midnight_after_does_not()
    {
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90)
            .Complaint("D", "C-IN", receivedAt: new DateTime(2026, 6, 30, 23, 59, 59))
            .Complaint("D", "C-OUT", receivedAt: new DateTime(2026, 7, 1, 0, 0, 0))
            .Complaint("D", "C-BEFORE", receivedAt: new DateTime(2026, 3, 31, 23, 59, 59))
            .Complaint("D", "C-FIRST", receivedAt: new DateTime(2026, 4, 1, 0, 0, 0)));
        Assert.Equal(80m, a.Complaint);
        Assert.Equal("C = 100 − 10 × 2 valid (C-FIRST, C-IN) = 80.00", Line(a, "C"));
    }

    [Fact]
    public void Complaint_given_as_a_UTC_instant_is_dated_in_Asia_Shanghai()
    {
        // 2026-06-30 15:59:59Z is 23:59:59 in Shanghai (in); 16:00:00Z is 00:00 on 1 July (out).
        var a = One(new FactsBuilder().Department("D").Self("D", 1, 90)
            .Complaint("D", "C-IN", receivedAt: new DateTime(2026, 6, 30, 15, 59, 59, DateTimeKind.Utc))
            .Complaint("D", "C-OUT", receivedAt: new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("C = 100 − 10 × 1 valid (C-IN) = 90.00", Line(a, "C"));
    }

    [Fact]
    public void Facts_of_other_quarters_are_ignored()
    {
        var b = WithSelfCheck(90)
            .Self("D", 0, 10).Self("D", 4, 10)                   // March and July
            .Callback("D", "CB-OUT", CallbackFinding.Mismatch, calledOn: new DateOnly(2026, 7, 1))
            .Questionnaire("D", "R-OLD", false, [1m, 1m, 1m], quarter: QualityAnalytics.Warehouse.Model.Quarter.Parse("2026Q1"));
        var a = One(b);
        Assert.Equal(90m, a.SelfCheck);
        Assert.Equal(100m, a.Survey);
        Assert.Equal(0m, a.CallbackDeduction);
    }
}
