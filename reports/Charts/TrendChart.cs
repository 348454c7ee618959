using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>A quarter's value (null: no data, a gap in the line).</summary>
public sealed record TrendPoint(string Quarter, decimal? Value);

/// <summary>Next quarter's forecast with its prediction interval (bounds null when the fit has none).</summary>
public sealed record TrendForecast(string Quarter, decimal Value, decimal? Lower, decimal? Upper);

/// <summary>Words the trend chart shows.</summary>
public sealed record TrendChartLabels(string XLabel, string YLabel, string Actual, string Forecast, string Band, string PassLine);

/// <summary>A metric over the history quarters, with the forecast for the next quarter and its band drawn from the last point.</summary>
public static class TrendChart
{
    public static Plot Build(IReadOnlyList<TrendPoint> series, TrendForecast? forecast, decimal? passLine, TrendChartLabels labels)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(labels);
        var plot = ChartStyle.NewPlot(labels.XLabel, labels.YLabel);
        var names = series.Select(p => p.Quarter).ToList();
        if (forecast is not null) names.Add(forecast.Quarter);

        var present = series.Select((p, i) => (p, i)).Where(t => t.p.Value is not null).ToList();
        var xs = present.Select(t => (double)t.i).ToArray();
        var ys = present.Select(t => (double)t.p.Value!.Value).ToArray();
        var values = new List<double>(ys);
        if (forecast is not null && present.Count > 0)
        {
            var lastX = xs[^1];
            var lastY = ys[^1];
            var nextX = series.Count;
            if (forecast.Lower is { } lower && forecast.Upper is { } upper)
            {
                var band = plot.Add.FillY([lastX, nextX], [lastY, (double)lower], [lastY, (double)upper]);
                band.FillColor = ChartStyle.Band;
                band.LineColor = ChartStyle.Band;
                band.LegendText = labels.Band;
                values.Add((double)lower);
                values.Add((double)upper);
            }
            var ahead = plot.Add.Scatter(new double[] { lastX, nextX }, new double[] { lastY, (double)forecast.Value });
            ahead.Color = ChartStyle.Secondary;
            ahead.LinePattern = LinePattern.Dashed;
            ahead.LineWidth = ChartStyle.LineWidth;
            ahead.MarkerSize = 0;
            var point = plot.Add.Markers(new double[] { nextX }, new double[] { (double)forecast.Value }, MarkerShape.OpenCircle, ChartStyle.MarkerSize + 2, ChartStyle.Secondary);
            point.LegendText = labels.Forecast;
            values.Add((double)forecast.Value);
        }
        if (xs.Length > 0)
        {
            var actual = plot.Add.Scatter(xs, ys);
            actual.Color = ChartStyle.Primary;
            actual.LineWidth = ChartStyle.LineWidth;
            actual.MarkerSize = ChartStyle.MarkerSize;
            actual.LegendText = labels.Actual;
        }
        if (passLine is { } line)
        {
            var pass = plot.Add.HorizontalLine((double)line, 1f, ChartStyle.Threshold, LinePattern.Dashed);
            pass.LegendText = labels.PassLine;
            values.Add((double)line);
        }
        ChartStyle.CategoryTicks(plot, names, mayRotate: false);
        plot.Axes.Bottom.TickLabelStyle.FontSize = ChartStyle.TickSize - 1;
        plot.Axes.SetLimitsX(-0.5, Math.Max(names.Count, 1) - 0.5);
        if (values.Count > 0)
        {
            var (min, max) = (values.Min(), values.Max());
            var pad = Math.Max(1, (max - min) * 0.12);
            plot.Axes.SetLimitsY(Math.Max(0, min - pad), Math.Min(100 + pad, max + pad));
        }
        ChartStyle.LegendOutside(plot);
        return plot;
    }
}
