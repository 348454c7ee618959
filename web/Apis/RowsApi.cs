using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Semantic;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>/api/rows/{kind}: the rows behind every number, paged, sorted and searched on the server; and their export.</summary>
internal static class RowsApi
{
    public static void MapRowsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/rows/{kind}", (string kind, HttpContext http, WarehouseDb warehouse, IStringLocalizer<SharedResource> text) =>
        {
            try
            {
                using var connection = warehouse.OpenReadConnection();
                var page = RowQuery.Run(connection, kind, ApiRequests.Rows(http.Request), UserScope.RowScopeOf(http.User));
                return Results.Ok(new
                {
                    columns = page.Columns.Select(c => new { name = c.Name, label_zh = c.LabelZh, label_en = c.LabelEn }),
                    rows = page.Rows, total = page.Total, page = page.Page, page_size = page.PageSize,
                });
            }
            catch (QueryRejectedException ex)
            {
                return ApiProblems.Rejected(text, ex);
            }
        }).WithName("Rows").WithSummary("Complaints, checks or survey answers behind a number (row-level security applied).");

        api.MapGet("/rows/{kind}/counts", (string kind, string by, HttpContext http, WarehouseDb warehouse, IStringLocalizer<SharedResource> text) =>
        {
            try
            {
                using var connection = warehouse.OpenReadConnection();
                return Results.Ok(RowQuery.CountsBy(connection, kind, by, ApiRequests.Rows(http.Request), UserScope.RowScopeOf(http.User))
                    .Select(c => new { value = c.Value, count = c.Count }));
            }
            catch (QueryRejectedException ex)
            {
                return ApiProblems.Rejected(text, ex);
            }
        }).WithName("RowCounts").WithSummary("How many of the same rows hold each value of one filterable column (?by=reply_status…), row-level security applied.");

        api.MapGet("/rows/{kind}/export", (string kind, string format, HttpContext http, WarehouseDb warehouse, TimeProvider clock, IStringLocalizer<SharedResource> text) =>
        {
            try
            {
                using var connection = warehouse.OpenReadConnection();
                var (columns, rows) = RowQuery.All(connection, kind, ApiRequests.Rows(http.Request), UserScope.RowScopeOf(http.User));
                return Exports.File(format, kind, columns.Select(c => Exports.Label(c.LabelZh, c.LabelEn)).ToList(),
                    new ShownValues(text).Rows([.. columns.Select(c => c.Name)], rows), clock, text);
            }
            catch (QueryRejectedException ex)
            {
                return ApiProblems.Rejected(text, ex);
            }
        }).WithName("RowsExport").WithSummary("The same rows as CSV (UTF-8 with BOM) or XLSX, coded values in the page's words.");
    }
}
