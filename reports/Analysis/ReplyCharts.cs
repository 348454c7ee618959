using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>One month's replies that are decided — on time, late, or overdue (still open past the deadline) — and how many
/// of them missed the reply target. A reply still pending (open, not yet due) is decided by neither side, so it is not
/// counted: the rate is on time / (on time + late + overdue), as policy §7 and the service-target table count it.</summary>
public sealed record MonthlyReplies(DateOnly Month, int Decided, int Late)
{
    public int OnTime => Decided - Late;
}

/// <summary>A company reply p chart (on time, or late), and the months of the window it leaves out because no
/// reply was decided in them (n = 0: no proportion, and no limits, exist for such a month). Chart is null when every month
/// was left out.</summary>
public sealed record ReplyProportionChart(ControlChart? Chart, IReadOnlyList<DateOnly> MonthsLeftOut);

/// <summary>
/// The company's reply p charts over the history's months: late replies (the findings' signal) and its mirror, replies on
/// time (the report's figure, in the words of the policy's target). Both are <see cref="AttributeCharts.P"/> over the same
/// monthly counts, so each month's limits come from that month's n: p ± 3√(p(1 − p)/n), clipped to [0, 1].
/// </summary>
public static class ReplyCharts
{
    /// <summary>Each month's decided replies, every month of <paramref name="months"/> included (n = 0 ones too), each
    /// complaint judged by the targets and the "as of" moment of its own quarter.</summary>
    public static IReadOnlyList<MonthlyReplies> Tally(AnalysisInput input, IReadOnlyList<DateOnly> months) =>
    [
        .. months.Select(m =>
        {
            var statuses = input.Complaints.Where(c => ControlCharts.Start(c.ReceivedAt) == m)
                .Select(c => input.TargetsFor(c.Quarter).Reply(c.ReceivedAt, c.RepliedAt, input.AsOfFor(c.Quarter)))
                .Where(s => s.Status != TargetStatus.Pending).ToList();
            return new MonthlyReplies(m, statuses.Count, statuses.Count(s => s.Missed));
        }),
    ];

    /// <summary>The proportion of late replies per month (months with no decided reply left out); null when there is none.</summary>
    public static ControlChart? Late(IReadOnlyList<MonthlyReplies> months, AnalysisOptions options) =>
        Chart(months, options, m => m.Late).Chart;

    /// <summary>The proportion of replies on time per month, with the months left out for having n = 0.</summary>
    public static ReplyProportionChart OnTime(IReadOnlyList<MonthlyReplies> months, AnalysisOptions options) =>
        Chart(months, options, m => m.OnTime);

    private static ReplyProportionChart Chart(IReadOnlyList<MonthlyReplies> months, AnalysisOptions options, Func<MonthlyReplies, int> counted)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(options);
        var kept = months.Where(m => m.Decided > 0).ToList();
        var leftOut = months.Where(m => m.Decided == 0).Select(m => m.Month).ToList();
        if (kept.Count == 0) return new ReplyProportionChart(null, leftOut);
        var chart = AttributeCharts.P([.. kept.Select(m => (double)counted(m))], [.. kept.Select(m => (double)m.Decided)],
            [.. kept.Select(m => Trends.Month(m.Month))], options.BaselineFor(null, [.. kept.Select(m => m.Month)]), options.AttributeRules);
        return new ReplyProportionChart(chart, leftOut);
    }
}
