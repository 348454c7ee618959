using System.Globalization;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The canonical text of a value as the database holds it, so that "has this row changed?" compares like with
/// like: decimals without trailing zeros (96.50 = 96.5), dates and times in the ADO.NET provider's own formats.</summary>
public static class StoredValue
{
    public static string? Canonical(object? value) => value switch
    {
        null or DBNull => null,
        decimal d => d.ToString(DecimalFormat, CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        string s => LooksDecimal(s) ? decimal.Parse(s, CultureInfo.InvariantCulture).ToString(DecimalFormat, CultureInfo.InvariantCulture) : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Whether two values have the same <see cref="Canonical"/> text, without making that text where the
    /// answer is plain (a reload compares ~14 values of every row, nearly all equal, on the one thread that writes: the
    /// texts were most of its allocations). Gives exactly <c>Canonical(a) == Canonical(b)</c>: the shortcuts below hold
    /// only where the canonical texts are the values' own, and everything else takes the canonical texts.</summary>
    public static bool Same(object? stored, object? value)
    {
        if (stored is null or DBNull || value is null or DBNull) return stored is null or DBNull && value is null or DBNull;
        switch (stored, value)
        {
            case (long a, long b): return a == b;
            case (long a, int b): return a == b;
            case (long a, bool b): return a == (b ? 1 : 0);
            // A text with no '.' is never read as a decimal: its canonical text is itself.
            case (string a, string b) when !a.Contains('.') && !b.Contains('.'): return a == b;
            case (string a, DateTime b) when !a.Contains('.'):
            {
                // The binder's digit-by-digit writer gives the canonical format (the custom format parser is dearer).
                Span<byte> text = stackalloc byte[32];
                return System.Text.Ascii.Equals(text[..SqliteRowEncoding.Format(b, text)], a);
            }
            case (string a, decimal b):
            {
                // The stored text written exactly as the decimal's canonical text is canonical already; otherwise
                // ("96.50" against 96.5) the canonical texts decide.
                Span<char> text = stackalloc char[64];
                if (b.TryFormat(text, out var n, DecimalFormat, CultureInfo.InvariantCulture) && a.AsSpan().SequenceEqual(text[..n])) return true;
                return Canonical(stored) == Canonical(value);
            }
            default:
                return Canonical(stored) == Canonical(value);
        }
    }

    private const string DecimalFormat = "0.0###########################";
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    // SQLite hands decimals back as TEXT; normalise "96.50" and "96.5" alike. Only plain numerals qualify.
    private static bool LooksDecimal(string s) =>
        s.Length is > 0 and < 30 && s.Contains('.') && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out _);
}
