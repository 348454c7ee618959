using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Reports.Tests.Pdf;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>The report's company control charts on the demo's 2026Q3: beside the u chart of complaints per working day, a p
/// chart of complaints answered on time (policy §7), captioned in each language, and the months it cannot draw named.</summary>
public sealed class CompanyControlChartsTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    private static readonly Quarter Q3 = new(2026, 3);

    private ReportModel Model(string language)
    {
        using var db = demo.Db.CreateContext();
        return ReportDataReader.Read(db, Q3, new ReportOptions { Language = language }, PolicyFile.Default, demo.Clock);
    }

    [Theory]
    [InlineData("zh-CN", "全公司控制图", "全公司 24 小时内按时回复率 p 控制图（中心线 p = ", "控制限 p ± 3√(p(1 − p)/n)，n 为当月按时、超时与逾期未回复的件数之和", "按时回复率")]
    [InlineData("en", "Company control charts", "Company p chart of complaints answered within 24 hours (centre line p = ", "limits p ± 3√(p(1 − p)/n), n being the month's decided replies", "On-time reply rate")]
    public void The_pdf_draws_the_on_time_p_chart_with_its_caption_under_the_company_control_charts(
        string language, string heading, string caption, string limits, string axis)
    {
        var model = Model(language);
        var chart = model.Analysis.ControlCharts.OnTimeReplies.Chart;
        Assert.NotNull(chart);
        using (var db = demo.Db.CreateContext())
        {
            var pages = PdfTestKit.PageTexts(QuarterlyReport.Generate(db, Q3, new ReportOptions { Language = language }, PolicyFile.Default, demo.Clock));
            var page = Assert.Single(pages, p => p.Contains(PdfTestKit.Squeeze(caption), StringComparison.Ordinal));
            Assert.Contains(PdfTestKit.Squeeze(limits), page, StringComparison.Ordinal);
            Assert.Contains(PdfTestKit.Squeeze(axis), page, StringComparison.Ordinal); // the chart's own text: its axis title
            Assert.Contains(pages, p => p.Contains(PdfTestKit.Squeeze(heading), StringComparison.Ordinal));
        }

        // The centre line the caption names is the chart's, as a percentage with one decimal (四舍五入).
        var centre = Math.Round((decimal)chart.Points[^1].CenterLine * 100, 1, MidpointRounding.AwayFromZero);
        var figure = QuarterlyReport.Compose(model, new ReportOptions { Language = language }).Blocks.OfType<ChartBlock>()
            .Single(c => c.Caption!.Contains(caption, StringComparison.Ordinal));
        Assert.Contains($"p = {centre.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%", figure.Caption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "。2026 年 8 月没有可判定的回复（n = 0），未绘出")]
    [InlineData("en", ". Left out, having no decided reply (n = 0): Aug 2026")]
    public void Months_with_no_decided_reply_are_named_in_the_caption(string language, string note)
    {
        var model = Model(language);
        var charts = model.Analysis.ControlCharts;
        // The demo answers something every month, so its August is taken away: the tally as the analysis would make it
        // if no reply received in August 2026 had been decided yet.
        var months = ControlCharts.Months(model.Input, AnalysisOptions.Default);
        var replies = ReplyCharts.Tally(model.Input, months).Select(m => m.Month == new DateOnly(2026, 8, 1) ? m with { Decided = 0, Late = 0 } : m).ToList();
        var onTime = ReplyCharts.OnTime(replies, AnalysisOptions.Default);
        var without = model with { Analysis = model.Analysis with { ControlCharts = charts with { OnTimeReplies = onTime } } };

        var captions = QuarterlyReport.Compose(without, new ReportOptions { Language = language }).Blocks.OfType<ChartBlock>().Select(c => c.Caption ?? "").ToList();
        var caption = Assert.Single(captions, c => c.Contains(note, StringComparison.Ordinal));
        Assert.Contains(language == "en" ? "p chart" : "p 控制图", caption, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime.Chart!.Points, p => p.Label == "2026-08");
    }

    [Theory]
    [InlineData("zh-CN", "分析期内没有可判定的回复（各月 n = 0），不绘按时回复率 p 控制图。")]
    [InlineData("en", "No reply was decided in the months analysed (n = 0 in each), so there is no p chart of replies on time.")]
    public void With_no_decided_reply_in_any_month_the_section_says_so_instead_of_drawing(string language, string sentence)
    {
        var model = Model(language);
        var months = ControlCharts.Months(model.Input, AnalysisOptions.Default);
        var none = ReplyCharts.OnTime([.. months.Select(m => new MonthlyReplies(m, 0, 0))], AnalysisOptions.Default);
        var without = model with { Analysis = model.Analysis with { ControlCharts = model.Analysis.ControlCharts with { OnTimeReplies = none } } };

        var blocks = QuarterlyReport.Compose(without, new ReportOptions { Language = language }).Blocks;
        Assert.Contains(blocks.OfType<ParagraphBlock>(), p => p.Text == sentence);
        Assert.DoesNotContain(blocks.OfType<ChartBlock>(), c => (c.Caption ?? "").Contains(language == "en" ? "p chart" : "p 控制图", StringComparison.Ordinal));
    }
}
