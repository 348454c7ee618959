using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Semantic;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>/api/query/matrix: the explore page's matrix (a pivot table with the totals of each row, each column and
/// the whole, each computed by the mart rather than added up), and its export laid out as it is shown.</summary>
internal static class MatrixApi
{
    public static void MapMatrixApi(this RouteGroupBuilder api)
    {
        api.MapGet("/query/matrix", (HttpContext http, WarehouseDb warehouse) => Run(http, warehouse, m => TypedResults.Ok(Json(m))))
            .WithName("QueryMatrix").WithSummary("Measures by one dimension down and one across, with row, column and grand totals (row-level security applied).")
            .WithDescription("measures=complaints,reply_on_time_rate&rows=quarter&columns=channel&from=2025Q1&to=2026Q2&department=LOG" +
                "; compare=previous|year adds, in every cell and total, each measure's value in the quarters moved back a quarter (or a year) and the change, as further measures (complaints_earlier, complaints_change), and order= may name them" +
                "; share=column|row|grand adds each count's and sum's share of its column's, its line's or the grand total (complaints_share)");
        api.MapGet("/query/matrix/export", (HttpContext http, WarehouseDb warehouse, string format, TimeProvider clock, IStringLocalizer<SharedResource> text) =>
                Run(http, warehouse, m =>
                {
                    var table = new MatrixTable(m, new ShownValues(text), DepartmentNames(warehouse), text["js.matrix.total"].Value);
                    return Exports.File(format, "matrix", table.Header(), table.Lines(), clock, text);
                }))
            .WithName("QueryMatrixExport").WithSummary("The same matrix as CSV (UTF-8 with BOM) or XLSX: a column per column value and measure, then the totals.");
    }

    private static IResult Run(HttpContext http, WarehouseDb warehouse, Func<MatrixResult, IResult> answer)
    {
        try
        {
            using var connection = warehouse.OpenReadConnection();
            var request = new MatrixRequest
            {
                Query = ApiRequests.Query(http.Request),
                Rows = ApiRequests.Text(http.Request, "rows") ?? "",
                Columns = ApiRequests.Text(http.Request, "columns"),
                Comparison = SemanticComparison.Parse(ApiRequests.Text(http.Request, "compare")),
                Share = MatrixShares.Parse(ApiRequests.Text(http.Request, "share")),
            };
            return answer(SemanticMatrix.Run(connection, request, UserScope.RowScopeOf(http.User)));
        }
        catch (QueryRejectedException ex)
        {
            return ApiProblems.Rejected(http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>(), ex);
        }
    }

    private static object Json(MatrixResult m) => new
    {
        rows_dimension = Column(m.RowDimension),
        columns_dimension = m.ColumnDimension is { } c ? Column(c) : null,
        measures = m.Measures.Select(Column),
        column_values = m.ColumnValues,
        rows = m.Rows.Select(Line),
        total = Line(m.Total),
    };

    private static object Column(QueryColumn c) => new { name = c.Name, role = c.Role, label_zh = c.LabelZh, label_en = c.LabelEn, note_zh = c.NoteZh, note_en = c.NoteEn, format = c.Format };

    private static object Line(MatrixRow r) => new { value = r.Value, cells = r.Cells, total = r.Total };

    /// <summary>Every department's current name by code: a matrix's headings name departments as the chart does.</summary>
    private static IReadOnlyDictionary<string, string> DepartmentNames(WarehouseDb warehouse)
    {
        using var db = warehouse.CreateContext();
        return db.Departments.AsNoTracking().Where(d => d.IsCurrent).Select(d => new { d.Code, d.Name }).ToList()
            .ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
    }
}
