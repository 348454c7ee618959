using System.Runtime.CompilerServices;

namespace QualityAnalytics.Etl.Reading;

/// <summary>Trimming cell text the way <see cref="string.Trim()"/> does, without its cost on the usual cell: one with
/// no white space at either end, often Chinese. <c>char.IsWhiteSpace</c> answers Latin-1 from a table but looks every
/// other character up in the Unicode tables; a bulk load asks about both ends of ~15 cells per row, several times over
/// (docs/benchmarks.md). Every white-space character beyond Latin-1 lies in U+1680..U+3000, so a CJK character is
/// answered by one comparison.</summary>
internal static class CellText
{
    /// <summary>The text without leading and trailing white space: the same instance when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Trimmed(string text) =>
        text.Length > 0 && (IsWhiteSpace(text[0]) || IsWhiteSpace(text[^1])) ? text.Trim() : text;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhiteSpace(char c) => c <= '\u00FF' ? char.IsWhiteSpace(c) : c is >= '\u1680' and <= '\u3000' && char.IsWhiteSpace(c);

    /// <summary>The text inside Excel's text wrapper <c>="00123"</c>: what systems that export CSV "for Excel" write so
    /// that Excel keeps leading zeros and long ids as text; the value meant is <c>00123</c>. Inner quotes are doubled
    /// (<c>="a""b"</c> is <c>a"b</c>). Anything else starting with <c>=</c> (<c>=A1+1</c>, <c>="a"&amp;"b"</c>) is kept
    /// as written. Asked only for a cell that starts with <c>=</c>.</summary>
    public static string UnwrapExcelText(string text)
    {
        if (text.Length < 3 || text[0] != '=' || text[1] != '"' || text[^1] != '"') return text;
        var inner = text.AsSpan(2, text.Length - 3);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '"') continue;
            // A quote inside must be one of a doubled pair; a lone one ends the string: a formula, not a wrapper.
            if (i + 1 >= inner.Length || inner[i + 1] != '"') return text;
            i++;
        }
        return Trimmed(inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal));
    }
}
