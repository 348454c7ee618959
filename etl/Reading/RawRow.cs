namespace QualityAnalytics.Etl.Reading;

/// <summary>One data row of a file or sheet, before any interpretation.</summary>
/// <param name="Line">
/// 1-based. CSV: the physical line on which the record starts (a multi-line quoted field makes the lines of
/// later records larger). XLSX: the Excel row number.
/// </param>
/// <param name="Cells">Trimmed values; may be fewer or more than the header has (the caller decides what that means).</param>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The workbook cells of the row that hold no value (an error value, a formula never calculated), in
    /// column order; null for nearly every row, and always for a CSV's (a CSV carries no cell types).</summary>
    public IReadOnlyList<CellFlaw>? Flaws { get; init; }
}
