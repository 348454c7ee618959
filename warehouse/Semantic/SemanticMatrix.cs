using System.Data.Common;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>A matrix (a pivot table): the measures of one mart with one dimension down the side and, optionally, one
/// across the top; the query's filters, quarter range and row scope as for <see cref="SemanticQuery"/> (its
/// dimensions and limit are set here). Its order, if any, orders the lines: by the rows' dimension, or by a measure's
/// line total ("complaints desc").</summary>
public sealed record MatrixRequest
{
    public required QueryRequest Query { get; init; }
    public required string Rows { get; init; }
    public string? Columns { get; init; }
    /// <summary>Each measure beside its value in an earlier period and its change, in every cell and total.</summary>
    public Comparison Comparison { get; init; } = Comparison.None;
    /// <summary>Each count's and sum's share of its column's, its line's or the grand total, beside it.</summary>
    public MatrixShare Share { get; init; } = MatrixShare.None;
}

/// <summary>One line of a matrix: its value of the rows' dimension (null on the total line), the measures in each
/// column (in <see cref="MatrixResult.ColumnValues"/>' order; where the line has no rows in that column, a count is 0
/// and any other measure null) and the measures over the whole line.</summary>
public sealed record MatrixRow(object? Value, IReadOnlyList<object?[]?> Cells, object?[] Total);

/// <param name="Total">The total line: each column's measures over every line, and the grand total.</param>
public sealed record MatrixResult(QueryColumn RowDimension, QueryColumn? ColumnDimension, IReadOnlyList<QueryColumn> Measures,
    IReadOnlyList<object?> ColumnValues, IReadOnlyList<MatrixRow> Rows, MatrixRow Total);

/// <summary>Builds a matrix from the semantic query at each level it shows: by both dimensions (the cells), by the rows'
/// alone (each line's total), by the columns' alone (the total line) and by none (the grand total). A total is thus the
/// measure over the rows it covers, as the mart aggregates them, and never a sum of the cells: a rate's or an average's
/// total is the rate or average of everything under it (2 of 3 and 1 of 1 on time is 75%, not 167% or 83.3%), and a
/// count's total still adds up. Each of the four statements applies the row scope, so a manager's totals are their
/// department's. A mart is pre-aggregated, so the four are cheap.</summary>
public static class SemanticMatrix
{
    /// <summary>More groups than any mart has (28 quarters × 3 months × 7 departments × channels × categories is far less).</summary>
    private const int AllGroups = 100_000;

    public static MatrixResult Run(DbConnection connection, MatrixRequest request, RowScope scope)
    {
        var matrix = request.Comparison == Comparison.None ? Build(connection, request, scope) : MatrixComparison.Run(connection, request, scope);
        return MatrixShares.Add(matrix, request.Share);
    }

    internal static MatrixResult Build(DbConnection connection, MatrixRequest request, RowScope scope)
    {
        if (string.IsNullOrWhiteSpace(request.Rows))
            throw new QueryRejectedException(QueryRejection.NoMatrixRows, "Name the dimension of the matrix's rows (rows=quarter, say).");
        if (request.Columns == request.Rows)
            throw new QueryRejectedException(QueryRejection.MatrixDimensionTwice, $"The matrix's rows and columns are both '{request.Rows}': choose two dimensions.", request.Rows);

        QueryResult Ask(string[] dimensions, string? order = null) =>
            SemanticQuery.Run(connection, request.Query with { Dimensions = dimensions, OrderBy = order, Limit = AllGroups }, scope);

        var lines = Ask([request.Rows], request.Query.OrderBy);
        var measures = lines.Columns.Skip(1).ToList();
        var grand = Ask([]).Rows.Single();
        if (request.Columns is not { } across)
        {
            return new MatrixResult(lines.Columns[0], null, measures, [],
                lines.Rows.Select(r => new MatrixRow(r[0], [], r[1..])).ToList(), new MatrixRow(null, [], grand));
        }

        var columns = Ask([across]);
        var columnValues = columns.Rows.Select(r => r[0]).ToList();
        var cells = Ask([request.Rows, across]).Rows.ToDictionary(r => (r[0], r[1]), r => r[2..]);
        var rows = lines.Rows.Select(line => new MatrixRow(line[0],
            columnValues.Select(c => cells.GetValueOrDefault((line[0], c)) ?? NoRows(measures)).ToList(), line[1..])).ToList();
        return new MatrixResult(lines.Columns[0], columns.Columns[0], measures, columnValues, rows,
            new MatrixRow(null, columns.Rows.Select(r => (object?[]?)r[1..]).ToList(), grand));
    }

    /// <summary>A cell whose line and column both have data but which has no rows itself (意见箱 in a quarter without
    /// one): a count of no rows is 0, not "no data" (shown "–", it read as missing and sat beside 0s of other cells);
    /// a sum, an average or a rate of nothing has no value and stays empty.</summary>
    private static object?[] NoRows(IReadOnlyList<QueryColumn> measures) =>
        [.. measures.Select(m => SemanticModel.Measure(m.Name) is { Decimals: null } ? (object?)0L : null)];
}
