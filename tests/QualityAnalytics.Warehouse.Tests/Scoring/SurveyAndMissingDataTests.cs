using Xunit;
using QualityAnalytics.Warehouse.Scoring;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

public sealed class SurveyAndMissingDataTests
{
    private static FactsBuilder Survey() => new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions).Self("D", 1, 90);

    [Fact]
    public void Excluded_questionnaires_are_left_out_of_V_and_named_in_the_explanation()
    {
        var a = One(Survey().Questionnaire("D", "R-1", 5, 4, 9)
            .Questionnaire("D", "R-2", true, [1m, 1m, 1m], excludedBy: "质量管理委员会", excludedReason: "客户持异议"));
        Assert.Equal(91m, a.Survey);
        Assert.Equal("V = mean(R-1 91.00) = 91.00; excluded by the committee: R-2", Line(a, "V"));
        Assert.Equal(["R-1", "R-2"], Assert.Single(a.Explanation, l => l.Component == "V").SourceIds);
    }

    [Fact]
    public void Who_excluded_a_questionnaire_and_why_change_nothing_else()
    {
        var one = All(Survey().Questionnaire("D", "R-1", 5, 4, 9).Questionnaire("D", "R-2", true, [1m, 1m, 1m], "张三", "持异议"));
        var other = All(Survey().Questionnaire("D", "R-1", 5, 4, 9).Questionnaire("D", "R-2", true, [1m, 1m, 1m], "李四", "another reason"));
        var none = All(Survey().Questionnaire("D", "R-1", 5, 4, 9).Questionnaire("D", "R-2", true, [1m, 1m, 1m]));
        Assert.Equal(Canonical(one), Canonical(other));
        Assert.Equal(Canonical(one), Canonical(none));
    }

    [Fact]
    public void A_questionnaire_with_only_some_answers_flagged_is_excluded_whole_with_a_warning()
    {
        var b = Survey().Questionnaire("D", "R-1", 5, 4, 9);
        b.Answer(new SurveyAnswerFact("R-2", "D", b.Quarter, "Q1", 1, Excluded: true, "committee", "dispute"));
        b.Answer(new SurveyAnswerFact("R-2", "D", b.Quarter, "Q2", 1, Excluded: false));
        var a = One(b);
        Assert.Equal(91m, a.Survey);
        Assert.Contains(a.Warnings, w => w.Contains("R-2", StringComparison.Ordinal));
    }

    [Fact]
    public void All_questionnaires_excluded_means_the_survey_is_missing()
    {
        var a = One(Survey().Questionnaire("D", "R-1", true, [5m, 5m, 5m]));
        Assert.Null(a.Survey);
        Assert.Equal(["survey"], a.Missing);
        Assert.False(a.Complete);
    }

    [Fact]
    public void Partially_answered_questionnaire_divides_by_the_weights_of_the_questions_it_answered()
    {
        // Q1 4/5 and Q3 9/10: (0.4 × 80 + 0.3 × 90) / 0.7 = 84.2857… → 84.29.
        var a = One(Survey().Questionnaire("D", "R-1", 4, null, 9));
        Assert.Equal(84.29m, a.Survey);
        Assert.Equal("V = mean(R-1 84.29 (2 of 3 questions)) = 84.29", Line(a, "V"));
    }

    [Fact]
    public void Partially_answered_and_complete_questionnaires_average_as_equals()
    {
        // R-1 answers only Q2 (3/5 → 60); R-2 all (5,5,10 → 100): V = 80.
        var a = One(Survey().Questionnaire("D", "R-1", null, 3, null).Questionnaire("D", "R-2", 5, 5, 10));
        Assert.Equal(80m, a.Survey);
    }

    [Fact]
    public void Answer_to_an_undefined_question_is_ignored_with_a_warning()
    {
        var b = Survey().Questionnaire("D", "R-1", 5, 4, 9);
        b.Answer(new SurveyAnswerFact("R-1", "D", b.Quarter, "Q-unknown", 1, false));
        var a = One(b);
        Assert.Equal(91m, a.Survey);
        Assert.Contains(a.Warnings, w => w.Contains("Q-unknown", StringComparison.Ordinal));
    }

    // Self-check only, no questionnaire: S 90, C 100 (K 0.5 from one incomplete callback).
    private static FactsBuilder SelfCheckOnly() => new FactsBuilder().Department("D").Self("D", 1, 90).Callback("D", "CB-1", CallbackFinding.Incomplete);

    [Fact]
    public void Missing_survey_rescale_scales_present_weights_to_sum_1_and_marks_the_result_provisional()
    {
        var a = One(SelfCheckOnly(), Defaults with { MissingData = MissingDataOption.Rescale });
        // (0.4 × 90 + 0.3 × 100) / 0.7 − 0.5 = 94.285714… − 0.5 = 93.785714… → 93.79
        Assert.Null(a.Survey);
        Assert.Equal(93.79m, a.Total);
        Assert.Equal(Grade.Fail, a.Grade);
        Assert.Equal(-1210m, a.Amount);
        Assert.False(a.Complete);
        Assert.Equal(["survey"], a.Missing);
        Assert.Equal("T = (0.4 × 90.00 + 0.3 × 100.00) / 0.7 − K 0.50 = ≈93.785714 → 93.79; provisional: survey missing, present weights rescaled to sum 1", Line(a, "T"));
    }

    [Fact]
    public void Missing_self_check_rescale()
    {
        // (0.3 × 91 + 0.3 × 100) / 0.6 = 95.5 → excellent, +1000, provisional.
        var a = One(new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions).Questionnaire("D", "R-1", 5, 4, 9));
        Assert.Null(a.SelfCheck);
        Assert.Null(a.SelfCheckBase);
        Assert.Equal(95.50m, a.Total);
        Assert.Equal(Grade.Excellent, a.Grade);
        Assert.Equal(1000m, a.Amount);
        Assert.Equal(["self_check"], a.Missing);
        Assert.False(a.Complete);
    }

    [Fact]
    public void Missing_survey_zero_counts_it_as_0_in_the_total_and_still_reports_it_missing()
    {
        var a = One(SelfCheckOnly(), Defaults with { MissingData = MissingDataOption.Zero });
        // 0.4 × 90 + 0.3 × 0 + 0.3 × 100 − 0.5 = 65.5. The survey is missing, not zero (policy §5): the data contract's
        // survey is null when missing, whatever the option; the 0 the total used is in the T line.
        Assert.Null(a.Survey);
        Assert.Equal(90m, a.SelfCheck);
        Assert.Equal(65.50m, a.Total);
        Assert.Equal(Grade.Fail, a.Grade);
        Assert.Equal(-5000m, a.Amount);
        Assert.False(a.Complete);
        Assert.Equal(["survey"], a.Missing);
        Assert.Contains("0.3 × 0 (survey missing)", Line(a, "T"), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_survey_withhold_gives_no_grade_no_total_no_money()
    {
        var a = One(SelfCheckOnly(), Defaults with { MissingData = MissingDataOption.Withhold });
        Assert.Equal(90m, a.SelfCheck);
        Assert.Null(a.Survey);
        Assert.Null(a.Total);
        Assert.Equal(Grade.Withheld, a.Grade);
        Assert.Equal(0m, a.Amount);
        Assert.False(a.Complete);
        Assert.Equal(["survey"], a.Missing);
    }

    public static TheoryData<string, MissingDataOption> Options => new()
    {
        { "rescale", MissingDataOption.Rescale },
        { "zero", MissingDataOption.Zero },
        { "withhold", MissingDataOption.Withhold },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Department_without_self_checks_or_questionnaires_is_withheld_but_listed(string name, MissingDataOption option)
    {
        var all = All(new FactsBuilder().Department("A", "有数据").Department("N", "无数据").Department("Z", "最后")
            .Self("A", 1, 90).Self("Z", 1, 95)
            .Complaint("N", "C-1").Callback("N", "CB-1", CallbackFinding.Mismatch), Defaults with { MissingData = option });
        Assert.Equal(["A", "N", "Z"], all.Select(a => a.DepartmentCode));
        var n = all[1];
        Assert.True(n.Grade == Grade.Withheld, name);
        Assert.Null(n.Total);
        Assert.Equal(0m, n.Amount);
        Assert.Null(n.SelfCheck);
        Assert.Null(n.Survey);
        Assert.Equal(90m, n.Complaint);
        Assert.Equal(1m, n.CallbackDeduction);
        Assert.Equal(["self_check", "survey"], n.Missing);
        Assert.False(n.Complete);
        Assert.StartsWith("T withheld:", Line(n, "T"), StringComparison.Ordinal);
    }

    [Fact]
    public void Complaints_are_never_missing()
    {
        var a = One(Survey().Questionnaire("D", "R-1", 5, 5, 10));
        Assert.True(a.Complete);
        Assert.Empty(a.Missing);
        Assert.Equal(100m, a.Complaint);
    }
}
