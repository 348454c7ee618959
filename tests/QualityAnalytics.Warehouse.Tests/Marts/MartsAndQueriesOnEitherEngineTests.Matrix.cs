using QualityAnalytics.Warehouse.Semantic;

namespace QualityAnalytics.Warehouse.Tests.Marts;

/// <summary>The matrix over the same facts, on either engine: its totals are the measures aggregated again at their
/// level, never the cells added up, and the row scope holds for the totals too.</summary>
public sealed partial class MartsAndQueriesOnEitherEngineTests
{
    private static MatrixRequest RepliesByDepartmentAndMonth => new()
    {
        Query = new QueryRequest { Measures = ["complaints", "reply_on_time_rate"] }, Rows = "department", Columns = "month",
    };

    [Fact]
    public void A_matrix_totals_each_line_and_column_from_the_mart_not_by_adding_its_cells()
    {
        using var connection = _warehouse.OpenConnection();

        var matrix = SemanticMatrix.Run(connection, RepliesByDepartmentAndMonth, RowScope.Everything);

        Assert.Equal(("department", "month"), (matrix.RowDimension.Name, matrix.ColumnDimension!.Name));
        Assert.Equal(["complaints", "reply_on_time_rate"], matrix.Measures.Select(m => m.Name));
        Assert.Equal(["2026-04", "2026-05"], matrix.ColumnValues);
        // LOG: 3 complaints in April, 2 of 3 replies on time. WUH: 1 in May, unanswered past its deadline (0 of 1).
        var log = matrix.Rows.Single(r => Equals(r.Value, "LOG"));
        var wuh = matrix.Rows.Single(r => Equals(r.Value, "WUH"));
        // A department with no complaints in a month has a count of 0 there, and no on-time rate (a rate of nothing).
        Assert.Equal(new object?[]?[] { [3L, 0.6667m], [0L, null] }, log.Cells);
        Assert.Equal(new object?[] { 3L, 0.6667m }, log.Total);
        Assert.Equal(new object?[]?[] { [0L, null], [1L, 0m] }, wuh.Cells);
        Assert.Equal(new object?[] { 1L, 0m }, wuh.Total);
        // The total line: each month over both departments, and the whole. The rate is 2 on time of 4 due, 0.5; adding
        // or averaging the lines' rates would give 0.6667 or 0.3333.
        Assert.Null(matrix.Total.Value);
        Assert.Equal(new object?[]?[] { [3L, 0.6667m], [1L, 0m] }, matrix.Total.Cells);
        Assert.Equal(new object?[] { 4L, 0.5m }, matrix.Total.Total);
    }

    [Fact]
    public void A_managers_matrix_and_its_totals_hold_only_their_department()
    {
        using var connection = _warehouse.OpenConnection();

        var matrix = SemanticMatrix.Run(connection, RepliesByDepartmentAndMonth, RowScope.Only("WUH"));

        Assert.Equal(["WUH"], matrix.Rows.Select(r => r.Value));
        Assert.Equal(["2026-05"], matrix.ColumnValues);
        Assert.Equal(new object?[] { 1L, 0m }, matrix.Total.Total);
    }

    [Fact]
    public void A_matrix_without_columns_is_its_lines_and_their_total()
    {
        using var connection = _warehouse.OpenConnection();

        var matrix = SemanticMatrix.Run(connection, new MatrixRequest { Query = new QueryRequest { Measures = ["checks", "check_score"] }, Rows = "kind" }, RowScope.Everything);

        Assert.Null(matrix.ColumnDimension);
        Assert.Empty(matrix.ColumnValues);
        // self: 95.5 and 100 → 97.75; spot: 94.25; all three: 289.75 / 3 = 96.583… → 96.58 (not the mean of the lines, 96.00).
        Assert.Equal(new object?[][] { [2L, 97.75m], [1L, 94.25m] }, matrix.Rows.Select(r => r.Total));
        Assert.Equal(["self", "spot"], matrix.Rows.Select(r => r.Value));
        Assert.All(matrix.Rows, r => Assert.Empty(r.Cells));
        Assert.Equal(new object?[] { 3L, 96.58m }, matrix.Total.Total);
    }

    [Fact]
    public void A_matrixs_lines_follow_the_order_asked_by_a_measures_line_total()
    {
        using var connection = _warehouse.OpenConnection();
        MatrixResult Ordered(string? order) => SemanticMatrix.Run(connection,
            RepliesByDepartmentAndMonth with { Query = RepliesByDepartmentAndMonth.Query with { OrderBy = order } }, RowScope.Everything);

        Assert.Equal(["LOG", "WUH"], Ordered(null).Rows.Select(r => r.Value));
        Assert.Equal(["WUH", "LOG"], Ordered("complaints").Rows.Select(r => r.Value)); // 1 before 3
        Assert.Equal(["WUH", "LOG"], Ordered("department desc").Rows.Select(r => r.Value));
        // The columns keep their own order whatever the lines'.
        Assert.Equal(["2026-04", "2026-05"], Ordered("complaints").ColumnValues);
        Assert.Equal(QueryRejection.OrderNotRequested, Assert.Throws<QueryRejectedException>(() => Ordered("month")).Reason);
    }

    [Theory]
    [InlineData("", null, QueryRejection.NoMatrixRows)]
    [InlineData("month", "month", QueryRejection.MatrixDimensionTwice)]
    [InlineData("grade", null, QueryRejection.DimensionNotInMart)]
    public void A_matrix_the_model_cannot_answer_is_refused(string rows, string? columns, QueryRejection reason)
    {
        using var connection = _warehouse.OpenConnection();

        var refused = Assert.Throws<QueryRejectedException>(() => SemanticMatrix.Run(connection,
            new MatrixRequest { Query = new QueryRequest { Measures = ["complaints"] }, Rows = rows, Columns = columns }, RowScope.Everything));
        Assert.Equal(reason, refused.Reason);
    }
}
