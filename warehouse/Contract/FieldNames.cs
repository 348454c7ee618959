namespace QualityAnalytics.Warehouse.Contract;

/// <summary>A quarantined (or warned) cell's column as its reader can find it. The loader records a field's column as the
/// file's header wrote it (受理时间, or received_at, or "Received At"), so the working group finds in their own file the
/// column a message names; <see cref="Key"/> reads it back to the contract's English name (received_at), the stable key
/// scripts and the lookups here use. Rows recorded before held the English name, which is its own key. A name that is
/// no field of the kind (a cell past the header, by its place) stays as recorded. One wording for `qa`, the data desk,
/// their CSV exports and the report.</summary>
public static class FieldNames
{
    /// <summary>How the loader names a cell that has no field, by its place: "column 8" in a CSV line, "column H" in a
    /// workbook row (a value past the header's last column).</summary>
    public static string Position(string place) => PositionPrefix + place;

    private const string PositionPrefix = "column ";

    /// <summary>The contract's English name of a recorded column (score for 得分 in a checks file); the column itself
    /// when it names no field of the kind.</summary>
    /// <param name="kind">The contract's name of the file's kind (<see cref="DataKindNames.Name"/>), as a source file records it.</param>
    public static string Key(string? kind, string column) => Field(kind, column)?.Name ?? column;

    /// <summary>A contract field, by its English name (a changed row's field), in the reader's language: 受理时间
    /// （received_at）in Chinese, received_at in English.</summary>
    public static string Label(string? kind, string field, bool chinese)
    {
        if (!chinese) return field;
        var spec = KindSchemas.All.FirstOrDefault(s => s.Kind.Name() == kind)?.Columns.FirstOrDefault(c => c.Name == field);
        return spec is null ? Recorded(kind, field, chinese) : $"{spec.ChineseName}（{field}）";
    }

    /// <summary>A recorded column (a quarantined row's, a warning's) in the reader's language: always the header as the
    /// file wrote it first, then, in brackets, what that header does not already say — on a Chinese page the contract's
    /// Chinese name, or the English key when the file said the Chinese one (受理时间（received_at）, received_at
    /// （受理时间）); in English the key (受理时间 (received_at), received_at). A cell past the header by its place:
    /// 第 8 列, H 列 in Chinese.</summary>
    public static string Recorded(string? kind, string column, bool chinese)
    {
        if (column.StartsWith(PositionPrefix, StringComparison.Ordinal))
        {
            if (!chinese) return column;
            // 第 8 列 for a CSV line's eighth cell; H 列 as Chinese Excel names a workbook's column.
            var place = column[PositionPrefix.Length..];
            return place.All(char.IsAsciiDigit) ? $"第 {place} 列" : $"{place} 列";
        }
        if (Field(kind, column) is not { } field) return column;
        var normalised = HeaderNames.Normalise(column);
        var saysEnglish = HeaderNames.NamesEnglish(normalised, field);
        var saysChinese = normalised.Contains("|" + field.ChineseName + "|", StringComparison.Ordinal);
        if (!chinese) return saysEnglish ? column : $"{column} ({field.Name})";
        if (saysEnglish && saysChinese) return column;
        return saysChinese ? $"{column}（{field.Name}）" : $"{column}（{field.ChineseName}）";
    }

    /// <summary>The field of the kind a recorded column names: by its English name as recorded before, else as a header
    /// cell names it (<see cref="HeaderNames.FieldOf"/>, the header matcher's own rule).</summary>
    private static ColumnSpec? Field(string? kind, string column)
    {
        var schema = KindSchemas.All.FirstOrDefault(s => s.Kind.Name() == kind);
        if (schema is null) return null;
        return schema.Columns.FirstOrDefault(c => c.Name == column) ?? HeaderNames.FieldOf(schema, column);
    }
}
