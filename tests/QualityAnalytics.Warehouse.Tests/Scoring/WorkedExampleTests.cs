using Xunit;
using QualityAnalytics.Warehouse.Scoring;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>policy.md §6, to the cent, both departments scored together.</summary>
public sealed class WorkedExampleTests
{
    private static FactsBuilder Example() => new FactsBuilder()
        .Department("WL", "物流业务部").Department("CY", "储运中心")
        .Questions(FactsBuilder.ExampleQuestions)
        // 物流业务部
        .Self("WL", 1, 96, "S-WL-04").Self("WL", 2, 94, "S-WL-05").Self("WL", 3, 98, "S-WL-06").Spot("WL", 2, 90, "P-WL-05")
        .Questionnaire("WL", "R-WL-1", 5, 4, 9).Questionnaire("WL", "R-WL-2", 5, 5, 10).Questionnaire("WL", "R-WL-3", 4, 5, 9)
        .Complaint("WL", "C-101").Complaint("WL", "C-102", direct: 3).Complaint("WL", "C-103", valid: false)
        .Callback("WL", "CB-1", CallbackFinding.Incomplete)
        // 储运中心: questionnaires 100, 100, 94, 92 → 96.50
        .Self("CY", 1, 98).Self("CY", 2, 99).Self("CY", 3, 100).Spot("CY", 3, 99.5m)
        .Questionnaire("CY", "R-CY-1", 5, 5, 10).Questionnaire("CY", "R-CY-2", 5, 5, 10)
        .Questionnaire("CY", "R-CY-3", 5, 4, 10).Questionnaire("CY", "R-CY-4", 4, 5, 10)
        .Callback("CY", "CB-2", CallbackFinding.None);

    [Fact]
    public void Logistics_scores_88_20_and_pays_5000()
    {
        var a = All(Example())[0];
        Assert.Equal(("WL", "物流业务部"), (a.DepartmentCode, a.DepartmentName));
        Assert.Equal(96.00m, a.SelfCheckBase);
        Assert.Equal(2m, a.ConsistencyPenalty);
        Assert.Equal(94.00m, a.SelfCheck);
        Assert.Equal(93.33m, a.Survey);
        Assert.Equal(77.00m, a.Complaint);
        Assert.Equal(0.5m, a.CallbackDeduction);
        Assert.Equal(88.20m, a.Total);
        Assert.Equal(Grade.Fail, a.Grade);
        Assert.Equal(-5000.00m, a.Amount);
        Assert.True(a.Complete);
        Assert.Empty(a.Missing);
        Assert.Empty(a.Warnings);
        Assert.Equal("2013-07", a.PolicyVersion);
    }

    [Fact]
    public void Logistics_explanation_reads_the_same_in_Chinese()
    {
        var a = All(Example())[0];
        string Zh(string component) => Assert.Single(a.Explanation, l => l.Component == component).FormulaIn(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Equal("S = 基础分 96.00（4 月 96.00、5 月 94.00、6 月 98.00 的平均） − 一致性扣分 2（5 月：|90.00 − 94.00| = 4.00 → 2） = 94.00", Zh("S"));
        Assert.Equal("V = 平均（R-WL-1 91.00、R-WL-2 100.00、R-WL-3 89.00） = 93.33", Zh("V"));
        Assert.Equal("C = 100 − 10 × 2 件有效投诉（C-101、C-102） − 直接扣分 3（C-102） = 77.00；无效投诉不扣分：C-103", Zh("C"));
        Assert.Equal("K = 0.50（CB-1 记录不全，默认扣分） = 0.50", Zh("K"));
        Assert.Equal("T = 0.4 × 94.00 + 0.3 × 93.33 + 0.3 × 77.00 − K 0.50 = 88.199 → 88.20", Zh("T"));
        Assert.Equal("等次 = 不合格（T 88.20 < 95）", Zh("Grade"));
        Assert.Equal("奖惩金额 = −(95 − max(88.20, 90)) × 1,000 = −5,000", Zh("Amount"));
        // English stays the stored Formula, and the language of en-* and of any other culture.
        var s = Assert.Single(a.Explanation, l => l.Component == "S");
        Assert.Equal(s.Formula, s.FormulaIn(System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Logistics_explanation_spells_out_each_number_with_row_ids()
    {
        var a = All(Example())[0];
        Assert.Equal("S = base 96.00 (mean of Apr 96.00, May 94.00, Jun 98.00) − penalty 2 (May: |90.00 − 94.00| = 4.00 → 2) = 94.00", Line(a, "S"));
        Assert.Equal("V = mean(R-WL-1 91.00, R-WL-2 100.00, R-WL-3 89.00) = 93.33", Line(a, "V"));
        Assert.Equal("C = 100 − 10 × 2 valid (C-101, C-102) − 3 direct (C-102) = 77.00; invalid, no cost: C-103", Line(a, "C"));
        Assert.Equal("K = 0.50 (CB-1 incomplete, default) = 0.50", Line(a, "K"));
        Assert.Equal("T = 0.4 × 94.00 + 0.3 × 93.33 + 0.3 × 77.00 − K 0.50 = 88.199 → 88.20", Line(a, "T"));
        Assert.Equal("Grade = Fail (T 88.20 < 95)", Line(a, "Grade"));
        Assert.Equal("Amount = −(95 − max(88.20, 90)) × 1,000 = −5,000", Line(a, "Amount"));
        var c = Assert.Single(a.Explanation, l => l.Component == "C");
        Assert.Equal(["C-101", "C-102", "C-103"], c.SourceIds);
        Assert.Equal(["P-WL-05", "S-WL-04", "S-WL-05", "S-WL-06"], Assert.Single(a.Explanation, l => l.Component == "S").SourceIds);
    }

    [Fact]
    public void Storage_centre_scores_99_60_and_earns_9200()
    {
        var a = All(Example())[1];
        Assert.Equal(("CY", "储运中心"), (a.DepartmentCode, a.DepartmentName));
        Assert.Equal(99.00m, a.SelfCheckBase);
        Assert.Equal(0m, a.ConsistencyPenalty);
        Assert.Equal(99.00m, a.SelfCheck);
        Assert.Equal(100m, a.Survey);
        Assert.Equal(100m, a.Complaint);
        Assert.Equal(0m, a.CallbackDeduction);
        Assert.Equal(99.60m, a.Total);
        Assert.Equal(Grade.Excellent, a.Grade);
        Assert.Equal(9200.00m, a.Amount);
        Assert.Equal("V = mean(R-CY-1 100.00, R-CY-2 100.00, R-CY-3 94.00, R-CY-4 92.00) = 96.50 ≥ 95 → 100.00", Line(a, "V"));
        Assert.Equal("Amount = +(99.60 − 95) × 2,000 = +9,200", Line(a, "Amount"));
        Assert.Equal("K = 0 (1 callback audited, no findings)", Line(a, "K"));
    }
}
