namespace QualityAnalytics.Warehouse.Contract;

/// <summary>How a header cell names a contract field: by its English name (any case, spaces or underscores) or its
/// Chinese name; a cell written as "complaint_id (投诉编号)" or "投诉编号（complaint_id）" names it too, as people copy the
/// contract's table. The loader's header matcher reads a file's header with it, and the audit reads a recorded column
/// back to its field with it (<see cref="FieldNames.Key"/>), so the two can never disagree.</summary>
public static class HeaderNames
{
    /// <summary>A cell as tokens, "|english|中文|", so that "department" does not match inside "parent_department". White
    /// space of any kind inside a name is dropped, not only spaces: a header cell wrapped in Excel (Alt+Enter: 部门⏎编码,
    /// 受理⏎时间), padded with the ideographic space (月　份) or a tab names its field as typed on one line.</summary>
    public static string Normalise(string cell)
    {
        var parts = cell.Trim().ToLowerInvariant()
            .Split(['(', ')', '（', '）', '/', '[', ']'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Concat(p.Where(c => c != '_' && !char.IsWhiteSpace(c))))
            .Where(p => p.Length > 0);
        return "|" + string.Join("|", parts) + "|";
    }

    /// <summary>Whether a cell (already <see cref="Normalise"/>d) names the field.</summary>
    public static bool Names(string normalisedCell, ColumnSpec column) =>
        NamesEnglish(normalisedCell, column) || normalisedCell.Contains("|" + column.ChineseName + "|", StringComparison.Ordinal);

    /// <summary>Whether a cell (already <see cref="Normalise"/>d) names the field by its English name.</summary>
    public static bool NamesEnglish(string normalisedCell, ColumnSpec column) =>
        normalisedCell.Contains("|" + column.Name.Replace("_", "", StringComparison.Ordinal) + "|", StringComparison.Ordinal);

    /// <summary>The first field of <paramref name="schema"/> that <paramref name="cell"/> names, as the header matcher
    /// takes it; null when it names none.</summary>
    public static ColumnSpec? FieldOf(KindSchema schema, string cell)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var normalised = Normalise(cell);
        return schema.Columns.FirstOrDefault(c => Names(normalised, c));
    }

    /// <summary>A header cell as the audit records it: trimmed, and a line break inside the cell (a wrapped header) or
    /// any run of white space as one space, so that a message stays on one line.</summary>
    public static string AsWritten(string cell) => string.Join(' ', cell.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
