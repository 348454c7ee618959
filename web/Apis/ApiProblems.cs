using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Semantic;

namespace QualityAnalytics.Web.Apis;

/// <summary>The 400 answers a page can provoke by its URL (a quarter or slicer typed by hand, a stale bookmark), said in
/// the page's language from the same resources as the pages: the dashboard shows a problem's detail as it comes.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotAQuarter(IStringLocalizer<SharedResource> text, string value) =>
        TypedResults.Problem(text["api.query.NotAQuarter", value], statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult Rejected(IStringLocalizer<SharedResource> text, QueryRejectedException rejection) =>
        TypedResults.Problem(text["api.query." + rejection.Reason, [.. rejection.Arguments]], statusCode: StatusCodes.Status400BadRequest);
}
