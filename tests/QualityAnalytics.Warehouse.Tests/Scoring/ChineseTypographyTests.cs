using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>
/// The stored Chinese explanations follow the product's typography: full-width punctuation （，；：） inside Chinese
/// sentences, 、 between a list's items, a space between Han and digits ("4 月", "3 件"), and months in words — while
/// the English keeps its half-width punctuation. Formulas (|a − b|, max(…), [a, b]) are mathematics and stay as written.
/// </summary>
public sealed partial class ChineseTypographyTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Two penalty months, two direct deductions, an invalid complaint, three questionnaires and a spot check
    /// without a self-check: every list and clause separator the explanations have.</summary>
    private static FactsBuilder Facts() => new FactsBuilder()
        .Department("D", "物流业务部")
        .Questions(FactsBuilder.ExampleQuestions)
        .Self("D", 1, 96, "S-1").Self("D", 2, 94, "S-2").Spot("D", 1, 92, "P-1").Spot("D", 2, 90, "P-2").Spot("D", 3, 90, "P-3")
        .Questionnaire("D", "R-1", 5, 4, 9).Questionnaire("D", "R-2", 5, 5, 10).Questionnaire("D", "R-3", 4, 5, 9)
        .Complaint("D", "C-1", direct: 2).Complaint("D", "C-2", direct: 3).Complaint("D", "C-3", valid: false);

    [Fact]
    public void Chinese_explanations_and_warnings_use_full_width_punctuation_and_spaced_digits()
    {
        var a = One(Facts());
        // The amount's line is a formula, −(95 − max(88.20, 90)) × 1,000: its brackets and comma are mathematics.
        var lines = a.Explanation.Where(l => l.Component != "Amount").Select(l => l.FormulaIn(Zh)).Concat(a.WarningsIn(Zh)).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var prose = Mathematics().Replace(line, "");
            Assert.DoesNotMatch(HalfWidthInChinese(), prose);
            Assert.DoesNotMatch(@"[,;] ", prose); // a list or clause separator: 、 or ；
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}\d|\d\p{IsCJKUnifiedIdeographs}", prose);
        }
        Assert.Contains("（4 月 96.00、5 月 94.00 的平均）", ZhLine(a, "S"), StringComparison.Ordinal);
        Assert.Contains("→ 2；5 月：", ZhLine(a, "S"), StringComparison.Ordinal);
        Assert.StartsWith("V = 平均（R-1 ", ZhLine(a, "V"), StringComparison.Ordinal);
        Assert.Contains("件有效投诉（C-1、C-2） − 直接扣分 5（C-1 2、C-2 3）", ZhLine(a, "C"), StringComparison.Ordinal);
        Assert.Contains("2026 年 6 月的抽查（P-3）", string.Concat(a.WarningsIn(Zh)), StringComparison.Ordinal);
        // The English is unchanged: half-width, comma-separated, the month as a code.
        Assert.Contains("valid (C-1, C-2) − 5 direct (C-1 2, C-2 3)", Line(a, "C"), StringComparison.Ordinal);
        Assert.Contains("Apr 96.00, May 94.00", Line(a, "S"), StringComparison.Ordinal);
        Assert.Contains("2026-06", string.Concat(a.Warnings), StringComparison.Ordinal);
    }

    private static string ZhLine(QualityAnalytics.Warehouse.Scoring.Assessment a, string component) =>
        Assert.Single(a.Explanation, l => l.Component == component).FormulaIn(Zh);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[,;:()]|[,;:()]\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HalfWidthInChinese();

    /// <summary>|a − b| and max(a, b): the formulas inside the sentences.</summary>
    [GeneratedRegex(@"\|[^|]*\||max\([^)]*\)")]
    private static partial Regex Mathematics();
}
