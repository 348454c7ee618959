using System.Globalization;
using System.Resources;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>A text of an explanation or warning in both of the product's languages, English and Chinese. The scoring
/// stage writes each one once, from ScoreText.resx (zh-CN, the neutral language) and ScoreText.en.resx, and the
/// assessment keeps both, so the report and the dashboard show it in the reader's language without scoring again.
/// Numbers, ids and symbols are the same in both (<see cref="Text"/>): a plain string converts to a phrase of itself.</summary>
public sealed record Phrase(string En, string Zh)
{
    private static readonly ResourceManager Manager = new("QualityAnalytics.Warehouse.Scoring.ScoreText", typeof(Phrase).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The text in <paramref name="culture"/>'s language: Chinese for zh-*, English otherwise.</summary>
    public string In(CultureInfo culture) => IsChinese(culture) ? Zh : En;

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    public static implicit operator Phrase(string same) => new(same, same);

    public static Phrase operator +(Phrase a, Phrase b) => new(a.En + b.En, a.Zh + b.Zh);

    /// <summary>The text of <paramref name="key"/> in both languages with its {0}, {1}… filled in; an argument that is
    /// itself a phrase goes in in the same language. Numbers are formatted by <see cref="Text"/> before they get here.</summary>
    public static Phrase Of(string key, params object[] args) => Of(Manager, key, args);

    /// <summary>As <see cref="Of(string, object[])"/>, from another resource of this assembly (the policy file's messages).</summary>
    internal static Phrase Of(ResourceManager texts, string key, params object[] args) =>
        new(Format(texts, key, English, args), Format(texts, key, Chinese, args));

    /// <summary>The separator of a list's items: ", " / "、".</summary>
    public static Phrase ListSeparator => Of("ListSeparator");

    /// <summary>The separator of clauses: "; " / "；" (full-width inside a Chinese sentence).</summary>
    public static Phrase ClauseSeparator => Of("ClauseSeparator");

    /// <summary>Phrases joined by a separator phrase (", " in both languages unless given).</summary>
    public static Phrase Join(Phrase separator, IEnumerable<Phrase> parts)
    {
        var list = parts.ToList();
        return new(string.Join(separator.En, list.Select(p => p.En)), string.Join(separator.Zh, list.Select(p => p.Zh)));
    }

    private static string Format(ResourceManager texts, string key, CultureInfo culture, object[] args)
    {
        var pattern = texts.GetString(key, culture) ?? throw new MissingManifestResourceException($"The text '{key}' is missing from {texts.BaseName}.");
        var inLanguage = args.Select(a => a is Phrase p ? p.In(culture) : a).ToArray();
        return string.Format(CultureInfo.InvariantCulture, pattern, inLanguage);
    }

    public override string ToString() => En;
}
