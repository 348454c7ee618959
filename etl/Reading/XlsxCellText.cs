using System.Globalization;

namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// Turns the values MiniExcel returns for cells (string, double, bool, DateTime, null) into the same kind of text a
/// CSV export would hold, so that one parser handles both formats.
/// </summary>
internal static class XlsxCellText
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    public static string From(object? value) => value switch
    {
        null => string.Empty,
        string s => s.Trim(),
        double d => FromDouble(d),
        DateTime dt => FromDateTime(dt),
        TimeSpan ts => FromTimeSpan(ts),
        bool b => b ? "true" : "false",
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        float f => FromDouble(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    /// <summary>
    /// Excel stores every number as a double, so 0.1 + 0.2 is 0.30000000000000004. Going through decimal keeps
    /// 15 significant digits (what Excel itself shows) and drops the binary noise: 96.5 → "96.5", 100 → "100".
    /// </summary>
    private static string FromDouble(double d)
    {
        if (double.IsFinite(d) && Math.Abs(d) < 7.9e27)
        {
            return ((decimal)d).ToString(CultureInfo.InvariantCulture);
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// MiniExcel gives a cell with a time format (h:mm, h:mm:ss, [h]:mm:ss...) as a TimeSpan of the cell's whole serial
    /// number, days since 1899-12-30: a date-time formatted to show only its time still holds its date, so from a day on
    /// it is written as the date-time it is (the time of a quarter's last complaint must not become "46203.23:59:59").
    /// </summary>
    private static string FromTimeSpan(TimeSpan ts) => ts.Ticks >= TimeSpan.TicksPerDay
        ? FromDateTime(ExcelSerialEpoch + ts)
        : ToSecond(ExcelSerialEpoch + ts).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Day 0 of Excel's serial dates (for serials from 61, 1900-03-01, on; Excel counts a 1900-02-29 that never was).</summary>
    internal static readonly DateTime ExcelSerialEpoch = new(1899, 12, 30);

    /// <summary>
    /// A date cell is a day count with a fraction, so times can carry sub-second noise: round to the second,
    /// then write the date alone when the time is midnight.
    /// </summary>
    private static string FromDateTime(DateTime dt)
    {
        var rounded = ToSecond(dt);
        return rounded.TimeOfDay == TimeSpan.Zero
            ? rounded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : rounded.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static DateTime ToSecond(DateTime dt) => new((dt.Ticks + TicksPerSecond / 2) / TicksPerSecond * TicksPerSecond, dt.Kind);
}
