using System.Globalization;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>Number formatting for explanation lines and messages: invariant culture, true minus sign (−).</summary>
internal static class Text
{
    private const string Normal = "0.############################";

    /// <summary>A score or amount, 2 decimals: 94.00, −5000.00.</summary>
    public static string F2(decimal value) => Figures.Score(value);

    /// <summary>Money as the report writes it (review F13): thousands separators, cents only when there are any — 1,000,
    /// −3,500, +2,250.5.</summary>
    public static string Money(decimal value) => Figures.Yuan(value);

    /// <summary>A parameter or exact value without trailing zeros: 0.4, 10, 88.199.</summary>
    public static string N(decimal value) => Minus(value.ToString(Normal, CultureInfo.InvariantCulture));

    /// <summary>An unrounded intermediate: exact when short, else "≈" and 6 decimals.</summary>
    public static string Raw(decimal value)
    {
        var six = Math.Round(value, 6, MidpointRounding.AwayFromZero);
        return six == value ? N(value) : "≈" + N(six);
    }

    /// <summary>
    /// A value compared with a bound, 2 decimals when that is exact, else as <see cref="Raw"/> ("≈1.003333"): a month mean
    /// of three records or the gap d = 1.00333… would otherwise read "1.00" beside the penalty of d &gt; 1.
    /// </summary>
    public static string Exact2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) == value ? F2(value) : Raw(value);

    /// <summary>A month as a phrase: "Apr" / "4 月" (a space between Han and digits, as every Chinese sentence of the product writes it).</summary>
    public static Phrase Month(DateOnly month) => new(month.ToString("MMM", CultureInfo.InvariantCulture), month.Month.ToString(CultureInfo.InvariantCulture) + " 月");

    /// <summary>A month with its year: "2026-05" / "2026 年 5 月" (Chinese text does not write a month as a code).</summary>
    public static Phrase YearMonth(DateOnly month) =>
        new(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.ToString("yyyy 年 M 月", CultureInfo.InvariantCulture));

    /// <summary>A count, the same in both languages.</summary>
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Row ids as a list: "C-101, C-102" / "C-101、C-102" (a Chinese list takes 、, not a half-width comma).</summary>
    public static Phrase Ids(IEnumerable<string> ids) => Phrase.Join(Phrase.ListSeparator, ids.Select(id => (Phrase)id));

    private static string Minus(string s) => Figures.WithMinus(s);
}
