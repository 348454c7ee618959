using System.Globalization;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>The complaints that missed a service target in a quarter (the report's "未按时处理的投诉"), for the overview
/// (every department the user may see) and a department's page, narrowed by the pages' department, channel and category
/// slicers; as JSON and as a file. Row-level security in the query: a manager's own department only.</summary>
internal static class LateComplaintsApi
{
    public static void MapLateComplaintsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/analysis/{quarter}/late", (string quarter, string? department, string? channel, string? category, HttpContext http, AnalysisCache analyses,
            IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            return Results.Ok(Visible(analyses.For(q).ServiceTargets.Late, http, department, channel, category));
        }).WithName("LateComplaints").WithSummary("The complaints that missed a service target in a quarter (slicers: department, channel, category).");

        api.MapGet("/analysis/{quarter}/late/export", (string quarter, string format, string? department, string? channel, string? category,
            HttpContext http, AnalysisCache analyses, TimeProvider clock, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            var late = Visible(analyses.For(q).ServiceTargets.Late, http, department, channel, category);
            string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var header = new[] { "js.late.complaint", "js.slicer.department", "js.late.target", "js.slicer.channel", "js.slicer.category", "js.late.received",
                "js.late.due", "js.late.done", "js.late.status" }.Select(key => text[key].Value).ToList();
            var rows = late.Select(l => new object?[]
            {
                l.ComplaintId, l.DepartmentCode, text["js.late.target." + l.Target].Value, l.Channel, l.Category, Time(l.ReceivedAt),
                l.DueText, l.DoneAt is { } done ? Time(done) : null, text["js.targetStatus." + l.Status].Value,
            });
            return Exports.File(format, department is null ? $"late-{q}" : $"late-{department}-{q}", header,
                new ShownValues(text).Rows(["complaint_id", "department", "target", "channel", "category", "received", "due", "done", "status"], rows), clock, text);
        }).WithName("LateComplaintsExport").WithSummary("The same complaints as CSV or XLSX, in the page's words.");
    }

    /// <summary>The late complaints the user may see (row-level security) under the slicers (none: all).</summary>
    private static List<LateComplaint> Visible(IEnumerable<LateComplaint> late, HttpContext http, string? department, string? channel, string? category)
    {
        var scope = UserScope.RowScopeOf(http.User);
        return [.. late.Where(l => scope.Allows(l.DepartmentCode)
            && (string.IsNullOrEmpty(department) || string.Equals(l.DepartmentCode, department, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(channel) || l.Channel == channel) && (string.IsNullOrEmpty(category) || l.Category == category))];
    }
}
