using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Shared boxes for the small values a prepared row holds as objects: department and channel keys, flags, the
/// keys of dates and quarters. A bulk load puts five of them into each of a million rows, and a box apiece was
/// ~110 MiB of a 1M-row load's ~1.6 GB of allocations (docs/benchmarks.md, "Seventeenth session"). A box cannot be
/// changed, so one can stand for every occurrence of its value.</summary>
internal static class Boxed
{
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallInts = [.. Enumerable.Range(0, 1024).Select(i => (object)i)];
    private static readonly int FirstDay = DateKeys.First.DayNumber;
    private static readonly object[] Days = [.. Enumerable.Range(0, DateKeys.Last.DayNumber - FirstDay + 1)
        .Select(d => (object)DateKeys.Of(DateOnly.FromDayNumber(FirstDay + d)))];
    private static readonly object[] Quarters = [.. Enumerable.Range(0, (DateKeys.Last.Year - DateKeys.First.Year + 1) * 4)
        .Select(i => (object)new Quarter(DateKeys.First.Year + i / 4, i % 4 + 1).Key)];

    public static object Bool(bool value) => value ? True : False;

    /// <summary>A key or code; a shared box below 1,024, a new one above.</summary>
    public static object Int(int value) => (uint)value < (uint)SmallInts.Length ? SmallInts[value] : value;

    /// <summary>The date's key (<see cref="DateKeys.Of"/>), boxed once per day of the warehouse's calendar.</summary>
    public static object DateKey(DateOnly date)
    {
        var day = date.DayNumber - FirstDay;
        return (uint)day < (uint)Days.Length ? Days[day] : DateKeys.Of(date);
    }

    /// <summary>The quarter's key (<see cref="Quarter.Key"/>), boxed once per quarter of the warehouse's calendar.</summary>
    public static object QuarterKey(Quarter quarter)
    {
        var at = (quarter.Year - DateKeys.First.Year) * 4 + quarter.Number - 1;
        return (uint)at < (uint)Quarters.Length ? Quarters[at] : quarter.Key;
    }
}
