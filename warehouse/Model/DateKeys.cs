namespace QualityAnalytics.Warehouse.Model;

/// <summary>The date dimension's keys (yyyymmdd) and the span it covers.</summary>
public static class DateKeys
{
    public static readonly DateOnly First = new(2020, 1, 1);
    public static readonly DateOnly Last = new(2035, 12, 31);

    public static int Of(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DateOnly ToDate(int key) => new(key / 10000, key / 100 % 100, key % 100);

    public static bool InRange(DateOnly date) => date >= First && date <= Last;
}
