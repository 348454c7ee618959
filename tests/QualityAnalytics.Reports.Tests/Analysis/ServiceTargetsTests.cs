using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Reports.Tests.Analysis;

public sealed class ServiceTargetsTests
{
    private static readonly ServiceTargetOptions Targets = new();
    private static readonly WorkdayCalendar Calendar = WorkdayCalendar.Default;

    private static ComplaintRecord Complaint(DateTime received, DateTime? replied = null, DateTime? resolved = null, string? satisfaction = null) =>
        new("TS-1", "LOG", Quarter.Of(DateOnly.FromDateTime(received)), received, replied, resolved, true, "响应不及时", null, satisfaction);

    [Theory]
    // Fri 2026-02-13: Sat 02-14 is a 春节 make-up working day (1), 02-15…02-23 are off, Tue 02-24 (2), Wed 02-25 (3).
    [InlineData("2026-02-13 10:00", "2026-02-26 00:00")]
    // Sat 2026-01-03 (元旦): Sun 01-04 is a make-up working day (1), Mon 01-05 (2), Tue 01-06 (3).
    [InlineData("2026-01-03 09:00", "2026-01-07 00:00")]
    // Late on Tue 2026-09-29, before 国庆: Wed 09-30 (1), 10-01…10-07 off, Thu 10-08 (2), Fri 10-09 (3).
    [InlineData("2026-09-29 23:59", "2026-10-10 00:00")]
    // An ordinary Monday: Tue, Wed, Thu.
    [InlineData("2026-04-13 08:00", "2026-04-17 00:00")]
    public void The_solution_is_due_at_the_end_of_the_third_working_day_after_receipt(string received, string due) =>
        Assert.Equal(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            ServiceTargets.SolutionDue(DateTime.Parse(received, System.Globalization.CultureInfo.InvariantCulture), Calendar, Targets));

    [Fact]
    public void A_solution_at_the_last_second_is_on_time_and_at_midnight_late()
    {
        var asOf = new DateTime(2026, 7, 8);
        Assert.Equal("on_time", ServiceTargets.Solution(Complaint(new(2026, 2, 13, 10, 0, 0), resolved: new(2026, 2, 25, 23, 59, 59)), asOf, Calendar, Targets).Status);
        Assert.Equal("late", ServiceTargets.Solution(Complaint(new(2026, 2, 13, 10, 0, 0), resolved: new(2026, 2, 26, 0, 0, 0)), asOf, Calendar, Targets).Status);
    }

    [Theory]
    [InlineData("2026-04-09 10:00:00", "on_time")]
    [InlineData("2026-04-09 10:00:01", "late")]
    public void A_reply_exactly_24_hours_later_is_on_time(string replied, string status) =>
        Assert.Equal(status, ServiceTargets.Reply(Complaint(new(2026, 4, 8, 10, 0, 0), DateTime.Parse(replied, System.Globalization.CultureInfo.InvariantCulture)),
            new DateTime(2026, 7, 8), Targets).Status);

    [Fact]
    public void An_open_complaint_is_pending_until_its_deadline_and_overdue_after()
    {
        var c = Complaint(new(2026, 6, 30, 9, 0, 0));
        Assert.Equal("pending", ServiceTargets.Reply(c, new(2026, 7, 1, 8, 0, 0), Targets).Status);
        Assert.Equal("overdue", ServiceTargets.Reply(c, new(2026, 7, 1, 9, 0, 1), Targets).Status);
    }

    [Fact]
    public void Deadlines_that_count_days_in_a_year_not_yet_imported_name_that_year()
    {
        // The shipped calendar ends with 2026. A complaint of Tue 2026-12-29 counts Wed 30, Thu 31 and Fri 2027-01-01:
        // a day of 2027, whose 元旦 is not known yet. One of 2026-12-01 ends within 2026.
        Assert.Equal(2026, Calendar.LastOfficialYear);
        Assert.Equal([2027], ServiceTargets.UncalendaredYears([Complaint(new(2026, 12, 29, 9, 0, 0)), Complaint(new(2026, 12, 1, 9, 0, 0))], Calendar, Targets));
        Assert.Empty(ServiceTargets.UncalendaredYears([Complaint(new(2026, 12, 1, 9, 0, 0))], Calendar, Targets));

        // Once 2027 is imported it is official.
        var imported = Calendar.WithOverrides([new CalendarDay(new DateOnly(2027, 1, 1), false, "元旦")]);
        Assert.Empty(ServiceTargets.UncalendaredYears([Complaint(new(2026, 12, 29, 9, 0, 0))], imported, Targets));
        Assert.Equal(new DateTime(2027, 1, 5), ServiceTargets.SolutionDue(new(2026, 12, 29, 9, 0, 0), imported, Targets)); // Wed, Thu, Mon
    }
}
