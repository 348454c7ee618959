using System.Globalization;
using Xunit;
using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>The one rule for policy §7's deadlines and statuses (<see cref="ServiceTargetRules"/>), which the complaint mart
/// and the analysis both ask. Named boundary cases on the official calendar with its make-up days.</summary>
public sealed class ServiceTargetRulesTests
{
    private static readonly ServiceTargetRules Targets = ServiceTargetRules.Default;
    private static readonly WorkdayCalendar Calendar = WorkdayCalendar.Default;
    private static readonly DateTime LongAfter = new(2026, 12, 1);

    private static DateTime At(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture);

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
        Assert.Equal(At(due), Targets.SolutionDue(At(received), Calendar));

    [Fact]
    public void A_solution_at_the_last_second_is_on_time_and_at_midnight_late()
    {
        Assert.Equal(TargetStatus.OnTime, Targets.Solution(new(2026, 2, 13, 10, 0, 0), new(2026, 2, 25, 23, 59, 59), LongAfter, Calendar).Status);
        Assert.Equal(TargetStatus.Late, Targets.Solution(new(2026, 2, 13, 10, 0, 0), new(2026, 2, 26, 0, 0, 0), LongAfter, Calendar).Status);
    }

    [Fact]
    public void An_open_solution_is_pending_until_the_deadlines_midnight_and_overdue_from_it()
    {
        Assert.Equal(TargetStatus.Pending, Targets.Solution(new(2026, 2, 13, 10, 0, 0), null, new(2026, 2, 25, 23, 59, 59), Calendar).Status);
        Assert.Equal(TargetStatus.Overdue, Targets.Solution(new(2026, 2, 13, 10, 0, 0), null, new(2026, 2, 26, 0, 0, 0), Calendar).Status);
    }

    [Theory]
    [InlineData("2026-04-09 10:00:00", TargetStatus.OnTime)]
    [InlineData("2026-04-09 10:00:01", TargetStatus.Late)]
    public void A_reply_exactly_24_hours_later_is_on_time(string replied, string status) =>
        Assert.Equal(status, Targets.Reply(new(2026, 4, 8, 10, 0, 0), At(replied), LongAfter).Status);

    [Fact]
    public void An_open_complaint_is_pending_until_its_deadline_and_overdue_after()
    {
        var received = new DateTime(2026, 6, 30, 9, 0, 0);
        Assert.Equal(TargetStatus.Pending, Targets.Reply(received, null, new(2026, 7, 1, 8, 0, 0)).Status);
        Assert.Equal(TargetStatus.Pending, Targets.Reply(received, null, new(2026, 7, 1, 9, 0, 0)).Status); // the deadline itself: a reply now is on time
        Assert.Equal(TargetStatus.Overdue, Targets.Reply(received, null, new(2026, 7, 1, 9, 0, 1)).Status);
    }

    [Fact]
    public void Other_targets_move_both_deadlines()
    {
        var targets = new ServiceTargetRules(48m, 5, 0.9m, 0.95m);
        Assert.Equal(new DateTime(2026, 4, 10, 10, 0, 0), targets.ReplyDue(new(2026, 4, 8, 10, 0, 0)));
        Assert.Equal(new DateTime(2026, 4, 9, 10, 30, 0), new ServiceTargetRules(24.5m, 3, 0.85m, 1m).ReplyDue(new(2026, 4, 8, 10, 0, 0)));
        // Wed 2026-05-06: Thu 7, Fri 8, Sat 9 (劳动节 make-up day), Mon 11, Tue 12.
        Assert.Equal(new DateTime(2026, 5, 13), targets.SolutionDue(new(2026, 5, 6, 10, 0, 0), Calendar));
        // 0 working days: by the end of the day of receipt.
        Assert.Equal(new DateTime(2026, 5, 7), (Targets with { SolutionWorkingDays = 0 }).SolutionDue(new(2026, 5, 6, 10, 0, 0), Calendar));
    }

    [Theory]
    [InlineData(17, 20, true)]   // exactly 85%
    [InlineData(16, 20, false)]
    [InlineData(0, 0, null)]     // nobody asked: no rate
    public void Satisfaction_is_met_in_counts_exactly(int satisfied, int asked, bool? met) =>
        Assert.Equal(met, Targets.MeetsSatisfaction(satisfied, asked));

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(2, 3, false)]
    [InlineData(0, 0, null)]
    public void Compliance_of_every_complaint_needs_all_of_them_on_time(int onTime, int decided, bool? met) =>
        Assert.Equal(met, Targets.MeetsCompliance(onTime, decided));

    [Fact]
    public void A_lower_compliance_target_is_met_at_exactly_its_share()
    {
        var targets = Targets with { ComplianceTarget = 0.95m };
        Assert.True(targets.MeetsCompliance(19, 20));
        Assert.False(targets.MeetsCompliance(18, 20));
    }

    [Fact]
    public void A_deadline_at_midnight_reads_as_the_days_24_00()
    {
        Assert.Equal("2026-07-27 24:00", ServiceTargetRules.DeadlineText(new DateTime(2026, 7, 28, 0, 0, 0)));
        Assert.Equal("2026-07-31 24:00", ServiceTargetRules.DeadlineText(new DateTime(2026, 8, 1, 0, 0, 0))); // across a month
        Assert.Equal("2026-12-31 24:00", ServiceTargetRules.DeadlineText(new DateTime(2027, 1, 1, 0, 0, 0))); // and a year
        Assert.Equal("2026-07-23 12:03", ServiceTargetRules.DeadlineText(new DateTime(2026, 7, 23, 12, 3, 0)));
    }
}
