using System.Globalization;
using System.Resources;

namespace QualityAnalytics.Reports.Resources;

/// <summary>
/// The report's words, from ReportText.resx (zh-CN, the neutral language) and ReportText.en.resx. One instance per
/// language; a missing key throws, so a typo fails the first test that renders the report rather than printing a blank.
/// </summary>
public sealed class ReportText
{
    private static readonly ResourceManager Manager = new("QualityAnalytics.Reports.Resources.ReportText", typeof(ReportText).Assembly);

    public ReportText(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        Culture = culture;
    }

    /// <summary>The report's languages: zh-CN (default) and en.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    public CultureInfo Culture { get; }

    public bool IsChinese => Culture.TwoLetterISOLanguageName == "zh";

    /// <summary>The text of <paramref name="key"/> in this language.</summary>
    public string this[string key] =>
        Manager.GetString(key, Culture) ?? throw new MissingManifestResourceException($"The report text '{key}' is missing from ReportText.resx.");

    /// <summary>The text of <paramref name="key"/> in this language, or null where there is none (a value stored in the
    /// warehouse that this version has no words for).</summary>
    public string? Find(string key) => Manager.GetString(key, Culture);

    /// <summary>The text of <paramref name="key"/> with its {0}, {1}… filled in, formatted for this language.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>An analysis direction (improving, declining, no_significant_change, no_previous, undefined) in this language. The words
    /// speak of quality, not of the value's way: more complaints is "declining" and must not read as a fall. `qa analyze`
    /// writes them from here too, so the command line and the PDF say the same.</summary>
    public string Direction(string direction) => this[direction switch
    {
        "improving" => "DirImproving",
        "declining" => "DirDeclining",
        "no_significant_change" => "DirNone",
        "no_previous" => "DirNoPrevious",
        _ => "DirUndefined",
    }];

    /// <summary>Every key of the neutral (zh-CN) resources, and of one language's own file (for tests).</summary>
    public static IReadOnlyCollection<string> Keys(CultureInfo culture)
    {
        var set = Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
    }
}
