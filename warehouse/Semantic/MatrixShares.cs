namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>What a share in a matrix is a share of (Power BI's "show value as percent of column total, row total,
/// grand total").</summary>
public enum MatrixShare
{
    None,
    OfColumn,
    OfRow,
    OfGrand,
}

/// <summary>Adds to a matrix each count's and sum's share of a total, as further measures beside the values
/// ("complaints_share", a rate shown as 0.0%), so the page and the export show them as any measure. Only additive
/// measures get one: a part of an average or a rate is no part of it. The totals it divides by are the matrix's own
/// (aggregated by the mart, <see cref="SemanticMatrix"/>), so a column's shares add up to 100% of that column.</summary>
public static class MatrixShares
{
    public const string Column = "column";
    public const string Row = "row";
    public const string Grand = "grand";

    public static MatrixShare Parse(string? text) => text switch
    {
        null or "" => MatrixShare.None,
        Column => MatrixShare.OfColumn,
        Row => MatrixShare.OfRow,
        Grand => MatrixShare.OfGrand,
        _ => throw new QueryRejectedException(QueryRejection.UnknownShare, $"Unknown share '{text}': {Column}, {Row} or {Grand}.", text, $"{Column}, {Row}, {Grand}"),
    };

    public static MatrixResult Add(MatrixResult matrix, MatrixShare share)
    {
        if (share == MatrixShare.None) return matrix;
        var shared = matrix.Measures.Select((m, k) => (Measure: m, At: k))
            .Where(x => x.Measure.Role == "measure" && SemanticModel.Measure(x.Measure.Name) is { Additive: true }).ToList();
        var (zh, en) = share switch
        {
            MatrixShare.OfColumn => ("占列合计", "share of column total"),
            MatrixShare.OfRow => ("占行合计", "share of row total"),
            _ => ("占总计", "share of grand total"),
        };
        var measures = matrix.Measures
            .Concat(shared.Select(x => new QueryColumn(x.Measure.Name + "_share", "share", $"{x.Measure.LabelZh}{zh}", $"{x.Measure.LabelEn} ({en})", "0.0%"))).ToList();
        var grand = matrix.Total.Total;
        // The total each number is a share of: its column's (the total line's cell of that column; a line's own total
        // is in the total column, whose total is the grand one), its line's, or the grand total.
        object?[]? Base(object?[]? lineTotal, object?[]? columnTotal) => share switch
        {
            MatrixShare.OfColumn => columnTotal,
            MatrixShare.OfRow => lineTotal,
            _ => grand,
        };
        object?[]? With(object?[]? values, object?[]? of) => values is null ? null : [.. values, .. shared.Select(x => Share(values[x.At], of?[x.At]))];
        MatrixRow Line(MatrixRow line, Func<int, object?[]?> cellWhole, object?[]? totalWhole) =>
            new(line.Value, line.Cells.Select((cell, c) => With(cell, cellWhole(c))).ToList(), With(line.Total, totalWhole)!);
        return matrix with
        {
            Measures = measures,
            Rows = [.. matrix.Rows.Select(r => Line(r, c => Base(r.Total, matrix.Total.Cells[c]), Base(r.Total, grand)))],
            // The total line: each column's total of itself (100%) or of the grand total; the grand total of itself.
            Total = Line(matrix.Total, c => share == MatrixShare.OfColumn ? matrix.Total.Cells[c] : grand, grand),
        };
    }

    /// <summary>A part over its whole to 4 places (0.0% shown), rounded half away from zero; empty where either is or
    /// the whole is zero.</summary>
    private static object? Share(object? part, object? whole)
    {
        static decimal? Number(object? v) => v switch { long l => l, decimal d => d, int i => i, _ => null };
        return (Number(part), Number(whole)) is ({ } p, { } w) && w != 0 ? Math.Round(p / w, 4, MidpointRounding.AwayFromZero) : null;
    }
}
