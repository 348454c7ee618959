using System.Globalization;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>The complaints of one department that missed a service target in a quarter (the report's "未按时处理的投诉"),
/// as a file: the department page lists them from its analysis (<c>late</c>) and exports them here, narrowed by the
/// same channel and category slicers. Row-level security: a manager's own department only, as the analysis API.</summary>
internal static class LateComplaintsApi
{
    public static void MapLateComplaintsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/analysis/{quarter}/departments/{department}/late/export", (string quarter, string department, string format, string? channel, string? category,
            HttpContext http, AnalysisCache analyses, TimeProvider clock, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            if (!UserScope.RowScopeOf(http.User).Allows(department)) return Results.NotFound();
            var late = Narrowed(analyses.For(q).ServiceTargets.Late, department, channel, category);
            string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var header = new[] { "js.late.complaint", "js.late.target", "js.slicer.channel", "js.slicer.category", "js.late.received", "js.late.due", "js.late.done", "js.late.status" }
                .Select(key => text[key].Value).ToList();
            var rows = late.Select(l => new object?[]
            {
                l.ComplaintId, text["js.late.target." + l.Target].Value, l.Channel, l.Category, Time(l.ReceivedAt), ServiceTargetRules.DeadlineText(l.Due),
                l.DoneAt is { } done ? Time(done) : null, text["js.late.status." + l.Status].Value,
            });
            return Exports.File(format, $"late-{department}-{q}", header, new ShownValues(text).Rows(["complaint_id", "target", "channel", "category", "received", "due", "done", "status"], rows), clock, text);
        }).WithName("LateComplaintsExport").WithSummary("One department's complaints that missed a service target in a quarter, as CSV or XLSX (slicers: channel, category).");
    }

    /// <summary>The department's late complaints under the page's channel and category slicers (none: all).</summary>
    public static IEnumerable<LateComplaint> Narrowed(IEnumerable<LateComplaint> late, string department, string? channel, string? category) =>
        late.Where(l => string.Equals(l.DepartmentCode, department, StringComparison.OrdinalIgnoreCase)
            && (string.IsNullOrEmpty(channel) || l.Channel == channel) && (string.IsNullOrEmpty(category) || l.Category == category));
}
