using System.Globalization;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>
/// How a score or an amount of money is written for a reader — the quarterly report, the stored explanations and
/// `qa`'s tables alike, so that one number reads the same in all of them: invariant digits ("88.20", "9,200") in both
/// languages and the minus sign U+2212 (−5,000), never the ASCII hyphen. One place, so the forms cannot drift apart.
/// </summary>
public static class Figures
{
    public const string Minus = "−";

    /// <summary>A score, 2 decimals as stored: 88.20, 0.50, −1.20.</summary>
    public static string Score(decimal value) => WithMinus(value.ToString("0.00", CultureInfo.InvariantCulture));

    /// <summary>Signed yuan, thousands separated, cents only when there are any: +9,200, −5,000, +2,250.5, 0.</summary>
    public static string Money(decimal value) => value switch
    {
        > 0 => "+" + Yuan(value),
        < 0 => Minus + Yuan(-value),
        _ => "0",
    };

    /// <summary>Yuan without a plus sign (a sum that is positive by definition, a parameter): 30,000, 1,000.</summary>
    public static string Yuan(decimal value) => WithMinus(value.ToString("#,##0.##", CultureInfo.InvariantCulture));

    /// <summary>An invariant number's leading hyphen as the minus sign.</summary>
    public static string WithMinus(string invariant) => invariant.StartsWith('-') ? Minus + invariant[1..] : invariant;
}
