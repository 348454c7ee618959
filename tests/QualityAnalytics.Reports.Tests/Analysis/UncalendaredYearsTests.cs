using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Analysis;

/// <summary>The report's warning for solution deadlines that count days of a year not yet imported. (The deadlines'
/// own boundary cases are the warehouse's: ServiceTargetRulesTests.)</summary>
public sealed class UncalendaredYearsTests
{
    private static readonly ServiceTargetRules Targets = ServiceTargetRules.Default;
    private static readonly WorkdayCalendar Calendar = WorkdayCalendar.Default;

    private static ComplaintRecord Complaint(DateTime received) =>
        new("TS-1", "LOG", Quarter.Of(DateOnly.FromDateTime(received)), received, null, null, true, "响应不及时", null, null);

    [Fact]
    public void Deadlines_that_count_days_in_a_year_not_yet_imported_name_that_year()
    {
        // The shipped calendar ends with 2026. A complaint of Tue 2026-12-29 counts Wed 30, Thu 31 and Fri 2027-01-01:
        // a day of 2027, whose 元旦 is not known yet. One of 2026-12-01 ends within 2026.
        Assert.Equal(2026, Calendar.LastOfficialYear);
        Assert.Equal([2027], ServiceTargets.UncalendaredYears([Complaint(new(2026, 12, 29, 9, 0, 0)), Complaint(new(2026, 12, 1, 9, 0, 0))], Calendar, Targets));
        Assert.Empty(ServiceTargets.UncalendaredYears([Complaint(new(2026, 12, 1, 9, 0, 0))], Calendar, Targets));
        // With the policy's 0 working days, a complaint of 31 December is due within 2026.
        Assert.Empty(ServiceTargets.UncalendaredYears([Complaint(new(2026, 12, 31, 9, 0, 0))], Calendar, Targets with { SolutionWorkingDays = 0 }));

        // Once 2027 is imported it is official.
        var imported = Calendar.WithOverrides([new CalendarDay(new DateOnly(2027, 1, 1), false, "元旦")]);
        Assert.Empty(ServiceTargets.UncalendaredYears([Complaint(new(2026, 12, 29, 9, 0, 0))], imported, Targets));
        Assert.Equal(new DateTime(2027, 1, 5), Targets.SolutionDue(new(2026, 12, 29, 9, 0, 0), imported)); // Wed, Thu, Mon
    }
}
