using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Jobs;
using QualityAnalytics.Web.Reports;

namespace QualityAnalytics.Web.Apis;

/// <summary>The quarterly PDFs: list, download, generate one now. A report holds every department's results, so a
/// department manager may not download it (row-level security: their rows are on the dashboard).</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").RequireAuthorization(p => p.RequireRole(Roles.Committee, Roles.WorkingGroup, Roles.Viewer));

        reports.MapGet("", (ReportArchive archive) => Results.Ok(archive.List().Select(e => new
        {
            file = e.File, quarter = e.Quarter, language = e.Language, size_bytes = e.SizeBytes, written_at = e.WrittenAt,
        }))).WithName("Reports");

        reports.MapGet("/{file}", (string file, ReportArchive archive) =>
            archive.PathOf(file) is { } path ? Results.File(path, "application/pdf", file) : Results.NotFound()).WithName("ReportDownload");

        reports.MapPost("/{quarter}", (string quarter, QuarterlyReportJob job, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            var written = job.Generate(q);
            return Results.Ok(new { quarter = q.ToString(), files = written.Select(Path.GetFileName) });
        }).RequireAuthorization(p => p.RequireRole(Roles.Committee, Roles.WorkingGroup)).AddEndpointFilter<AntiforgeryFilter>()
          .WithName("GenerateReport").WithSummary("Generate the quarter's report (zh-CN and en) now and store it.");
    }
}
