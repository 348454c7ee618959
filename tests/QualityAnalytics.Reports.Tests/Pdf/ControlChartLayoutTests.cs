using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Charts;
using ScottPlot;
using ScottPlot.Plottables;

namespace QualityAnalytics.Reports.Tests.Pdf;

/// <summary>
/// The review of the report's company u chart: its legend, beside the plot, left the plot about 60% of the page's width
/// (and an attempt with the legend below cut off the English axis title), and its upper limit, drawn from point to point
/// as dashes, read as short broken pieces rather than a limit. The legend now stands above the plot in a row, and each
/// limit is one continuous line of steps, a month's value across its whole slot.
/// </summary>
public sealed class ControlChartLayoutTests
{
    private const int ReportWidth = 481; // the A4 content width, in points
    private const int CompanyChartHeight = 230;

    private static readonly ControlChartLabels English = new("Month", "Complaints per working day", "Complaints per working day", "Centre line", "Control limits", "Violations");
    private static readonly ControlChartLabels Chinese = new("月份", "每工作日投诉", "每工作日投诉", "中心线", "控制限", "违规点");

    /// <summary>22 months whose limits change every month, as a u or p chart's do with each month's n; month 3 is beyond its limit.</summary>
    private static ControlChart VaryingLimits() => new("u", [.. Enumerable.Range(0, 22).Select(i => new ChartPoint(i,
        new DateOnly(2024, 12, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        i == 3 ? 0.7 : 0.2 + i % 5 * 0.05, 0.23, 0.5 + i % 3 * 0.03, i % 2 == 0 ? 0 : 0.02, 0.1, 0, true))],
        [new RuleViolation("WE1", "", [3])], [], "all");

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_plot_takes_the_width_of_the_page_and_the_legend_stands_above_it(string language)
    {
        var labels = language == "en" ? English : Chinese;
        var plot = ControlChartPlot.Build(VaryingLimits(), labels);
        plot.GetImage(ReportWidth, CompanyChartHeight).Dispose();

        var data = plot.RenderManager.LastRender.DataRect;
        Assert.True(data.Width >= 0.85 * ReportWidth, $"the plot is {data.Width:0} of {ReportWidth} px wide");
        Assert.True(plot.Legend.LastRenderSize.Height <= data.Top, "the legend is not above the plot");
        Assert.True(plot.Legend.LastRenderSize.Width <= ReportWidth, "the legend is wider than the chart");
        // One row: no higher than an entry (a line of 9 pt text) with the legend's padding.
        Assert.True(plot.Legend.LastRenderSize.Height < 2 * ChartStyle.LegendSize + 20, $"the legend is {plot.Legend.LastRenderSize.Height:0} px high");
        // The value axis's title, centred on the plot, stays inside the chart, whole (the chart is clipped to its box on the
        // page; with the legend below the plot, the English title was cut off).
        using var paint = Paint.NewDisposablePaint();
        var title = plot.Axes.Left.Label.Measure(labels.YLabel, paint).Width;
        var middle = data.VerticalCenter;
        Assert.True(middle - title / 2 >= 0 && middle + title / 2 <= CompanyChartHeight,
            $"the axis title runs from {middle - title / 2:0} to {middle + title / 2:0} px, outside the chart's 0–{CompanyChartHeight}");
    }

    [Fact]
    public void A_score_charts_value_axis_stops_just_past_100()
    {
        // Self-check means of 97.5–100 with the UCL at 100: the margin around the data (2% of the largest value) ran the
        // axis to 102, a score no one can have. With the score's range the axis stops 0.4 past it, below any tick above 100.
        var points = Enumerable.Range(0, 12).Select(i => new ChartPoint(i, $"m{i}", i == 6 ? 100 : 97.5 + i % 3, 98.6, 100, 96.2, 0.8, 0, true)).ToList();
        var chart = new ControlChart("individuals", points, [], [], "all");

        var free = ControlChartPlot.Build(chart, English).Axes.GetLimits();
        var bounded = ControlChartPlot.Build(chart, English with { ValueRange = (0, 100) }).Axes.GetLimits();

        Assert.True(free.Top > 101.5, $"top {free.Top}");
        Assert.Equal(100.4, bounded.Top, 6);
        Assert.Equal(free.Bottom, bounded.Bottom);
    }

    [Fact]
    public void Each_limit_is_one_continuous_line_of_steps_across_every_months_slot()
    {
        var chart = VaryingLimits();
        var plot = ControlChartPlot.Build(chart, English);

        var limits = plot.GetPlottables<Scatter>().Where(s => s.Color == ChartStyle.Bad).ToList();
        Assert.Equal(2, limits.Count); // upper and lower, each one line (not a piece per month)
        Assert.Single(limits, s => s.LegendText == English.Limits);
        foreach (var (line, bound) in limits.Zip(new Func<ChartPoint, double?>[] { p => p.Upper, p => p.Lower }))
        {
            var xy = line.Data.GetScatterPoints();
            Assert.Equal(2 * chart.Points.Count, xy.Count);
            for (var i = 0; i < chart.Points.Count; i++)
            {
                // Month i's value from i − 0.5 to i + 0.5; the next month starts where it ends (a vertical joint, no gap).
                Assert.Equal(new Coordinates(i - 0.5, bound(chart.Points[i])!.Value), xy[2 * i]);
                Assert.Equal(new Coordinates(i + 0.5, bound(chart.Points[i])!.Value), xy[2 * i + 1]);
            }
            Assert.Equal(LinePattern.Solid, line.LinePattern);
            Assert.Equal(ChartStyle.LimitLineWidth, line.LineWidth);
        }
    }

    [Fact]
    public void A_limit_missing_for_some_points_breaks_the_line_there_and_is_named_once_in_the_legend()
    {
        // An XmR chart whose baseline is too small has no limits for its first points.
        var points = Enumerable.Range(0, 6).Select(i => new ChartPoint(i, $"2025-0{i + 1}", 90 + i, 92, i < 2 ? null : 96, i < 2 ? null : 88, i < 2 ? null : 1.3, 0, true)).ToList();
        var plot = ControlChartPlot.Build(new ControlChart("individuals", points, [], [], "all"), English);

        var limits = plot.GetPlottables<Scatter>().Where(s => s.Color == ChartStyle.Bad).ToList();
        Assert.Equal(2, limits.Count);
        Assert.All(limits, s => Assert.Equal(new Coordinates(1.5, s.Data.GetScatterPoints()[0].Y), s.Data.GetScatterPoints()[0]));
        Assert.Single(plot.Legend.GetItems(), i => i.LabelText == English.Limits);
    }
}
