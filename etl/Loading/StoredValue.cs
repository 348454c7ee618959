using System.Globalization;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The canonical text of a value as the database holds it, so that "has this row changed?" compares like with
/// like: decimals without trailing zeros (96.50 = 96.5), dates and times in the ADO.NET provider's own formats.</summary>
public static class StoredValue
{
    public static string? Canonical(object? value) => value switch
    {
        null or DBNull => null,
        decimal d => d.ToString("0.0###########################", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        string s => LooksDecimal(s) ? decimal.Parse(s, CultureInfo.InvariantCulture).ToString("0.0###########################", CultureInfo.InvariantCulture) : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // SQLite hands decimals back as TEXT; normalise "96.50" and "96.5" alike. Only plain numerals qualify.
    private static bool LooksDecimal(string s) =>
        s.Length is > 0 and < 30 && s.Contains('.') && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out _);
}
