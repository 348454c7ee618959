namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// Which row of a file or sheet is its header. Departments' workbooks often open with a title above the table
/// ("2026年第二季度客户投诉台账" in merged cells, a unit or date line), and the CSV exported from such a sheet starts with
/// the same lines: taking the first non-blank row as the header made the sheet "match no kind" and skipped it, its rows
/// unread. The reader does not know the kinds; the caller says what a header looks like.
/// </summary>
internal static class HeaderRow
{
    /// <summary>How many non-blank rows may stand above the header (a title, a subtitle, a unit or date line...). A file
    /// with none that looks like a header keeps its first non-blank row as the header, and is judged by it as before.</summary>
    public const int MostRowsAbove = 10;

    /// <summary>The first of the leading non-blank rows that <paramref name="isHeader"/> accepts (the first row when it is
    /// null), else the first non-blank row; null when there is none.</summary>
    public static (int Line, string[] Cells)? Find(IEnumerable<(int Line, string[] Cells)> nonBlankRows, Func<IReadOnlyList<string>, bool>? isHeader)
    {
        (int Line, string[] Cells)? first = null;
        var seen = 0;
        foreach (var row in nonBlankRows)
        {
            first ??= row;
            if (isHeader is null || isHeader(row.Cells)) return row;
            if (++seen > MostRowsAbove) break;
        }
        return first;
    }
}
