using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>
/// The service-target section: policy §7's targets applied to the history's complaints. The deadlines and statuses are
/// the warehouse's one rule (<see cref="ServiceTargetRules"/>, the policy's <c>service_targets</c>), the same the
/// dashboard's complaint mart counts with; each quarter is judged by the targets of the policy version in force for it
/// (<see cref="AnalysisInput.TargetsFor"/>). This class only tallies. Satisfaction: (满意 + 基本满意) / asked — the usual
/// 满意率 of Chinese service KPIs counts "basically satisfied" as satisfied; the strict share (满意 only) is shown beside
/// it. Every complaint, valid or not, counts for the reply and solution targets (a complaint found invalid still had to be
/// answered).
/// </summary>
public static class ServiceTargets
{
    public static IReadOnlyList<string> Definitions(ServiceTargetRules o) =>
    [
        FormattableString.Invariant($"回复时限:收到投诉后 {o.ReplyHours:0.##} 小时内回复 (reply within {o.ReplyHours:0.##} h of receipt)"),
        FormattableString.Invariant($"解决时限:收到投诉当日之后第 {o.SolutionWorkingDays} 个工作日结束前(按国家法定节假日及调休安排) (solution by the end of working day {o.SolutionWorkingDays} after the day of receipt, official calendar incl. make-up days)"),
        FormattableString.Invariant($"满意率 = (满意 + 基本满意) / 已回访, 目标 ≥ {o.SatisfactionTarget * 100:0.#}% (satisfaction rate = (satisfied + neutral) / asked; target ≥ {o.SatisfactionTarget * 100:0.#}%)"),
        "统计范围:全部投诉(含无效投诉) (all complaints, valid or not)",
    ];

    public static TargetStatus Reply(ComplaintRecord c, AnalysisInput input) =>
        input.TargetsFor(c.Quarter).Reply(c.ReceivedAt, c.RepliedAt, input.AsOfFor(c.Quarter));

    public static TargetStatus Solution(ComplaintRecord c, AnalysisInput input) =>
        input.TargetsFor(c.Quarter).Solution(c.ReceivedAt, c.ResolvedAt, input.AsOfFor(c.Quarter), input.Calendar);

    public static ServiceTargetSection Build(AnalysisInput input, AnalysisOptions options)
    {
        var history = Trends.Window(input, options);
        var rows = new List<ServiceTargetRow>();
        foreach (var q in history)
        {
            var inQuarter = input.Complaints.Where(c => c.Quarter == q).ToList();
            if (inQuarter.Count == 0 && (input.DataFrom is not { } f || q < Quarter.Of(f))) continue;
            foreach (var d in input.Departments) rows.Add(Row(q, d.Code, [.. inQuarter.Where(c => c.DepartmentCode == d.Code)], input));
            rows.Add(Row(q, null, inQuarter, input));
        }
        var late = new List<LateComplaint>();
        foreach (var c in input.Complaints.Where(c => c.Quarter == input.Quarter).OrderBy(c => c.ReceivedAt).ThenBy(c => c.ComplaintId, StringComparer.Ordinal))
        {
            var r = Reply(c, input);
            if (r.Missed) late.Add(new LateComplaint(c.ComplaintId, c.DepartmentCode, "reply", c.ReceivedAt, r.Due, r.DoneAt, r.Status, c.Channel, c.Category));
            var s = Solution(c, input);
            if (s.Missed) late.Add(new LateComplaint(c.ComplaintId, c.DepartmentCode, "solution", c.ReceivedAt, s.Due, s.DoneAt, s.Status, c.Channel, c.Category));
        }
        var current = input.Quarter.ToString();
        var targets = input.TargetsFor(input.Quarter);
        return new ServiceTargetSection(Definitions(targets), [.. rows.Where(r => r.Quarter == current)], rows, late,
            UncalendaredYears(input.Complaints.Where(c => c.Quarter == input.Quarter), input.Calendar, targets), targets);
    }

    /// <summary>The years after the calendar's last official one that the quarter's solution deadlines count working days
    /// in (from the day of receipt to the deadline's day). The State Council publishes a year's holidays late in the year
    /// before; until the working group imports them (`qa calendar import`) such a year follows the weekday rule, and the
    /// report says so.</summary>
    public static IReadOnlyList<int> UncalendaredYears(IEnumerable<ComplaintRecord> complaints, WorkdayCalendar calendar, ServiceTargetRules targets)
    {
        var last = calendar.LastOfficialYear ?? int.MinValue;
        var years = new SortedSet<int>();
        foreach (var c in complaints)
        {
            var lastCounted = DateOnly.FromDateTime(targets.SolutionDue(c.ReceivedAt, calendar)).AddDays(-1);
            for (var year = Math.Max(c.ReceivedAt.Year, last + 1); year <= lastCounted.Year; year++) years.Add(year);
        }
        return [.. years];
    }

    private static ServiceTargetRow Row(Quarter q, string? department, IReadOnlyList<ComplaintRecord> complaints, AnalysisInput input)
    {
        var targets = input.TargetsFor(q);
        var replies = complaints.Select(c => Reply(c, input).Status).ToList();
        var solutions = complaints.Select(c => Solution(c, input).Status).ToList();
        var asked = complaints.Where(c => c.Satisfaction is not null).ToList();
        int satisfied = asked.Count(c => c.Satisfaction == "satisfied"), neutral = asked.Count(c => c.Satisfaction == "neutral");
        double? rate = asked.Count == 0 ? null : (double)(satisfied + neutral) / asked.Count;
        double? strict = asked.Count == 0 ? null : (double)satisfied / asked.Count;
        return new ServiceTargetRow(q.ToString(), department, complaints.Count, Compliance(replies, targets), Compliance(solutions, targets),
            new SatisfactionRate(asked.Count, satisfied, neutral, asked.Count - satisfied - neutral, rate, strict, (double)targets.SatisfactionTarget,
                targets.MeetsSatisfaction(satisfied + neutral, asked.Count)));
    }

    private static Compliance Compliance(List<string> statuses, ServiceTargetRules targets)
    {
        var onTime = statuses.Count(s => s == TargetStatus.OnTime);
        var late = statuses.Count(s => s is TargetStatus.Late or TargetStatus.Overdue);
        var pending = statuses.Count(s => s == TargetStatus.Pending);
        double? rate = onTime + late == 0 ? null : (double)onTime / (onTime + late);
        return new Compliance(onTime, late, pending, rate, (double)targets.ComplianceTarget, targets.MeetsCompliance(onTime, onTime + late));
    }
}
