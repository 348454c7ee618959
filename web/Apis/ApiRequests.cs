using QualityAnalytics.Warehouse.Semantic;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>Reads the slicers from the query string, the same way for every endpoint, so that a page's URL state
/// (?from=2025Q1&amp;to=2026Q2&amp;department=LOG&amp;channel=电话…) can be handed to any API call as it is.</summary>
internal static class ApiRequests
{
    public static readonly string[] FilterNames = ["quarter", "month", "department", "grade", "channel", "category", "kind", "question", "complaint_id", "check_id", "response_id", "callback_id", "finding", "reply_status", "solution_status"];

    public static Dictionary<string, IReadOnlyList<string>> Filters(HttpRequest request) =>
        FilterNames.Where(name => request.Query.ContainsKey(name))
            .ToDictionary(name => name, name => (IReadOnlyList<string>)request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList());

    public static QueryRequest Query(HttpRequest request) => new()
    {
        Measures = List(request, "measures"),
        Dimensions = List(request, "dimensions"),
        Filters = Filters(request),
        QuarterFrom = Text(request, "from"),
        QuarterTo = Text(request, "to"),
        OrderBy = Text(request, "order"),
        Limit = int.TryParse(Text(request, "limit"), out var limit) ? limit : 1000,
        ServiceTargets = QueryTargets.Over(request.HttpContext.RequestServices.GetRequiredService<PolicyProvider>(),
            Text(request, "from"), Text(request, "to"), Filters(request).GetValueOrDefault("quarter")),
    };

    public static RowQuery.RowRequest Rows(HttpRequest request) => new()
    {
        QuarterFrom = Text(request, "from"),
        QuarterTo = Text(request, "to"),
        Filters = Filters(request),
        Search = Text(request, "search"),
        Sort = Text(request, "sort"),
        Descending = Text(request, "dir") == "desc",
        Page = int.TryParse(Text(request, "page"), out var page) ? page : 1,
        PageSize = int.TryParse(Text(request, "page_size"), out var size) ? size : 50,
    };

    public static string? Text(HttpRequest request, string name) => request.Query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;

    private static List<string> List(HttpRequest request, string name) =>
        request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
