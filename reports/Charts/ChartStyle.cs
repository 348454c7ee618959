using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>The charts' colours and sizes, in one place (the PDF's palette, as ScottPlot colours).</summary>
public static class ChartStyle
{
    public static readonly Color Primary = Color.FromHex("#1F4E79");
    public static readonly Color Secondary = Color.FromHex("#2E75B6");
    public static readonly Color Light = Color.FromHex("#9DC3E6");
    public static readonly Color Good = Color.FromHex("#2E7D32");
    public static readonly Color Bad = Color.FromHex("#C62828");
    public static readonly Color Neutral = Color.FromHex("#8C8C8C");
    public static readonly Color Band = Color.FromHex("#2E75B6").WithAlpha(0.18);
    public static readonly Color Threshold = Color.FromHex("#C55A11");

    public const float TitleSize = 12;
    public const float LabelSize = 10;
    public const float TickSize = 9;
    public const float LegendSize = 9;
    public const float LineWidth = 1.5f;
    public const float MarkerSize = 5;
    /// <summary>A control limit: a little heavier than the centre line, so the eye finds the bounds first.</summary>
    public const float LimitLineWidth = 1.25f;
    public const float ViolationMarkerSize = 8;

    /// <summary>Above this many categories the bottom tick labels are turned, so that long names do not overlap.</summary>
    public const int RotateTicksAbove = 8;

    /// <summary>A fresh plot with the report's font sizes and no title (the PDF caption names the chart).</summary>
    internal static Plot NewPlot(string? xLabel, string? yLabel)
    {
        var plot = new Plot();
        if (xLabel is not null) plot.XLabel(xLabel, LabelSize);
        if (yLabel is not null) plot.YLabel(yLabel, LabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Right.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = LegendSize;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
        return plot;
    }

    /// <summary>Category names under the bars (turned when there are many).</summary>
    internal static void CategoryTicks(Plot plot, IReadOnlyList<string> names, bool mayRotate = true)
    {
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Count).Select(i => (double)i)], [.. names]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (mayRotate && names.Count > RotateTicksAbove)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -60;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
    }

    /// <summary>The legend outside the data area, on the right, so that it never covers a point.</summary>
    internal static void LegendOutside(Plot plot)
    {
        plot.ShowLegend(Edge.Right);
        plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.2);
    }

    /// <summary>The legend above the data area, its entries in one row, so that it covers no point and leaves the plot the
    /// chart's whole width. ScottPlot measures a legend beside the plot without a width to keep to, so the entries must fit
    /// the chart's width in one row: the control charts' four do in both languages (ControlChartLayoutTests).</summary>
    internal static void LegendAbove(Plot plot)
    {
        ScottPlot.Panels.LegendPanel panel = plot.ShowLegend(Edge.Top);
        panel.Padding = new PixelPadding(0, 0, 2, 6);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.TightHorizontalWrapping = true;
        // The top axis has no ticks nor title here; its empty band would only push the plot away from its legend.
        plot.Axes.Top.MaximumSize = 2;
        plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.2);
    }

    /// <summary>Month labels ("2026-05"): at most <paramref name="most"/> of them, evenly spaced, the last one always shown.</summary>
    internal static void SparseTicks(Plot plot, IReadOnlyList<string> labels, int most = 8)
    {
        var step = Math.Max(1, (int)Math.Ceiling(labels.Count / (double)most));
        var keep = Enumerable.Range(0, labels.Count).Where(i => (labels.Count - 1 - i) % step == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. keep.Select(i => (double)i)], [.. keep.Select(i => labels[i])]);
    }

    internal static void Legend(Plot plot, Alignment where)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = where;
        plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.2);
    }
}
