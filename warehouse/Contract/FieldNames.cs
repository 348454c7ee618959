namespace QualityAnalytics.Warehouse.Contract;

/// <summary>A contract field as a department's reader knows it. The loader records fields by the contract's English
/// names (received_at); a department's file may head the column 受理时间 instead, so Chinese text names both,
/// 受理时间（received_at）, and English text the English name. A name that is no field of the kind (a row-level reason,
/// a stored column of its own) stays as recorded. One wording for the data desk, its CSV export and the report.</summary>
public static class FieldNames
{
    /// <summary>How the loader names a cell that has no field, by its place: "column 8" in a CSV line, "column H" in a
    /// workbook row (a value past the header's last column).</summary>
    public static string Position(string place) => PositionPrefix + place;

    private const string PositionPrefix = "column ";

    /// <param name="kind">The contract's name of the file's kind (<see cref="DataKindNames.Name"/>), as a source file records it.</param>
    public static string Label(string? kind, string column, bool chinese)
    {
        if (!chinese) return column;
        if (column.StartsWith(PositionPrefix, StringComparison.Ordinal))
        {
            // 第 8 列 for a CSV line's eighth cell; H 列 as Chinese Excel names a workbook's column.
            var place = column[PositionPrefix.Length..];
            return place.All(char.IsAsciiDigit) ? $"第 {place} 列" : $"{place} 列";
        }
        var field = KindSchemas.All.FirstOrDefault(s => s.Kind.Name() == kind)?.Columns.FirstOrDefault(c => c.Name == column);
        return field is null ? column : $"{field.ChineseName}（{column}）";
    }
}
