using System.Globalization;
using System.Resources;
using System.Text.Json;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>One thing wrong with a policy: where (<see cref="Where"/>: the file's own key path, "versions[0].weights",
/// which reads the same in both languages, or "(file)" for the document as a whole) and what, in both of the product's
/// languages from PolicyText.resx (zh-CN) and PolicyText.en.resx. The committee meets a broken policy on the Chinese
/// dashboard and in the report command as well as at an English prompt, so the text is made once in both and each reader
/// picks theirs (<see cref="In"/>), as the scoring stage's explanations are (<see cref="Phrase"/>).</summary>
public sealed record PolicyProblem(Phrase Where, Phrase What)
{
    private static readonly ResourceManager Texts = new("QualityAnalytics.Warehouse.Scoring.PolicyText", typeof(PolicyProblem).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>"key.path: what is wrong" in <paramref name="culture"/>'s language (Chinese for zh-*, else English).</summary>
    public string In(CultureInfo culture) =>
        Phrase.IsChinese(culture) ? $"{Where.Zh}：{What.Zh}" : $"{Where.En}: {What.En}";

    /// <summary>The same problem under a parent key: "weights" becomes "versions[0].weights".</summary>
    internal PolicyProblem Under(string parent) => this with { Where = (Phrase)(parent + ".") + Where };

    /// <summary>A problem at the key path <paramref name="key"/> (empty: the document's root).</summary>
    internal static PolicyProblem At(string key, string text, params object[] args) =>
        new(key.Length == 0 ? Text("Root") : key, Text(text, args));

    /// <summary>A problem of the file as a whole (it is not JSON).</summary>
    internal static PolicyProblem OfFile(string text, params object[] args) => new(Text("WholeFile"), Text(text, args));

    /// <summary>A message of PolicyText.resx in both languages; an argument that is a phrase goes in in the same language.</summary>
    internal static Phrase Text(string key, params object[] args) => Phrase.Of(Texts, key, args);

    /// <summary>What a JSON value is, in words: "an array" is "Array" / "数组".</summary>
    internal static Phrase Kind(JsonValueKind kind) => Text("Kind" + kind);

    public override string ToString() => In(English);
}
