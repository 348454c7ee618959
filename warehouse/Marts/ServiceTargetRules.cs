using QualityAnalytics.Warehouse.Calendar;

namespace QualityAnalytics.Warehouse.Marts;

/// <summary>policy.md §7: a complaint is answered within 24 hours and has a solution within 3 working days. The
/// solution deadline is the end of the 3rd working day after the day of receipt, on the official calendar with its
/// make-up days (a complaint on the Friday before National Day is due after the holiday, not on the Monday).</summary>
public sealed record ServiceTargetRules(TimeSpan ReplyWithin, int SolutionWorkingDays, decimal SatisfactionTarget)
{
    public static readonly ServiceTargetRules Default = new(TimeSpan.FromHours(24), 3, 0.85m);

    public bool RepliedLate(DateTime receivedAt, DateTime? repliedAt) => repliedAt is { } r && r - receivedAt > ReplyWithin;

    public DateOnly SolutionDeadline(DateTime receivedAt, WorkdayCalendar calendar) =>
        calendar.AddWorkingDays(DateOnly.FromDateTime(receivedAt), SolutionWorkingDays);

    public bool ResolvedLate(DateTime receivedAt, DateTime? resolvedAt, WorkdayCalendar calendar) =>
        resolvedAt is { } r && DateOnly.FromDateTime(r) > SolutionDeadline(receivedAt, calendar);

    /// <summary>Still unanswered once the reply deadline has passed (a reply exactly at the deadline is on time, so the
    /// deadline itself is not yet overdue).</summary>
    public bool ReplyOverdue(DateTime receivedAt, DateTime? repliedAt, DateTime asOf) =>
        repliedAt is null && asOf - receivedAt > ReplyWithin;

    /// <summary>Still unsolved once the deadline day has ended (at its next midnight, as a solution then would be late).</summary>
    public bool ResolveOverdue(DateTime receivedAt, DateTime? resolvedAt, DateTime asOf, WorkdayCalendar calendar) =>
        resolvedAt is null && DateOnly.FromDateTime(asOf) > SolutionDeadline(receivedAt, calendar);
}
