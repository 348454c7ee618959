using System.Data.Common;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>A matrix compared with an earlier period: the same matrix over the quarters moved back a quarter (or a year;
/// <see cref="EarlierPeriod.MovedBack"/>), and every cell and total of the current one given its measures' earlier
/// values and changes as further measures (so the page and the export show them as they show any measure). An earlier
/// line meets the current line of the quarter (or month) after it, or of the same value for any other dimension; an
/// earlier column likewise. Each earlier total is the earlier matrix's own total, aggregated by the mart as the current
/// one is. What the earlier period has and the current one does not (a channel no longer used) is left out, as a
/// compared query leaves out such lines. Ordered by an earlier value or a change of the lines' totals
/// ("complaints_change desc"), the lines are ordered here, once those are known.</summary>
internal static class MatrixComparison
{
    public static MatrixResult Run(DbConnection connection, MatrixRequest request, RowScope scope)
    {
        var comparison = request.Comparison;
        var order = SemanticComparison.ComparisonOrder(request.Query.OrderBy);
        var now = SemanticMatrix.Build(connection, order is null ? request : request with { Query = request.Query with { OrderBy = null } }, scope);
        var earlierQuery = EarlierPeriod.MovedBack(request.Query, comparison);
        var then = SemanticMatrix.Build(connection, request with { Query = earlierQuery with { OrderBy = null } }, scope);
        var withData = EarlierPeriod.QuartersWithData(connection, earlierQuery, scope);

        var down = now.RowDimension.Name;
        var across = now.ColumnDimension?.Name;
        var earlierLines = then.Rows.ToDictionary(r => Key(EarlierPeriod.Forward(down, r.Value, comparison)));
        var earlierColumns = then.ColumnValues.Select((v, i) => (Key(EarlierPeriod.Forward(across!, v, comparison)), i)).ToDictionary(x => x.Item1, x => x.i);

        // The current column values' places in the earlier matrix (-1 where it has no such column).
        var placeThen = now.ColumnValues.Select(v => earlierColumns.GetValueOrDefault(Key(v), -1)).ToList();
        // Whether the earlier period of a cell (its line's and column's values; the total line has no line value) holds data.
        bool HasData(MatrixRow line, object? column, bool inColumn) => EarlierPeriod.HasData(
            [.. (ReferenceEquals(line, now.Total) ? [] : new[] { (down, line.Value) }), .. (inColumn ? new[] { (across!, column) } : [])], comparison, withData);
        MatrixRow Line(MatrixRow current, MatrixRow? earlier) => new(current.Value,
            current.Cells.Select((cell, c) => EarlierPeriod.Compared(cell, earlier is not null && placeThen[c] >= 0 ? earlier.Cells[placeThen[c]] : null, now.Measures,
                HasData(current, now.ColumnValues[c], inColumn: true))).ToList(),
            EarlierPeriod.Compared(current.Total, earlier?.Total, now.Measures, HasData(current, null, inColumn: false))!);

        var rows = now.Rows.Select(r => Line(r, earlierLines.GetValueOrDefault(Key(r.Value)))).ToList();
        var measures = now.Measures.Concat(EarlierPeriod.Columns(now.Measures, comparison)).ToList();
        if (order is { } o)
        {
            var at = SemanticComparison.OrderColumn(measures, o.Column);
            rows = [.. SemanticComparison.Sorted(rows, r => r.Total[at], o.Descending)];
        }
        return new MatrixResult(now.RowDimension, now.ColumnDimension, measures, now.ColumnValues, rows, Line(now.Total, then.Total));
    }

    /// <summary>A dimension's value as a dictionary key (a null value is a value too: a line of no channel).</summary>
    private static string Key(object? value) => value is null ? "\u0000" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
}
