using System.Globalization;

namespace QualityAnalytics.Warehouse.Model;

/// <summary>Business dates and times are Asia/Shanghai's, whatever the server's zone: the instants the audit keeps (UTC
/// offsets) are shown and judged in it.</summary>
public static class BusinessTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime LocalNow(TimeProvider clock) => Local(clock.GetUtcNow());

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(LocalNow(clock));

    /// <summary>The instant's wall-clock time in Shanghai.</summary>
    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The instant as Shanghai's "yyyy-MM-dd HH:mm", as the command line and the notices print a batch's or an
    /// approval's time.</summary>
    public static string ToMinute(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
