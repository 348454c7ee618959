using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Semantic;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>/api/query: measures × dimensions × filters over the marts, with the caller's row scope; and its export.</summary>
internal static class QueryApi
{
    public static void MapQueryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/query", (HttpContext http, WarehouseDb warehouse) => Run(http, warehouse, r => TypedResults.Ok(QueryJson.Of(r))))
            .WithName("Query").WithSummary("Aggregate measures by dimensions with filters (row-level security applied).")
            .WithDescription("measures=a,b&dimensions=quarter,department&from=2025Q1&to=2026Q2&department=LOG&channel=电话&order=total desc&limit=100" +
                "; compare=previous|year adds each measure's value in the quarter before (or a year before) and the change (by quarter or month each line beside its earlier quarter or month; without the quarter among the dimensions, the whole range beside the range moved back), and order= may name them (order=complaints_change desc: the biggest rises first)");
        api.MapGet("/query/export", (HttpContext http, WarehouseDb warehouse, string format, TimeProvider clock, IStringLocalizer<SharedResource> text) =>
                Run(http, warehouse, r => Exports.File(format, "query", r.Columns.Select(c => Exports.Label(c.LabelZh, c.LabelEn)).ToList(),
                    new ShownValues(text).Rows([.. r.Columns.Select(c => c.Name)], r.Rows), clock, text)))
            .WithName("QueryExport").WithSummary("The same query as CSV (UTF-8 with BOM) or XLSX.");
        // The picker's labels: a late count names its deadline when every version of the policy sets the same one.
        api.MapGet("/model", (PolicyProvider policies) => TypedResults.Ok(new
        {
            measures = SemanticModel.Measures.Select(m => (m, labels: MeasureLabels.For(m, QueryTargets.Over(policies, null, null, null))))
                .Select(x => new { x.m.Name, x.m.Mart, label_zh = x.labels.Label.Zh, label_en = x.labels.Label.En, note_zh = x.labels.Note?.Zh, note_en = x.labels.Note?.En, x.m.Format }),
            dimensions = SemanticModel.Dimensions.Select(d => new { d.Name, label_zh = d.LabelZh, label_en = d.LabelEn }),
            marts = SemanticModel.Marts.Select(m => new { m.Name, dimensions = m.Dimensions.Keys }),
        })).WithName("Model").WithSummary("The measures and dimensions /api/query accepts.");
    }

    private static IResult Run(HttpContext http, WarehouseDb warehouse, Func<QueryResult, IResult> answer)
    {
        try
        {
            using var connection = warehouse.OpenReadConnection();
            var comparison = SemanticComparison.Parse(ApiRequests.Text(http.Request, "compare"));
            return answer(SemanticComparison.Run(connection, ApiRequests.Query(http.Request), comparison, UserScope.RowScopeOf(http.User)));
        }
        catch (QueryRejectedException ex)
        {
            return ApiProblems.Rejected(http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>(), ex);
        }
    }
}

internal static class QueryJson
{
    public static object Of(QueryResult r) => new
    {
        columns = r.Columns.Select(c => new { name = c.Name, role = c.Role, label_zh = c.LabelZh, label_en = c.LabelEn, note_zh = c.NoteZh, note_en = c.NoteEn, format = c.Format }),
        rows = r.Rows,
    };
}
