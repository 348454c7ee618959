using QualityAnalytics.Warehouse.Calendar;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>How one complaint stands against a deadline as of a moment: <see cref="OnTime"/>, <see cref="Late"/> (done after
/// the deadline), <see cref="Overdue"/> (still open after it) or <see cref="Pending"/> (open, not yet due). The names are
/// the ones the analysis API and `qa analyze --format json` print.</summary>
public sealed record TargetStatus(DateTime Due, DateTime? DoneAt, string Status)
{
    public const string OnTime = "on_time";
    public const string Late = "late";
    public const string Overdue = "overdue";
    public const string Pending = "pending";

    /// <summary>The four, in the order a deadline runs.</summary>
    public static readonly IReadOnlyList<string> All = [OnTime, Late, Overdue, Pending];

    /// <summary>Late or overdue: the deadline was missed, whether or not the complaint was done since.</summary>
    public bool Missed => Status is Late or Overdue;
}

/// <summary>
/// Policy §7's service targets, as one version of the assessment policy sets them (<c>service_targets</c>; absent: §7's
/// own values, <see cref="Default"/>). The one place their deadlines and statuses are worked out: the dashboard's
/// complaint mart (<c>SummaryMartRefresher</c>) and the analysis behind the report, `qa analyze` and the analysis API
/// both ask this object, so the same complaints get the same status wherever they are counted.
/// <list type="bullet">
/// <item>Reply: due <see cref="ReplyHours"/> after receipt, to the second, inclusive (a reply exactly 24 hours later is on
/// time; still open at that moment is not yet overdue).</item>
/// <item>Solution: due by the end of the <see cref="SolutionWorkingDays"/>-th working day after the day of receipt on the
/// official calendar (调休 make-up days are working days, holidays are not); "end of the day" is the next midnight,
/// exclusive (23:59:59 is on time, 00:00 late, and open at 00:00 is overdue).</item>
/// <item>Satisfaction: (满意 + 基本满意) / asked at least <see cref="SatisfactionTarget"/>.</item>
/// <item>Compliance: on time / (on time + late + overdue) at least <see cref="ComplianceTarget"/> (§7 says each complaint: 1).</item>
/// </list>
/// The targets change no score (§7), so they are not part of a score's fingerprint.
/// </summary>
public sealed record ServiceTargetRules(decimal ReplyHours, int SolutionWorkingDays, decimal SatisfactionTarget, decimal ComplianceTarget)
{
    /// <summary>Policy §7: 24 hours, 3 working days, 85%, every complaint.</summary>
    public static readonly ServiceTargetRules Default = new(24m, 3, 0.85m, 1m);

    /// <summary>A deadline as people read it: one at midnight (a solution's, the end of its working day) is written as that
    /// day's 24:00, "2026-07-27 24:00", not as the next day's 00:00, which reads as a day later; others to the minute.</summary>
    public static string DeadlineText(DateTime due) => due.TimeOfDay == TimeSpan.Zero
        ? due.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 24:00"
        : due.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public DateTime ReplyDue(DateTime receivedAt) => receivedAt.AddTicks(decimal.ToInt64(ReplyHours * TimeSpan.TicksPerHour));

    /// <summary>The midnight that ends the deadline's working day.</summary>
    public DateTime SolutionDue(DateTime receivedAt, WorkdayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(DateOnly.FromDateTime(receivedAt), SolutionWorkingDays).AddDays(1).ToDateTime(TimeOnly.MinValue);
    }

    public TargetStatus Reply(DateTime receivedAt, DateTime? repliedAt, DateTime asOf) =>
        Status(ReplyDue(receivedAt), repliedAt, asOf, inclusive: true);

    public TargetStatus Solution(DateTime receivedAt, DateTime? resolvedAt, DateTime asOf, WorkdayCalendar calendar) =>
        Status(SolutionDue(receivedAt, calendar), resolvedAt, asOf, inclusive: false);

    /// <summary>Whether <paramref name="satisfied"/> of <paramref name="asked"/> meets the target; null when nobody was asked.
    /// Compared in counts, exactly: 17 of 20 meets 85%.</summary>
    public bool? MeetsSatisfaction(int satisfied, int asked) => asked == 0 ? null : satisfied >= SatisfactionTarget * asked;

    /// <summary>Whether <paramref name="onTime"/> of <paramref name="decided"/> (on time, late or overdue) meets the
    /// compliance target; null when none is decided yet.</summary>
    public bool? MeetsCompliance(int onTime, int decided) => decided == 0 ? null : onTime >= ComplianceTarget * decided;

    private static TargetStatus Status(DateTime due, DateTime? done, DateTime asOf, bool inclusive) => done switch
    {
        { } d when d < due || (inclusive && d == due) => new TargetStatus(due, d, TargetStatus.OnTime),
        { } d => new TargetStatus(due, d, TargetStatus.Late),
        null when asOf > due || (!inclusive && asOf == due) => new TargetStatus(due, null, TargetStatus.Overdue),
        _ => new TargetStatus(due, null, TargetStatus.Pending),
    };
}
