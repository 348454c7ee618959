using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>How one complaint stands against a target: on_time, late (done after the deadline), overdue (still open after it)
/// or pending (open, not yet due).</summary>
public sealed record TargetStatus(DateTime Due, DateTime? DoneAt, string Status);

/// <summary>
/// Policy §7's service targets. Reply: due ReplyHours (24) after receipt, to the second. Solution: due by the end of the
/// SolutionWorkingDays-th (3rd) working day after the day of receipt on the official calendar (调休 make-up days are working
/// days, holidays are not), via <see cref="WorkdayCalendar.AddWorkingDays"/>; "end of day" is the next midnight, exclusive.
/// Satisfaction: (满意 + 基本满意) / asked — the usual 满意率 of Chinese service KPIs counts "basically satisfied" as satisfied;
/// the strict share (满意 only) is shown beside it. Every complaint, valid or not, counts for the reply and solution
/// targets (a complaint found invalid still had to be answered).
/// </summary>
public static class ServiceTargets
{
    public static IReadOnlyList<string> Definitions(ServiceTargetOptions o) =>
    [
        FormattableString.Invariant($"答复时限:收到投诉后 {o.ReplyHours:0.##} 小时内答复 (reply within {o.ReplyHours:0.##} h of receipt)"),
        FormattableString.Invariant($"解决时限:收到投诉当日之后第 {o.SolutionWorkingDays} 个工作日结束前(按国家法定节假日及调休安排) (solution by the end of working day {o.SolutionWorkingDays} after the day of receipt, official calendar incl. make-up days)"),
        FormattableString.Invariant($"满意率 = (满意 + 基本满意) / 已回访, 目标 ≥ {o.SatisfactionTarget * 100:0.#}% (satisfaction rate = (satisfied + neutral) / asked; target ≥ {o.SatisfactionTarget * 100:0.#}%)"),
        "统计范围:全部投诉(含无效投诉) (all complaints, valid or not)",
    ];

    /// <summary>The reply deadline is inclusive: a reply exactly 24 hours after receipt is on time.</summary>
    public static TargetStatus Reply(ComplaintRecord c, DateTime asOf, ServiceTargetOptions o) =>
        Status(c.ReceivedAt.AddHours(o.ReplyHours), c.RepliedAt, asOf, inclusive: true);

    public static DateTime SolutionDue(DateTime receivedAt, WorkdayCalendar calendar, ServiceTargetOptions o) =>
        calendar.AddWorkingDays(DateOnly.FromDateTime(receivedAt), o.SolutionWorkingDays).AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>The solution deadline is the midnight that ends the day, exclusive: 23:59:59 is on time, 00:00 late.</summary>
    public static TargetStatus Solution(ComplaintRecord c, DateTime asOf, WorkdayCalendar calendar, ServiceTargetOptions o) =>
        Status(SolutionDue(c.ReceivedAt, calendar, o), c.ResolvedAt, asOf, inclusive: false);

    private static TargetStatus Status(DateTime due, DateTime? done, DateTime asOf, bool inclusive) => done switch
    {
        { } d when d < due || (inclusive && d == due) => new TargetStatus(due, d, "on_time"),
        { } d => new TargetStatus(due, d, "late"),
        null when asOf > due || (!inclusive && asOf == due) => new TargetStatus(due, null, "overdue"),
        _ => new TargetStatus(due, null, "pending"),
    };

    public static ServiceTargetSection Build(AnalysisInput input, AnalysisOptions options)
    {
        var o = options.ServiceTargets;
        var history = Trends.Window(input, options);
        var rows = new List<ServiceTargetRow>();
        foreach (var q in history)
        {
            var inQuarter = input.Complaints.Where(c => c.Quarter == q).ToList();
            if (inQuarter.Count == 0 && (input.DataFrom is not { } f || q < Quarter.Of(f))) continue;
            foreach (var d in input.Departments) rows.Add(Row(q, d.Code, [.. inQuarter.Where(c => c.DepartmentCode == d.Code)], input, o));
            rows.Add(Row(q, null, inQuarter, input, o));
        }
        var late = new List<LateComplaint>();
        foreach (var c in input.Complaints.Where(c => c.Quarter == input.Quarter).OrderBy(c => c.ReceivedAt).ThenBy(c => c.ComplaintId, StringComparer.Ordinal))
        {
            var r = Reply(c, input.AsOfFor(c.Quarter), o);
            if (r.Status is "late" or "overdue") late.Add(new LateComplaint(c.ComplaintId, c.DepartmentCode, "reply", c.ReceivedAt, r.Due, r.DoneAt, r.Status));
            var s = Solution(c, input.AsOfFor(c.Quarter), input.Calendar, o);
            if (s.Status is "late" or "overdue") late.Add(new LateComplaint(c.ComplaintId, c.DepartmentCode, "solution", c.ReceivedAt, s.Due, s.DoneAt, s.Status));
        }
        var current = input.Quarter.ToString();
        return new ServiceTargetSection(Definitions(o), [.. rows.Where(r => r.Quarter == current)], rows, late,
            UncalendaredYears(input.Complaints.Where(c => c.Quarter == input.Quarter), input.Calendar, o));
    }

    /// <summary>The years after the calendar's last official one that the quarter's solution deadlines count working days
    /// in (from the day of receipt to the deadline's day). The State Council publishes a year's holidays late in the year
    /// before; until the working group imports them (`qa calendar import`) such a year follows the weekday rule, and the
    /// report says so.</summary>
    public static IReadOnlyList<int> UncalendaredYears(IEnumerable<ComplaintRecord> complaints, WorkdayCalendar calendar, ServiceTargetOptions o)
    {
        var last = calendar.LastOfficialYear ?? int.MinValue;
        var years = new SortedSet<int>();
        foreach (var c in complaints)
        {
            var lastCounted = DateOnly.FromDateTime(SolutionDue(c.ReceivedAt, calendar, o)).AddDays(-1);
            for (var year = Math.Max(c.ReceivedAt.Year, last + 1); year <= lastCounted.Year; year++) years.Add(year);
        }
        return [.. years];
    }

    private static ServiceTargetRow Row(Quarter q, string? department, IReadOnlyList<ComplaintRecord> complaints, AnalysisInput input, ServiceTargetOptions o)
    {
        var replies = complaints.Select(c => Reply(c, input.AsOfFor(c.Quarter), o).Status).ToList();
        var solutions = complaints.Select(c => Solution(c, input.AsOfFor(c.Quarter), input.Calendar, o).Status).ToList();
        var asked = complaints.Where(c => c.Satisfaction is not null).ToList();
        int satisfied = asked.Count(c => c.Satisfaction == "satisfied"), neutral = asked.Count(c => c.Satisfaction == "neutral");
        double? rate = asked.Count == 0 ? null : (double)(satisfied + neutral) / asked.Count;
        double? strict = asked.Count == 0 ? null : (double)satisfied / asked.Count;
        return new ServiceTargetRow(q.ToString(), department, complaints.Count, Compliance(replies, o.ComplianceTarget), Compliance(solutions, o.ComplianceTarget),
            new SatisfactionRate(asked.Count, satisfied, neutral, asked.Count - satisfied - neutral, rate, strict, o.SatisfactionTarget, rate is { } r ? r >= o.SatisfactionTarget : null));
    }

    private static Compliance Compliance(List<string> statuses, double target)
    {
        var onTime = statuses.Count(s => s == "on_time");
        var late = statuses.Count(s => s is "late" or "overdue");
        var pending = statuses.Count(s => s == "pending");
        double? rate = onTime + late == 0 ? null : (double)onTime / (onTime + late);
        return new Compliance(onTime, late, pending, rate, target, rate is { } r ? r >= target - 1e-12 : null);
    }
}
