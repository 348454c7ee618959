using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Calendar;

/// <summary>Keeps dim_date in step with the working-day calendar. The calendar is data: the shipped official years, plus
/// whatever a user imports for new years (`qa calendar import`), stored in dim_date itself.</summary>
public static class DateDimension
{
    public static DimDate Row(DateOnly date, WorkdayCalendar calendar) => new()
    {
        DateKey = DateKeys.Of(date),
        Date = date,
        Year = date.Year,
        Quarter = Quarter.Of(date).Number,
        QuarterKey = Quarter.Of(date).Key,
        Month = date.Month,
        Day = date.Day,
        DayOfWeek = (int)date.DayOfWeek,
        IsoYear = ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)),
        IsoWeek = ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)),
        IsWorkingDay = calendar.IsWorkingDay(date),
        HolidayName = calendar.HolidayName(date),
        IsOfficial = calendar.LastOfficialYear is { } last && date.Year <= last,
    };

    /// <summary>Fills an empty dim_date with every day of the span; a no-op when it is already there.</summary>
    public static void EnsureFilled(WarehouseDbContext db)
    {
        if (db.Dates.Any()) return;
        var calendar = WorkdayCalendar.Default;
        for (var year = DateKeys.First.Year; year <= DateKeys.Last.Year; year++)
        {
            var first = new DateOnly(year, 1, 1);
            var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => Row(first.AddDays(i), calendar));
            db.Dates.AddRange(days);
        }
        db.SaveChanges();
        db.ChangeTracker.Clear();
    }

    /// <summary>Applies listed days (holidays and make-up working days) to dim_date and marks their years official.
    /// Returns how many days changed.</summary>
    public static int Import(WarehouseDbContext db, IReadOnlyList<CalendarDay> days)
    {
        var years = days.Select(d => d.Date.Year).Distinct().ToHashSet();
        var listed = days.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last());
        var changed = 0;
        foreach (var row in db.Dates.Where(d => years.Contains(d.Year)))
        {
            var working = listed.TryGetValue(row.Date, out var day) ? day.IsWorkingDay : row.DayOfWeek is not (0 or 6);
            var name = day?.Name;
            if (row.IsWorkingDay == working && row.HolidayName == name && row.IsOfficial) continue;
            row.IsWorkingDay = working;
            row.HolidayName = name;
            row.IsOfficial = true;
            changed++;
        }
        db.SaveChanges();
        return changed;
    }

    /// <summary>The calendar as the warehouse holds it now (shipped data plus user imports), for SLA arithmetic.</summary>
    public static WorkdayCalendar Load(WarehouseDbContext db)
    {
        var listed = db.Dates.AsNoTracking()
            .Where(d => d.HolidayName != null || (d.IsWorkingDay && (d.DayOfWeek == 0 || d.DayOfWeek == 6)) || (!d.IsWorkingDay && d.DayOfWeek != 0 && d.DayOfWeek != 6))
            .Select(d => new CalendarDay(d.Date, d.IsWorkingDay, d.HolidayName))
            .ToList();
        return WorkdayCalendar.WeekdaysOnly.WithOverrides(listed);
    }
}
