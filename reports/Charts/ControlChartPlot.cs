using QualityAnalytics.Reports.Analysis.Statistics;
using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>Words the control chart shows. <paramref name="ValueFormat"/> writes the value axis's ticks (null: ScottPlot's
/// numbers; a p chart passes a percentage). <paramref name="ValueRange"/> is the range the values can take (a score's
/// 0–100): the value axis stops just past it, as a margin around the data once ran a score axis to 102.</summary>
public sealed record ControlChartLabels(string XLabel, string YLabel, string Values, string Center, string Limits, string Violations,
    Func<double, string>? ValueFormat = null, (double Min, double Max)? ValueRange = null);

/// <summary>A Shewhart chart (X, c, u or p): the points, the centre line and control limits as steps (they change between
/// phases, and with each month's n on u and p charts), and the points that break a run rule marked in red.</summary>
public static class ControlChartPlot
{
    private const int MonthLabels = 8;

    public static Plot Build(ControlChart chart, ControlChartLabels labels)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(labels);
        var plot = ChartStyle.NewPlot(labels.XLabel, labels.YLabel);
        var points = chart.Points;
        var xs = points.Select((_, i) => (double)i).ToArray();

        Steps(plot, points, p => p.CenterLine, ChartStyle.Good, 1, labels.Center);
        var limitsLabel = labels.Limits;
        foreach (var bound in new Func<ChartPoint, double?>[] { p => p.Upper, p => p.Lower })
        {
            if (Steps(plot, points, bound, ChartStyle.Bad, ChartStyle.LimitLineWidth, limitsLabel)) limitsLabel = null;
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

        // The legend stands above the plot in one row, so the plot has the page's whole width (beside it, it took a third,
        // and eight month labels ran together); at most eight labels still keep their distance at that width.
        ChartStyle.SparseTicks(plot, [.. points.Select(p => p.Label)], MonthLabels);
        if (labels.ValueFormat is { } format) plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = format };
        plot.Axes.SetLimitsX(-0.5, Math.Max(points.Count, 1) - 0.5);
        var all = points.Select(p => p.Value).Concat(points.Select(p => p.Upper ?? p.Value)).Concat(points.Select(p => p.Lower ?? p.Value)).ToList();
        if (all.Count > 0)
        {
            var (min, max) = (all.Min(), all.Max());
            var pad = Math.Max((max - min) * 0.1, Math.Abs(max) * 0.02 + 0.01);
            var (low, high) = (min - pad, max + pad);
            if (labels.ValueRange is { } range)
            {
                // A point on the range's edge keeps its whole marker: 0.4% of the range beyond it (0.4 on a score), less
                // than a tick's step, so no tick is labelled past it (1% put a "101" on the score axis).
                var margin = (range.Max - range.Min) * 0.004;
                (low, high) = (Math.Max(low, range.Min - margin), Math.Min(high, range.Max + margin));
            }
            plot.Axes.SetLimitsY(low, high);
        }
        ChartStyle.LegendAbove(plot);
        return plot;
    }

    /// <summary>
    /// A line in force per point (a limit, the centre line) as continuous steps: each point's value spans its whole slot,
    /// from half-way after the point before to half-way before the next, and a change is a vertical joint. Drawn from
    /// point to point, a limit that changed every month (u and p charts: each month's n) was a row of short dashed tilted
    /// pieces that did not read as a limit; solid, in red, they do. A point without the line (too small a baseline) breaks it. Returns whether
    /// anything was drawn (the legend names the first run only).
    /// </summary>
    private static bool Steps(Plot plot, IReadOnlyList<ChartPoint> points, Func<ChartPoint, double?> line, Color color, float width, string? legend)
    {
        var drawn = false;
        var run = new List<Coordinates>();
        for (var i = 0; i <= points.Count; i++)
        {
            if (i < points.Count && line(points[i]) is { } v)
            {
                run.Add(new Coordinates(i - 0.5, v));
                run.Add(new Coordinates(i + 0.5, v));
                continue;
            }
            if (run.Count == 0) continue;
            var steps = plot.Add.ScatterLine(run.ToArray());
            steps.Color = color;
            steps.LineWidth = width;
            if (!drawn && legend is not null) steps.LegendText = legend;
            drawn = true;
            run.Clear();
        }
        return drawn;
    }
}
