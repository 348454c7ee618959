using QualityAnalytics.Reports.Analysis.Statistics;
using ScottPlot;

namespace QualityAnalytics.Reports.Charts;

/// <summary>One question: its label, its scale maximum, this quarter's and last quarter's mean with confidence interval.</summary>
public sealed record SurveyQuestionMeans(string Question, decimal Scale, MeanInterval Current, MeanInterval Previous);

/// <summary>Words the survey chart shows.</summary>
public sealed record SurveyChartLabels(string YLabel, string Current, string Previous);

/// <summary>Each question's mean answer, as a share of its scale (so questions on 5- and 10-point scales compare), with the
/// confidence interval as error bars: last quarter on the left, this quarter on the right of each question.</summary>
public static class SurveyChart
{
    private const double Offset = 0.15;

    public static Plot Build(IReadOnlyList<SurveyQuestionMeans> questions, SurveyChartLabels labels)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(labels);
        var plot = ChartStyle.NewPlot(null, labels.YLabel);
        var lows = new List<double>();
        Series(plot, questions, q => q.Previous, -Offset, ChartStyle.Neutral, labels.Previous, lows);
        Series(plot, questions, q => q.Current, Offset, ChartStyle.Primary, labels.Current, lows);
        ChartStyle.CategoryTicks(plot, [.. questions.Select(q => q.Question)]);
        plot.Axes.SetLimitsX(-0.6, Math.Max(questions.Count, 1) - 0.4);
        var bottom = lows.Count == 0 ? 0 : Math.Max(0, Math.Floor((lows.Min() - 5) / 10) * 10);
        // Means on the 100-point scale: nothing lies above 100, so the axis ends there (a hair above, to show an interval
        // that reaches 100).
        plot.Axes.SetLimitsY(bottom, 101);
        ChartStyle.Legend(plot, Alignment.LowerRight);
        return plot;
    }

    private static void Series(Plot plot, IReadOnlyList<SurveyQuestionMeans> questions, Func<SurveyQuestionMeans, MeanInterval> pick, double offset,
        Color color, string label, List<double> lows)
    {
        var present = questions.Select((q, i) => (q, i, m: pick(q))).Where(t => t.m.Mean is not null && t.q.Scale > 0).ToList();
        if (present.Count == 0) return;
        double Share(double v, decimal scale) => v / (double)scale * 100;
        var xs = present.Select(t => t.i + offset).ToArray();
        var ys = present.Select(t => Share(t.m.Mean!.Value, t.q.Scale)).ToArray();
        var up = present.Select(t => t.m.Upper is { } u ? Share(u, t.q.Scale) - Share(t.m.Mean!.Value, t.q.Scale) : 0).ToArray();
        var down = present.Select(t => t.m.Lower is { } l ? Share(t.m.Mean!.Value, t.q.Scale) - Share(l, t.q.Scale) : 0).ToArray();
        lows.AddRange(ys.Select((y, i) => y - down[i]));
        var errors = plot.Add.ErrorBar(xs, ys, up);
        errors.YErrorPositive = up;
        errors.YErrorNegative = down;
        errors.Color = color;
        errors.LineWidth = ChartStyle.LineWidth;
        var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, ChartStyle.MarkerSize + 1, color);
        markers.LegendText = label;
    }
}
