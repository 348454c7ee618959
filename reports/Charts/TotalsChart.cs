using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>One department's bar: its total (null: not assessed, no bar) and whether it passed.</summary>
public sealed record DepartmentTotal(string Name, decimal? Total);

/// <summary>Totals by department as bars from 0 against the pass line (95): above the line blue, at it grey, below it red (the
/// caption says so). Beyond
/// <see cref="MostLabelled"/> departments the bars carry no values or names (they would overlap): the table beside names them.</summary>
public static class TotalsChart
{
    public const int MostLabelled = 20;

    /// <summary>The value axis' top: 100, the highest total, and a hair of room so that a bar of 100 is not clipped.</summary>
    public const double Top = 103;

    public static Plot Build(IReadOnlyList<DepartmentTotal> departments, decimal passLine, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var labelled = departments.Count <= MostLabelled;
        var plot = ChartStyle.NewPlot(null, yLabel);
        var bars = departments
            .Select((d, i) => (d, i))
            .Where(t => t.d.Total is not null)
            .Select(t => new Bar
            {
                Position = t.i,
                Value = (double)t.d.Total!.Value,
                FillColor = t.d.Total > passLine ? ChartStyle.Secondary : t.d.Total == passLine ? ChartStyle.Neutral : ChartStyle.Bad,
                Label = labelled ? t.d.Total.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "",
                Size = labelled ? 0.6 : 0.8,
                LineWidth = labelled ? 1 : 0,
                // Inside the bar: above it, a total just under the pass line had its label struck through by that line.
                CenterLabel = true,
            })
            .ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = ChartStyle.TickSize - 1;
        barPlot.ValueLabelStyle.ForeColor = ScottPlot.Colors.White;
        // The caption names the line; a label on it would sit in a box over the bars.
        plot.Add.HorizontalLine((double)passLine, 1.2f, ChartStyle.Threshold, LinePattern.Dashed);
        // An English label, 计量检测中心 (MET), is too wide for its bar on one line: the code goes under the name.
        if (labelled) ChartStyle.CategoryTicks(plot, [.. departments.Select(d => d.Name.Replace(" (", "\n(", StringComparison.Ordinal))]);
        else plot.Axes.Bottom.SetTicks([], []);
        // A bar's length is its value, so the value axis starts at 0 (from 60 a total of 73 looked a tenth of one of 99).
        // Ticks stop at 100, the most a total can be.
        plot.Axes.SetLimitsY(0, Top);
        double[] ticks = [0, 20, 40, 60, 80, 100];
        plot.Axes.Left.SetTicks(ticks, [.. ticks.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(-0.6, Math.Max(departments.Count, 1) - 0.4);
        return plot;
    }
}
