using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>One department's bar: its total (null: not assessed, no bar) and whether it passed.</summary>
public sealed record DepartmentTotal(string Name, decimal? Total);

/// <summary>Totals by department as bars against the pass line (95): above the line blue, at it grey, below it red. Beyond
/// <see cref="MostLabelled"/> departments the bars carry no values or names (they would overlap): the table beside names them.</summary>
public static class TotalsChart
{
    public const int MostLabelled = 20;

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
            })
            .ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = ChartStyle.TickSize - 1;
        // The caption names the line; a label on it would sit in a box over the bars.
        plot.Add.HorizontalLine((double)passLine, 1.2f, ChartStyle.Threshold, LinePattern.Dashed);
        if (labelled) ChartStyle.CategoryTicks(plot, [.. departments.Select(d => d.Name)]);
        else plot.Axes.Bottom.SetTicks([], []);
        var lowest = departments.Where(d => d.Total is not null).Select(d => (double)d.Total!.Value).DefaultIfEmpty((double)passLine).Min();
        var bottom = Math.Max(0, Math.Min(lowest, (double)passLine) - 10);
        plot.Axes.SetLimitsY(Math.Floor(bottom / 5) * 5, 106);
        plot.Axes.SetLimitsX(-0.6, Math.Max(departments.Count, 1) - 0.4);
        return plot;
    }
}
