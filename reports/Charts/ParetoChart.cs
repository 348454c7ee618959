using QualityAnalytics.Reports.Analysis.Statistics;
using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>Words the Pareto chart shows.</summary>
public sealed record ParetoChartLabels(string YLabel, string Count, string Cumulative);

/// <summary>Categories as bars, largest first (the vital few darker), with the cumulative share on the right axis and the
/// threshold (80%) as a dashed line.</summary>
public static class ParetoChart
{
    public static Plot Build(ParetoResult pareto, ParetoChartLabels labels)
    {
        ArgumentNullException.ThrowIfNull(pareto);
        ArgumentNullException.ThrowIfNull(labels);
        var plot = ChartStyle.NewPlot(null, labels.YLabel);
        var items = pareto.Items;
        var bars = plot.Add.Bars(items.Select((item, i) => new Bar
        {
            Position = i,
            Value = (double)item.Value,
            FillColor = item.VitalFew ? ChartStyle.Primary : ChartStyle.Light,
            Size = 0.7,
        }).ToList());
        bars.LegendText = labels.Count;

        var xs = items.Select((_, i) => (double)i).ToArray();
        var cumulative = plot.Add.Scatter(xs, items.Select(i => i.CumulativeShare * 100).ToArray());
        cumulative.Color = ChartStyle.Threshold;
        cumulative.LineWidth = ChartStyle.LineWidth;
        cumulative.MarkerSize = ChartStyle.MarkerSize;
        cumulative.LegendText = labels.Cumulative;
        cumulative.Axes.YAxis = plot.Axes.Right;
        var threshold = plot.Add.HorizontalLine(pareto.Threshold * 100, 1f, ChartStyle.Threshold.WithAlpha(0.6), LinePattern.Dashed);
        threshold.Axes.YAxis = plot.Axes.Right;

        ChartStyle.CategoryTicks(plot, [.. items.Select(i => i.Category)]);
        plot.Axes.SetLimitsX(-0.6, Math.Max(items.Count, 1) - 0.4);
        var top = items.Count == 0 ? 1 : (double)items.Max(i => i.Value);
        plot.Axes.SetLimitsY(0, top * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 110, plot.Axes.Right);
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"]);
        ChartStyle.Legend(plot, Alignment.MiddleRight);
        return plot;
    }
}
