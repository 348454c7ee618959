namespace QualityAnalytics.Warehouse.Model;

/// <summary>Business dates are Asia/Shanghai (policy §1). Every conversion from an instant goes through here.</summary>
public static class BusinessTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime LocalNow(TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(LocalNow(clock));
}
