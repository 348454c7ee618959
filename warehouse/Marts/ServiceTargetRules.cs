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
}
