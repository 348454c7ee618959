using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Cli;

namespace QualityAnalytics.Web.Tests.Cli;

public sealed class CalendarCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    private WarehouseDbContext Db() => _qa.Warehouse.CreateContext();

    [Fact]
    public void The_date_dimension_holds_every_day_with_the_official_working_day_flags()
    {
        _qa.Run("batches");
        using var db = Db();
        Assert.Equal(5844, db.Dates.Count()); // 2020-01-01 … 2035-12-31
        var makeUpSaturday = db.Dates.Single(d => d.DateKey == 20260214);
        Assert.True(makeUpSaturday.IsWorkingDay);
        Assert.Equal((6, true), (makeUpSaturday.DayOfWeek, makeUpSaturday.IsOfficial));
        Assert.False(db.Dates.Single(d => d.DateKey == 20261001).IsWorkingDay);
        Assert.Equal((2026, 53), (db.Dates.Single(d => d.DateKey == 20261231).IsoYear, db.Dates.Single(d => d.DateKey == 20261231).IsoWeek));
        Assert.False(db.Dates.Single(d => d.DateKey == 20270101).IsOfficial);
    }

    [Fact]
    public void A_new_years_calendar_is_imported_and_used()
    {
        _qa.Write("2027.csv", "date,working_day,name\n2027-01-01,0,元旦\n2027-02-06,1,春节调休上班\n");
        var (exit, output, error) = _qa.Run("calendar", "import", "2027.csv");
        Assert.True(exit == 0, error);
        Assert.Contains("2 listed day(s) read", output);
        using var db = Db();
        Assert.False(db.Dates.Single(d => d.DateKey == 20270101).IsWorkingDay);
        Assert.True(db.Dates.Single(d => d.DateKey == 20270206).IsWorkingDay);
        Assert.True(db.Dates.Single(d => d.DateKey == 20270301).IsOfficial);
        var calendar = DateDimension.Load(db);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 6)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));
        Assert.Equal("元旦", calendar.HolidayName(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_bad_calendar_file_is_refused_with_its_line()
    {
        _qa.Write("bad.csv", "date,working_day,name\n2027-13-01,0,元旦\n");
        var (exit, _, error) = _qa.Run("calendar", "import", "bad.csv");
        Assert.Equal(1, exit);
        Assert.Contains("line 2", error);
    }
}
