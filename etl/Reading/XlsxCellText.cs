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
    /// A date cell is a day count with a fraction, so times can carry sub-second noise: round to the second,
    /// then write the date alone when the time is midnight.
    /// </summary>
    private static string FromDateTime(DateTime dt)
    {
        var rounded = new DateTime((dt.Ticks + TicksPerSecond / 2) / TicksPerSecond * TicksPerSecond, dt.Kind);
        return rounded.TimeOfDay == TimeSpan.Zero
            ? rounded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : rounded.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
