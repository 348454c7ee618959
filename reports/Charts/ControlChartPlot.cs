using QualityAnalytics.Reports.Analysis.Statistics;
using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>Words the control chart shows.</summary>
public sealed record ControlChartLabels(string XLabel, string YLabel, string Values, string Center, string Limits, string Violations);

/// <summary>A Shewhart chart (X, c, u or p): the points, the centre line and control limits as steps (they change between
/// phases), and the points that break a run rule marked in red.</summary>
public static class ControlChartPlot
{
    private const int MonthLabels = 5;

    public static Plot Build(ControlChart chart, ControlChartLabels labels)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(labels);
        var plot = ChartStyle.NewPlot(labels.XLabel, labels.YLabel);
        var points = chart.Points;
        var xs = points.Select((_, i) => (double)i).ToArray();

        var center = plot.Add.Scatter(xs, points.Select(p => p.CenterLine).ToArray());
        center.Color = ChartStyle.Good;
        center.MarkerSize = 0;
        center.LineWidth = 1;
        center.ConnectStyle = ConnectStyle.StepHorizontal;
        center.LegendText = labels.Center;
        var limitsLabelled = false;
        foreach (var bound in new Func<ChartPoint, double?>[] { p => p.Upper, p => p.Lower })
        {
            var present = points.Select((p, i) => (v: bound(p), i)).Where(t => t.v is not null).ToList();
            if (present.Count == 0) continue;
            var limit = plot.Add.Scatter(present.Select(t => (double)t.i).ToArray(), present.Select(t => t.v!.Value).ToArray());
            limit.Color = ChartStyle.Bad.WithAlpha(0.7);
            limit.MarkerSize = 0;
            limit.LineWidth = 1;
            limit.LinePattern = LinePattern.Dashed;
            limit.ConnectStyle = ConnectStyle.StepHorizontal;
            if (!limitsLabelled) limit.LegendText = labels.Limits;
            limitsLabelled = true;
        }

        var values = plot.Add.Scatter(xs, points.Select(p => p.Value).ToArray());
        values.Color = ChartStyle.Primary;
        values.LineWidth = ChartStyle.LineWidth;
        values.MarkerSize = ChartStyle.MarkerSize;
        values.LegendText = labels.Values;

        var broken = chart.Violations.SelectMany(v => v.Points).Distinct().Order().ToList();
        var flagged = points.Select((p, i) => (p, i)).Where(t => broken.Contains(t.p.Index)).ToList();
        if (flagged.Count > 0)
        {
            var marks = plot.Add.Markers(flagged.Select(t => (double)t.i).ToArray(), flagged.Select(t => t.p.Value).ToArray(),
                MarkerShape.FilledCircle, ChartStyle.ViolationMarkerSize, ChartStyle.Bad);
            marks.LegendText = labels.Violations;
        }

        // At most five month labels: the legend on the right leaves the plot about two thirds of the page, and with eight
        // the English company chart's labels ran together ("2024-122025-032025-06…").
        ChartStyle.SparseTicks(plot, [.. points.Select(p => p.Label)], MonthLabels);
        plot.Axes.SetLimitsX(-0.5, Math.Max(points.Count, 1) - 0.5);
        var all = points.Select(p => p.Value).Concat(points.Select(p => p.Upper ?? p.Value)).Concat(points.Select(p => p.Lower ?? p.Value)).ToList();
        if (all.Count > 0)
        {
            var (min, max) = (all.Min(), all.Max());
            var pad = Math.Max((max - min) * 0.1, Math.Abs(max) * 0.02 + 0.01);
            plot.Axes.SetLimitsY(min - pad, max + pad);
        }
        ChartStyle.LegendOutside(plot);
        return plot;
    }
}
