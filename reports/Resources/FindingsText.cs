using System.Globalization;
using System.Resources;

namespace QualityAnalytics.Reports.Resources;

/// <summary>
/// The findings' sentences in one language, from FindingsText.resx (zh-CN, the neutral language) and FindingsText.en.resx.
/// Every finding is written in both languages at once (the JSON and the dashboard carry both), so there is one instance
/// per language. Numbers reach these sentences already formatted, and the fill itself is culture independent: a
/// finding reads the same whatever the machine's culture.
/// </summary>
public sealed class FindingsText
{
    private static readonly ResourceManager Manager = new("QualityAnalytics.Reports.Resources.FindingsText", typeof(FindingsText).Assembly);

    private FindingsText(CultureInfo culture) => Culture = culture;

    public static FindingsText Chinese { get; } = new(CultureInfo.GetCultureInfo("zh-CN"));

    public static FindingsText English { get; } = new(CultureInfo.GetCultureInfo("en"));

    public CultureInfo Culture { get; }

    /// <summary>The text of <paramref name="key"/>; a missing key throws, so a typo fails the first test that builds a finding.</summary>
    public string this[string key] =>
        Manager.GetString(key, Culture) ?? throw new MissingManifestResourceException($"The findings text '{key}' is missing from FindingsText.resx.");

    /// <summary>The sentence of <paramref name="key"/> with its {0}, {1}… filled in, numbers written the invariant way.</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>甲、乙、丙 / a, b, c.</summary>
    public string List(IEnumerable<string> items) => string.Join(this["ListSeparator"], items);

    /// <summary>甲、乙、丙 / a, b and c.</summary>
    public string And(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : List(items.Take(items.Count - 1)) + this["LastListSeparator"] + items[^1];

    /// <summary>A month label of the analysis ("2026-05") as this language's sentences write it; any other label as it is.</summary>
    public string Month(string label) =>
        DateOnly.TryParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? m.ToString(this["MonthFormat"], CultureInfo.InvariantCulture)
            : label;

    /// <summary>A control-chart rule (WE1…WE4, N3, N4, N7, N8) in words.</summary>
    public string Rule(string rule) =>
        Manager.GetString("Rule_" + rule, Culture) ?? throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown rule");

    /// <summary>A clause at the start of a sentence starts with a capital ("Total fell …"); Chinese has no case, so it is unchanged.</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
