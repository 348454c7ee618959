namespace QualityAnalytics.Etl.Reading;

/// <summary>One data row of a file or sheet, before any interpretation.</summary>
/// <param name="Line">
/// 1-based. CSV: the physical line on which the record starts (a multi-line quoted field makes the lines of
/// later records larger). XLSX: the Excel row number.
/// </param>
/// <param name="Cells">Trimmed values; may be fewer or more than the header has (the caller decides what that means).</param>
public record RawRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The workbook cells of the row that hold no value (an error value, a formula never calculated), in
    /// column order; null for nearly every row, and always for a CSV's (a CSV carries no cell types).</summary>
    /// <remarks>Virtual, carried by <see cref="FlawedRawRow"/> only: a bulk load allocates one row object per record,
    /// and a field here would add 8 bytes to each of them (~7.6 MiB more per million complaints, measured by the
    /// benchmark) for what nearly no row has.</remarks>
    public virtual IReadOnlyList<CellFlaw>? Flaws => null;

    /// <summary>The row, with its flawed cells when it has any.</summary>
    public static RawRow Of(int line, IReadOnlyList<string> cells, IReadOnlyList<CellFlaw>? flaws) =>
        flaws is null ? new RawRow(line, cells) : new FlawedRawRow(line, cells, flaws);
}

/// <summary>A workbook row with cells that hold no value (<see cref="RawRow.Flaws"/>).</summary>
public sealed record FlawedRawRow(int Line, IReadOnlyList<string> Cells, IReadOnlyList<CellFlaw> CellFlaws)
    : RawRow(Line, Cells)
{
    public override IReadOnlyList<CellFlaw>? Flaws => CellFlaws;
}
