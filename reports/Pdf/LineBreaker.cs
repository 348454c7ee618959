using System.Globalization;
using System.Text;

namespace QualityAnalytics.Reports.Pdf;

/// <summary>
/// Greedy line breaking for mixed Chinese and Latin text: a break may fall between any two CJK characters,
/// Latin words break only at spaces, closing punctuation never starts a line and opening brackets never end one
/// (the basic 禁则 rules). A word wider than the whole line is cut where it must be.
/// </summary>
public static class LineBreaker
{
    /// <summary>Characters that never start a line.</summary>
    public const string Closing = "，。、；：？！）》」』】〉〕］｝…‥’”％‰·,.;:!?)]}%";

    /// <summary>Characters that never end a line.</summary>
    public const string Opening = "（《「『【〈〔［｛‘“([{";

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>.</summary>
    /// <param name="measure">Width of a piece of text, in the same unit as <paramref name="maxWidth"/>.</param>
    /// <returns>The lines without their trailing spaces; a "\n" in the text always ends a line.</returns>
    public static IReadOnlyList<string> Break(string text, float maxWidth, Func<string, float> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            BreakParagraph(paragraph, maxWidth, measure, lines);
        }
        return lines;
    }

    private static void BreakParagraph(string paragraph, float maxWidth, Func<string, float> measure, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0f;
        // A piece that holds a bracketed group kept together but is wider than the line breaks as prose after all
        // (cutting it where it must would put a bracket at the wrong end of a line).
        var segments = Segments(paragraph, keepGroups: true)
            .SelectMany(s => measure(s.TrimEnd()) <= maxWidth ? [s] : Segments(s, keepGroups: false));
        foreach (var segment in segments)
        {
            var visible = segment.TrimEnd();
            var visibleWidth = measure(visible);
            if (line.Length > 0 && lineWidth + visibleWidth <= maxWidth)
            {
                line.Append(segment);
                lineWidth += measure(segment);
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
            }
            if (visibleWidth > maxWidth)
            {
                // Longer than a whole line: cut it, keeping at least one character per line.
                var rest = CutOverlong(segment, maxWidth, measure, lines);
                line.Append(rest);
                lineWidth = measure(rest);
            }
            else
            {
                line.Append(segment);
                lineWidth = measure(segment);
            }
        }
        lines.Add(line.ToString().TrimEnd());
    }

    private static string CutOverlong(string segment, float maxWidth, Func<string, float> measure, List<string> lines)
    {
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(segment);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && measure(piece + element) > maxWidth && !string.IsNullOrWhiteSpace(element))
            {
                lines.Add(piece.ToString());
                piece.Clear();
            }
            piece.Append(element);
        }
        return piece.ToString();
    }

    /// <summary>The most CJK characters a bracketed group may hold and still be kept on one line.</summary>
    public const int KeptTogether = 6;

    /// <summary>The text cut at every break opportunity; each piece keeps the spaces that follow it.</summary>
    /// <param name="keepGroups">Keep short bracketed CJK groups whole (<see cref="KeptTogetherAtoms"/>).</param>
    internal static IEnumerable<string> Segments(string paragraph, bool keepGroups)
    {
        var atoms = Atoms(paragraph);
        var together = keepGroups ? KeptTogetherAtoms(atoms) : new bool[atoms.Count];
        var segment = new StringBuilder();
        for (var i = 0; i < atoms.Count; i++)
        {
            if (i > 0 && !together[i] && CanBreakBefore(atoms[i - 1], atoms[i]) && segment.Length > 0)
            {
                yield return segment.ToString();
                segment.Clear();
            }
            segment.Append(atoms[i].Text);
        }
        if (segment.Length > 0)
        {
            yield return segment.ToString();
        }
    }

    /// <summary>
    /// The atoms inside a short bracketed group of CJK characters — a sheet name [电话回访], a column's Chinese name
    /// （部门编码）, at most <see cref="KeptTogether"/> characters: no break falls inside it, so a narrow table cell
    /// breaks before the bracket instead of in the middle of a word (部门编/码). Longer groups are prose and break as such.
    /// </summary>
    private static bool[] KeptTogetherAtoms(List<Atom> atoms)
    {
        var together = new bool[atoms.Count];
        for (var i = 0; i < atoms.Count; i++)
        {
            if (!IsOpening(atoms[i].Text)) continue;
            var j = i + 1;
            while (j < atoms.Count && j - i - 1 <= KeptTogether && atoms[j].Kind == AtomKind.Cjk && !IsClosing(atoms[j].Text)) j++;
            var inside = j - i - 1;
            if (inside == 0 || inside > KeptTogether || j >= atoms.Count || !IsClosing(atoms[j].Text)) continue;
            for (var k = i + 1; k <= j; k++) together[k] = true;
        }
        return together;
    }

    private static bool CanBreakBefore(Atom previous, Atom current)
    {
        if (current.Kind == AtomKind.Space || IsClosing(current.Text) || IsOpening(previous.Text))
        {
            return false;
        }
        return previous.Kind == AtomKind.Space || previous.Kind == AtomKind.Cjk || current.Kind == AtomKind.Cjk;
    }

    private static bool IsClosing(string atomText) => Closing.Contains(FirstChar(atomText), StringComparison.Ordinal);

    private static bool IsOpening(string atomText) => Opening.Contains(atomText[^1]);

    private static string FirstChar(string s) => s[..1];

    private enum AtomKind { Space, Cjk, Word }

    private readonly record struct Atom(string Text, AtomKind Kind);

    /// <summary>Runs of spaces, single CJK characters, and runs of everything else (Latin words, numbers, symbols).</summary>
    private static List<Atom> Atoms(string paragraph)
    {
        var atoms = new List<Atom>();
        var run = new StringBuilder();
        var runKind = AtomKind.Word;
        var elements = StringInfo.GetTextElementEnumerator(paragraph);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var kind = Classify(element);
            if (kind == AtomKind.Cjk)
            {
                Flush();
                atoms.Add(new Atom(element, AtomKind.Cjk));
                continue;
            }
            if (run.Length > 0 && kind != runKind)
            {
                Flush();
            }
            runKind = kind;
            run.Append(element);
        }
        Flush();
        return atoms;

        void Flush()
        {
            if (run.Length > 0)
            {
                atoms.Add(new Atom(run.ToString(), runKind));
                run.Clear();
            }
        }
    }

    private static AtomKind Classify(string element)
    {
        var rune = Rune.GetRuneAt(element, 0);
        if (rune.Value != 0x00A0 && Rune.IsWhiteSpace(rune))
        {
            return AtomKind.Space;
        }
        return IsCjk(rune.Value) ? AtomKind.Cjk : AtomKind.Word;
    }

    /// <summary>Ideographs, kana, hangul, CJK punctuation and full-width forms: a line may break around each.</summary>
    internal static bool IsCjk(int codePoint) => codePoint switch
    {
        >= 0x1100 and <= 0x11FF => true,   // Hangul Jamo
        >= 0x2E80 and <= 0x2FFF => true,   // radicals, Kangxi, ideographic description
        >= 0x3000 and <= 0x4DBF => true,   // CJK symbols and punctuation, kana, bopomofo, extension A
        >= 0x4E00 and <= 0x9FFF => true,   // unified ideographs
        >= 0xA000 and <= 0xA4CF => true,   // Yi
        >= 0xAC00 and <= 0xD7AF => true,   // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true,   // compatibility ideographs
        >= 0xFE10 and <= 0xFE1F => true,   // vertical forms
        >= 0xFE30 and <= 0xFE4F => true,   // compatibility forms
        >= 0xFF00 and <= 0xFFEF => true,   // full-width and half-width forms
        >= 0x20000 and <= 0x3FFFF => true, // supplementary ideographs
        _ => false,
    };
}
