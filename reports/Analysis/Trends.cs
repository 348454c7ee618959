using System.Globalization;
using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>Trends per department: total, each component, valid complaint count and satisfaction rate, over the history.
/// x is the quarter's ordinal (year·4 + quarter), so a quarter with no value leaves a gap rather than squeezing the line.</summary>
public static class Trends
{
    public static IReadOnlyList<DepartmentTrends> Build(AnalysisInput input, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var history = Window(input, options);
        var firstDataQuarter = input.DataFrom is { } from ? Quarter.Of(from) : (Quarter?)null;
        var counted = history.Where(q => firstDataQuarter is null || q >= firstDataQuarter).ToList();
        var result = new List<DepartmentTrends>();
        foreach (var dept in input.Departments)
        {
            var scores = input.Scores.Where(s => s.DepartmentCode == dept.Code).ToDictionary(s => s.Quarter);
            decimal? Score(Quarter q, Func<QuarterScore, decimal?> f) => scores.TryGetValue(q, out var s) ? f(s) : null;
            var complaints = input.Complaints.Where(c => c.DepartmentCode == dept.Code).ToList();
            decimal? Count(Quarter q) => firstDataQuarter is { } f && q < f ? null : complaints.Count(c => c.Quarter == q && c.Valid);
            decimal? Satisfaction(Quarter q)
            {
                var asked = complaints.Where(c => c.Quarter == q && c.Satisfaction is not null).ToList();
                if (asked.Count == 0) return null;
                return Math.Round((decimal)asked.Count(c => c.Satisfaction is "satisfied" or "neutral") / asked.Count, 4, MidpointRounding.AwayFromZero);
            }
            result.Add(new DepartmentTrends(dept.Code, dept.Name,
            [
                Trend(Metrics.Total, MetricLabel(Metrics.Total), true, history, input.Quarter, q => Score(q, s => s.Total), 2, options, Score100),
                Trend(Metrics.SelfCheck, MetricLabel(Metrics.SelfCheck), true, history, input.Quarter, q => Score(q, s => s.SelfCheck), 2, options, Score100),
                Trend(Metrics.Survey, MetricLabel(Metrics.Survey), true, history, input.Quarter, q => Score(q, s => s.Survey), 2, options, Score100),
                Trend(Metrics.Complaint, MetricLabel(Metrics.Complaint), true, history, input.Quarter, q => Score(q, s => s.Complaint), 2, options, Score100),
                Trend(Metrics.ComplaintCount, MetricLabel(Metrics.ComplaintCount), false, counted, input.Quarter, Count, 2, options, (0, null)),
                Trend(Metrics.SatisfactionRate, MetricLabel(Metrics.SatisfactionRate), true, history, input.Quarter, Satisfaction, 4, options, (0, 1)),
            ]));
        }
        return result;
    }

    /// <summary>The measure's Chinese name (总分, 有效投诉数…), the same words as the findings' (FindingsText.resx).</summary>
    private static string MetricLabel(string metric) => FindingsText.Chinese["Metric_" + metric];

    /// <summary>The analysed quarter and the ones before it, at most options.HistoryQuarters, oldest first.</summary>
    public static IReadOnlyList<Quarter> Window(AnalysisInput input, AnalysisOptions options)
    {
        var first = input.Quarter;
        for (var i = 1; i < options.HistoryQuarters; i++) first = first.Previous();
        return [.. Quarter.Range(first, input.Quarter)];
    }

    public static int Ordinal(Quarter q) => q.Year * 4 + q.Number - 1;

    /// <summary>Scores (total and components) lie in 0–100.</summary>
    private static readonly (decimal? Min, decimal? Max) Score100 = (0, 100);

    /// <summary>One metric's trend. Values are taken at the quarters of <paramref name="history"/> where present; the
    /// changes look up the previous quarter and the same quarter last year through <paramref name="value"/>.
    /// <paramref name="range"/> is what the metric can take (a score 0–100, a count ≥ 0, a rate 0–1): the straight line
    /// knows no bounds, so its forecast and prediction interval are cut to the range (a score of 108.73 or a rate of
    /// −155% cannot happen; cutting an interval at a bound the true value cannot pass loses none of its coverage).</summary>
    public static MetricTrend Trend(string metric, string label, bool higherIsBetter, IReadOnlyList<Quarter> history, Quarter current,
        Func<Quarter, decimal?> value, int decimals, AnalysisOptions options, (decimal? Min, decimal? Max) range)
    {
        var series = history.Select(q => (q, v: value(q))).Where(t => t.v is not null).Select(t => (t.q, v: t.v!.Value)).ToList();
        var fit = LinearTrend.Fit([.. series.Select(s => (double)Ordinal(s.q))], [.. series.Select(s => (double)s.v)], out var reason);
        string direction;
        if (fit is null) direction = "undefined";
        else if (fit.PValue is not { } p)
        {
            direction = "undefined";
            reason = fit.DegreesOfFreedom == 0 ? "two points: no residual degrees of freedom, no p-value"
                : "zero residual variance: the standard error is 0, no p-value";
        }
        else if (p >= options.Alpha || fit.Slope == 0) direction = "no_significant_change";
        else direction = (fit.Slope > 0) == higherIsBetter ? "improving" : "declining";

        Forecast? forecast = null;
        if (fit is not null)
        {
            var next = current.Next();
            var pr = fit.Predict(Ordinal(next), options.Confidence);
            decimal Bounded(double v) => Clamp(Round(v, decimals), range);
            forecast = new Forecast(next.ToString(), Bounded(pr.Value), pr.Lower is { } lo ? Bounded(lo) : null,
                pr.Upper is { } hi ? Bounded(hi) : null, pr.Confidence);
        }
        return new MetricTrend(metric, label, higherIsBetter, [.. series.Select(s => new SeriesPoint(s.q.ToString(), s.v))], fit, direction, reason, forecast,
            ChangeAgainst(current.Previous(), current, value), ChangeAgainst(current.SameQuarterLastYear(), current, value));
    }

    private static Change? ChangeAgainst(Quarter earlier, Quarter current, Func<Quarter, decimal?> value)
    {
        if (value(earlier) is not { } before || value(current) is not { } now) return null;
        decimal? relative = before == 0 ? null : Math.Round((now - before) / before, 4, MidpointRounding.AwayFromZero);
        return new Change(earlier.ToString(), before, now, now - before, relative);
    }

    private static decimal Round(double v, int decimals) => Math.Round((decimal)v, decimals, MidpointRounding.AwayFromZero);

    private static decimal Clamp(decimal v, (decimal? Min, decimal? Max) range) =>
        range.Min is { } min && v < min ? min : range.Max is { } max && v > max ? max : v;

    internal static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
