using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>
/// The control charts of the history's months (from the first month with data): per department an XmR chart of monthly
/// self-check means (months without a self-check are left out, not zero) and a c-chart of monthly valid complaints; for the
/// company a u-chart of valid complaints per working day and p-charts of late replies and of replies on time (<see cref="ReplyCharts"/>:
/// months with no decided reply are left out).
/// </summary>
public static class ControlCharts
{
    public static ControlChartSection Build(AnalysisInput input, AnalysisOptions options)
    {
        var months = Months(input, options);
        var departments = new List<DepartmentControlCharts>();
        foreach (var d in input.Departments)
        {
            var self = input.Checks.Where(c => c.DepartmentCode == d.Code && c.Kind == "self" && months.Contains(c.Month)).OrderBy(c => c.Month).ToList();
            XmRResult? xmr = null;
            if (self.Count > 0)
            {
                var selfMonths = self.Select(c => c.Month).ToList();
                xmr = XmRChart.Compute([.. self.Select(c => (double)c.Mean)], [.. selfMonths.Select(Trends.Month)], options.BaselineFor(d.Code, selfMonths), options.IndividualsRules,
                    range: (0, 100)); // a self-check score's range (data contract: 0–100)
            }
            ControlChart? complaints = null;
            if (months.Count > 0)
            {
                var counts = months.Select(m => (double)input.Complaints.Count(c => c.DepartmentCode == d.Code && c.Valid && Start(c.ReceivedAt) == m)).ToList();
                complaints = AttributeCharts.C(counts, [.. months.Select(Trends.Month)], options.BaselineFor(d.Code, months), options.AttributeRules);
            }
            departments.Add(new DepartmentControlCharts(d.Code, d.Name, xmr, complaints));
        }

        ControlChart? perWorkingDay = null;
        if (months.Count > 0)
        {
            var counts = months.Select(m => (double)input.Complaints.Count(c => c.Valid && Start(c.ReceivedAt) == m)).ToList();
            var workingDays = months.Select(m => (double)Math.Max(1, input.Calendar.WorkingDaysBetween(m.AddDays(-1), m.AddMonths(1).AddDays(-1)))).ToList();
            perWorkingDay = AttributeCharts.U(counts, workingDays, [.. months.Select(Trends.Month)], options.BaselineFor(null, months), options.AttributeRules);
        }

        var replies = ReplyCharts.Tally(input, months);
        return new ControlChartSection(departments, perWorkingDay, ReplyCharts.Late(replies, options), ReplyCharts.OnTime(replies, options));
    }

    /// <summary>The first days of the history's months, from the first month with data to the analysed quarter's last.</summary>
    public static IReadOnlyList<DateOnly> Months(AnalysisInput input, AnalysisOptions options)
    {
        var window = Trends.Window(input, options);
        var first = window[0].FirstDay;
        if (input.DataFrom is { } from && new DateOnly(from.Year, from.Month, 1) > first) first = new DateOnly(from.Year, from.Month, 1);
        var result = new List<DateOnly>();
        for (var m = first; m <= input.Quarter.LastDay; m = m.AddMonths(1)) result.Add(m);
        return result;
    }

    internal static DateOnly Start(DateTime t) => new(t.Year, t.Month, 1);

    /// <summary>Whether a violation touches a month of the analysed quarter.</summary>
    internal static bool InQuarter(ControlChart chart, RuleViolation v, Quarter q) =>
        v.Points.Any(i => chart.Points.First(p => p.Index == i).Label is var l && q.Months.Any(m => Trends.Month(m) == l));
}
