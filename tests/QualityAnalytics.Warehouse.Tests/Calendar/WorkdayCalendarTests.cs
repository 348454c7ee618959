using QualityAnalytics.Warehouse.Calendar;
using Xunit;

namespace QualityAnalytics.Warehouse.Tests.Calendar;

public class WorkdayCalendarTests
{
    private static readonly WorkdayCalendar Cal = WorkdayCalendar.Default;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-14")] // Saturday, 春节调休上班
    [InlineData("2026-02-28")] // Saturday, 春节调休上班
    [InlineData("2024-02-04")] // Sunday, 春节调休上班
    [InlineData("2026-10-10")] // Saturday, 国庆节调休上班
    [InlineData("2026-09-20")] // Sunday, 国庆节调休上班
    public void A_make_up_weekend_day_is_a_working_day(string date)
    {
        Assert.True(D(date).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.True(Cal.IsWorkingDay(D(date)));
        Assert.EndsWith("调休上班", Cal.HolidayName(D(date)));
    }

    [Theory]
    [InlineData("2026-10-01", "国庆节")]
    [InlineData("2025-01-29", "春节")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2023-04-05", "清明节")]
    public void A_weekday_holiday_is_not_a_working_day(string date, string name)
    {
        Assert.False(D(date).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.False(Cal.IsWorkingDay(D(date)));
        Assert.Equal(name, Cal.HolidayName(D(date)));
    }

    [Fact]
    public void Ordinary_days_follow_the_weekday_rule()
    {
        Assert.False(Cal.IsWorkingDay(D("2026-03-07"))); // Saturday
        Assert.False(Cal.IsWorkingDay(D("2026-03-08"))); // Sunday
        Assert.True(Cal.IsWorkingDay(D("2026-03-09")));  // Monday
        Assert.Null(Cal.HolidayName(D("2026-03-07")));
        Assert.False(Cal.IsWorkingDay(D("2030-06-01"))); // beyond the data: weekday rule (Saturday)
        Assert.True(Cal.IsWorkingDay(D("2030-06-03")));
    }

    [Fact]
    public void Every_make_up_day_is_on_a_weekend_and_every_listed_day_is_unique()
    {
        Assert.NotEmpty(Cal.Overrides);
        Assert.Equal(Cal.Overrides.Count, Cal.Overrides.Select(d => d.Date).Distinct().Count());
        Assert.All(Cal.Overrides.Where(d => d.IsWorkingDay),
            d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date} is a make-up day on a weekday"));
        Assert.All(Cal.Overrides, d => Assert.False(string.IsNullOrWhiteSpace(d.Name)));
        Assert.Equal(2026, Cal.LastOfficialYear);
        Assert.Equal("元旦", Cal.HolidayName(D("2022-12-31"))); // the 2023 New Year holiday starts in 2022
    }

    [Fact]
    public void Each_year_has_the_expected_number_of_holiday_days()
    {
        // Days off listed by the State Council notices, holidays counted day by day (weekend days inside a holiday included).
        var expected = new Dictionary<int, int> { [2021] = 31, [2022] = 32, [2023] = 26, [2024] = 28, [2025] = 28, [2026] = 33 };
        foreach (var (year, days) in expected)
        {
            Assert.Equal(days, Cal.Overrides.Count(d => !d.IsWorkingDay && d.Date.Year == year));
        }
    }

    [Fact]
    public void Three_working_days_across_the_2026_National_Day_week()
    {
        // Received Wed 30 Sep: 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10 is 调休 (3).
        Assert.Equal(D("2026-10-10"), Cal.AddWorkingDays(D("2026-09-30"), 3));
        Assert.Equal(3, Cal.WorkingDaysBetween(D("2026-09-30"), D("2026-10-10")));
        Assert.Equal(2, Cal.WorkingDaysBetween(D("2026-09-30"), D("2026-10-09")));
    }

    [Fact]
    public void Three_working_days_across_a_make_up_day_and_the_Spring_Festival()
    {
        // Received Thu 12 Feb 2026: Fri 13 (1), Sat 14 调休 (2), 15–23 off, Tue 24 (3).
        Assert.Equal(D("2026-02-24"), Cal.AddWorkingDays(D("2026-02-12"), 3));
        // Received Fri 18 Sep 2026: Sun 20 调休 (1), Mon 21 (2), Tue 22 (3).
        Assert.Equal(D("2026-09-22"), Cal.AddWorkingDays(D("2026-09-18"), 3));
        // The weekday rule alone would give Wed 23.
        Assert.Equal(D("2026-09-23"), WorkdayCalendar.WeekdaysOnly.AddWorkingDays(D("2026-09-18"), 3));
    }

    [Fact]
    public void Adding_and_counting_agree_and_run_backwards()
    {
        var start = D("2025-09-26");
        for (var n = 0; n <= 30; n++)
        {
            var end = Cal.AddWorkingDays(start, n);
            Assert.Equal(n, Cal.WorkingDaysBetween(start, end));
            Assert.Equal(-n, Cal.WorkingDaysBetween(end, start));
        }
        Assert.Equal(start, Cal.AddWorkingDays(start, 0));
        Assert.Equal(D("2025-09-30"), Cal.AddWorkingDays(D("2025-10-09"), -1)); // back over 1–8 Oct
        Assert.Equal(0, Cal.WorkingDaysBetween(start, start));
    }

    [Fact]
    public void Overrides_win_and_extend_the_calendar()
    {
        var extended = Cal.WithOverrides(
        [
            new CalendarDay(D("2027-01-01"), false, "元旦"),
            new CalendarDay(D("2027-01-02"), true, "test"),
            new CalendarDay(D("2026-10-01"), true, "changed"),
            new CalendarDay(D("2026-10-01"), false, "later wins"),
            new CalendarDay(D("2026-10-10"), false, "no longer 调休"),
        ]);
        Assert.False(extended.IsWorkingDay(D("2027-01-01")));
        Assert.True(extended.IsWorkingDay(D("2027-01-02")));
        Assert.Equal("later wins", extended.HolidayName(D("2026-10-01")));
        Assert.False(extended.IsWorkingDay(D("2026-10-10")));
        Assert.Equal(2027, extended.LastOfficialYear);
        Assert.Equal(Cal.Overrides.Count + 2, extended.Overrides.Count);
        Assert.True(Cal.IsWorkingDay(D("2026-10-10"))); // the original is unchanged
        Assert.Equal(extended.Overrides.OrderBy(d => d.Date).Select(d => d.Date), extended.Overrides.Select(d => d.Date));
    }

    [Fact]
    public void ParseCsv_reads_rows_and_skips_blank_lines()
    {
        var days = WorkdayCalendar.ParseCsv(new StringReader("\uFEFFdate,working_day,name\n2027-01-01,0,元旦\n\n2027-02-06,1,\n"), "mine.csv");
        Assert.Equal([new CalendarDay(D("2027-01-01"), false, "元旦"), new CalendarDay(D("2027-02-06"), true, null)], days);
    }

    [Theory]
    [InlineData("date,working_day,name\n2027-01-01,0,元旦\n2027-13-01,0,x\n", 3, "2027-13-01")]
    [InlineData("date,working_day,name\n2027-01-01,2,元旦\n", 2, "working_day '2'")]
    [InlineData("date,working_day,name\n\n2027-01-01,0,a,b\n", 3, "found 4")]
    [InlineData("date,working_day,name\n2027-01-01,0,a\n2027-01-01,0,b\n", 3, "listed twice")]
    [InlineData("day,off\n2027-01-01,0\n", 1, "header")]
    public void ParseCsv_reports_a_bad_row_with_source_and_line(string text, int line, string fragment)
    {
        var ex = Assert.Throws<FormatException>(() => WorkdayCalendar.ParseCsv(new StringReader(text), "holidays-2027.csv"));
        Assert.Contains($"holidays-2027.csv, line {line}:", ex.Message);
        Assert.Contains(fragment, ex.Message);
    }
}
