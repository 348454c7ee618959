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
    internal static void CategoryTicks(Plot plot, IReadOnlyList<string> names)
    {
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Count).Select(i => (double)i)], [.. names]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        if (names.Count > RotateTicksAbove)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -60;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
    }

    internal static void Legend(Plot plot, Alignment where)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = where;
        plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.2);
    }
}
