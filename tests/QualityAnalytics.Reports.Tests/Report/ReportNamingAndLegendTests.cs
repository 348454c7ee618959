using System.Text.RegularExpressions;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Charts;
using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Reports.Tests.Pdf;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>The review's F10/F15/F16/F17 on the demo's 2026Q2: a department named one way in each language (in English
/// 物流业务部 (LOG), never the bare code nor the name alone), the control-chart rules and the severity explained where
/// the findings start, the totals' bars drawn from 0, and no page left nearly blank by a section's tail.</summary>
public sealed class ReportNamingAndLegendTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    private static readonly string[] Codes = ["BID", "LOG", "MET", "MKT", "ORD", "STO", "WUH"];

    private ReportModel Model(string language)
    {
        using var db = demo.Db.CreateContext();
        return ReportDataReader.Read(db, DemoWarehouse.Q2, new ReportOptions { Language = language }, PolicyFile.Default, demo.Clock);
    }

    private byte[] Pdf(string language)
    {
        using var db = demo.Db.CreateContext();
        return QuarterlyReport.Generate(db, DemoWarehouse.Q2, new ReportOptions { Language = language }, PolicyFile.Default, demo.Clock);
    }

    [Fact]
    public void English_text_names_every_department_by_its_name_with_its_code_never_by_the_code_alone()
    {
        var model = Model("en");
        var names = model.Assessments.ToDictionary(a => a.DepartmentCode, a => a.DepartmentName);
        // The findings, as the dashboard shows them too.
        foreach (var f in model.Analysis.Findings.Where(f => f.DepartmentCode is not null))
            Assert.StartsWith($"{names[f.DepartmentCode!]} ({f.DepartmentCode})", f.TitleEn, StringComparison.Ordinal);

        // The whole English PDF: each code only in "name (CODE)", and each name followed by its code.
        var text = string.Concat(PdfTestKit.PageTexts(Pdf("en")));
        foreach (var code in Codes)
        {
            Assert.DoesNotMatch($"(?<!\\(){code}(?!\\))(?![0-9-])", Regex.Replace(text, @"TS-\d{4}Q\d-[A-Z]{3}-\d+|WJ-\d{4}Q\d-[A-Z]{3}-\d+|HF-\d{4}Q\d-[A-Z]{3}-\d+", ""));
            Assert.Contains($"{names[code]}({code})", text, StringComparison.Ordinal); // the text kit drops spaces
            Assert.DoesNotMatch($"{names[code]}", Regex.Replace(text, $"{names[code]}\\({code}\\)", ""));
        }
    }

    [Fact]
    public void Chinese_findings_name_departments_by_name_and_keep_codes_for_headings_only()
    {
        var model = Model("zh-CN");
        foreach (var f in model.Analysis.Findings.Where(f => f.DepartmentCode is not null))
        {
            Assert.StartsWith(f.DepartmentName!, f.TitleZh, StringComparison.Ordinal);
            Assert.DoesNotContain(f.DepartmentCode!, f.TitleZh, StringComparison.Ordinal);
        }
        var document = QuarterlyReport.Compose(model, new ReportOptions());
        Assert.Contains(document.Blocks.OfType<HeadingBlock>(), h => h.Text == "物流业务部（LOG）");
    }

    [Theory]
    [InlineData("zh-CN", "西方电气（Western Electric）判异规则", "WE2 即连续 3 点中有 2 点落在同侧 2σ 之外", "严重程度为 0–100 的分值")]
    [InlineData("en", "Western Electric rules", "WE2: 2 of 3 consecutive points beyond 2σ on the same side", "Severity is a score from 0 to 100")]
    public void The_findings_section_explains_the_rule_codes_sigma_and_the_severity(string language, string rules, string we2, string severity)
    {
        var text = string.Concat(PdfTestKit.PageTexts(Pdf(language)));

        Assert.Contains(PdfTestKit.Squeeze(rules), text, StringComparison.Ordinal);
        foreach (var rule in RunRules.WesternElectric) Assert.Contains(rule, text, StringComparison.Ordinal);
        Assert.Contains(PdfTestKit.Squeeze(we2), text, StringComparison.Ordinal);
        Assert.Contains("σ", text, StringComparison.Ordinal);
        Assert.Contains(PdfTestKit.Squeeze(severity), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_signal_says_which_way_the_points_went_and_when_a_month_is_of_the_quarter_before()
    {
        var findings = Model("zh-CN").Analysis.Findings.Where(f => f.Kind == FindingKinds.ControlSignal).ToList();

        // LOG's 2026-06 self-check of 98.00 lies above its limits: said so, with why a high self-check matters.
        var log = Assert.Single(findings, f => f.DepartmentCode == "LOG");
        Assert.Contains("高于中心线", log.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("可能是自评偏宽", log.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("above the centre line", log.EvidenceEn, StringComparison.Ordinal);
        // ORD's 2026-05 of 80.00 lies below.
        Assert.Contains("低于中心线", Assert.Single(findings, f => f.DepartmentCode == "ORD").EvidenceZh, StringComparison.Ordinal);
        // MKT's WE2 run takes in 2026-02, a month of 2026Q1.
        var mkt = Assert.Single(findings, f => f.DepartmentCode == "MKT");
        // Chinese text says the month in words (2026 年 2 月), English as the code.
        Assert.Contains("2026 年 2 月不在本季度", mkt.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("2026-02 is before this quarter", mkt.EvidenceEn, StringComparison.Ordinal);
    }

    [Fact]
    public void The_totals_bar_chart_starts_its_value_axis_at_zero_and_ends_its_ticks_at_100()
    {
        var plot = TotalsChart.Build([new DepartmentTotal("武汉业务部", 73.36m), new DepartmentTotal("储运中心", 99.6m)], 95m, "总分");
        plot.GetImage(600, 300).Dispose(); // drawn, as the PDF draws it: the limits must hold and the ticks exist
        var limits = plot.Axes.GetLimits();

        Assert.Equal(0, limits.Bottom);
        Assert.InRange(limits.Top, 100, TotalsChart.Top);
        var ticks = plot.Axes.Left.TickGenerator.Ticks.Select(t => t.Position).ToList();
        Assert.Equal(100, ticks.Max());
        Assert.Equal(0, ticks.Min());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void No_page_but_the_last_is_left_holding_a_line_or_two(string language)
    {
        var pages = PdfTestKit.PageTexts(Pdf(language));
        var frame = PdfTestKit.Squeeze(pages[1]).Length; // the contents page is well filled; its running header and footer recur
        // A page's own text beyond its running header and footer: the review found pages of one sentence (~30 characters)
        // and of two or three lines (~100).
        const int header = 60;
        // A figure fills a third of a page or more while its text (ticks, legend, caption) is short: a page holding one
        // (its caption, 图 4 / Figure 4) is not nearly blank, whatever its count of characters.
        var figure = new System.Text.RegularExpressions.Regex(@"(图|Figure)\d+", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        foreach (var (page, i) in pages.Select((p, i) => (p, i)).Skip(2).SkipLast(1))
            Assert.True(page.Length - header > 150 || figure.IsMatch(page), $"page {i + 1} of {pages.Count} holds only: {page}");
        Assert.True(frame > header);
    }
}
