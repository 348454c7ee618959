using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Charts;
using ScottPlot;

namespace QualityAnalytics.Reports.Tests.Pdf;

/// <summary>
/// The month labels under a control chart never run into each other. In the English report the company u chart's legend
/// ("Complaints per working day") stood to the right of the plot and took so much of the page's width that its eight
/// month labels printed as one string, "2024-122025-032025-06…".
/// </summary>
public class ControlChartTickTests
{
    private const int ReportWidth = 481; // the chart's width in the PDF: the A4 content width, in points
    private const int ReportHeight = 210;

    [Theory]
    [InlineData("Month", "Complaints per working day", "Centre line", "Control limits", "Violations")]
    [InlineData("月份", "每工作日投诉", "中心线", "控制限", "违规点")]
    public void Month_labels_leave_room_between_them_at_the_reports_size(string x, string y, string center, string limits, string violations)
    {
        var points = Enumerable.Range(0, 22).Select(i => new ChartPoint(i, new DateOnly(2024, 12, 1).AddMonths(i).ToString("yyyy-MM",
            System.Globalization.CultureInfo.InvariantCulture), 0.2 + i % 5 * 0.05, 0.23, 0.55, 0, 0.1, 0, true)).ToList();
        var plot = ControlChartPlot.Build(new ControlChart("u", points, [new RuleViolation("WE1", "", [3])], [], "all"),
            new ControlChartLabels(x, y, y, center, limits, violations));

        plot.GetImage(ReportWidth, ReportHeight).Dispose(); // lays the chart out at the report's size
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label)).OrderBy(t => t.Position).ToList();
        Assert.True(ticks.Count >= 4, $"only {ticks.Count} month labels");
        var style = plot.Axes.Bottom.TickLabelStyle;
        using var paint = Paint.NewDisposablePaint();
        for (var i = 1; i < ticks.Count; i++)
        {
            var room = plot.GetPixel(new Coordinates(ticks[i].Position, 0)).X - plot.GetPixel(new Coordinates(ticks[i - 1].Position, 0)).X;
            var needed = (style.Measure(ticks[i - 1].Label, paint).Width + style.Measure(ticks[i].Label, paint).Width) / 2;
            Assert.True(room > needed + 2, $"\"{ticks[i - 1].Label}\" and \"{ticks[i].Label}\" are {room:0.0} px apart and need {needed:0.0}");
        }
    }
}
