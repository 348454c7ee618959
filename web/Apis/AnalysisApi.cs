using System.Security.Claims;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>The analysis of a quarter for the dashboard: the ranked findings (第十五条: 分析存在的问题), and one
/// department's trends with forecast band, control chart and survey questions. Row-level security: a manager gets
/// their department's findings only, and no company-wide ones (they are computed from every department's rows).</summary>
internal static class AnalysisApi
{
    public static void MapAnalysisApi(this RouteGroupBuilder api)
    {
        api.MapGet("/findings/{quarter}", (string quarter, ClaimsPrincipal user, AnalysisCache analyses, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            var scope = UserScope.RowScopeOf(user);
            var analysis = analyses.For(q);
            var visible = analysis.Findings.Where(f => f.DepartmentCode is null ? scope.AllDepartments : scope.Allows(f.DepartmentCode));
            return Results.Ok(visible.Select(f => new
            {
                rank = f.Rank, kind = f.Kind, severity = Math.Round(f.Severity, 1, MidpointRounding.AwayFromZero), department = f.DepartmentCode, department_name = f.DepartmentName,
                title_zh = f.TitleZh, title_en = f.TitleEn, evidence_zh = f.EvidenceZh, evidence_en = f.EvidenceEn,
                evidence_zh_clauses = f.EvidenceZhClauses, evidence_en_clauses = f.EvidenceEnClauses, points = f.Points,
            }));
        }).WithName("Findings").WithSummary("The ranked problems of a quarter, each with its evidence.");

        api.MapGet("/analysis/{quarter}/departments/{department}", (string quarter, string department, string? from, ClaimsPrincipal user, AnalysisCache analyses,
            WarehouseDb warehouse, TimeProvider clock, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            Quarter? first = null;
            if (from is not null)
            {
                if (!Quarter.TryParse(from, out var f)) return ApiProblems.NotAQuarter(text, from);
                first = f;
            }
            if (!UserScope.RowScopeOf(user).Allows(department)) return Results.NotFound();
            var analysis = analyses.For(q);
            var trends = analysis.Trends.FirstOrDefault(t => string.Equals(t.DepartmentCode, department, StringComparison.OrdinalIgnoreCase));
            if (trends is null) return Results.NotFound();
            return Results.Ok(new
            {
                quarter = q.ToString(),
                // The moment the quarter's open complaints are judged at (OpenComplaintsAsOf), the date the report prints.
                as_of = analysis.AsOf,
                // Each quarter's own moment, from `from` (default: the analysis's history) to the quarter: the history's
                // on-time rates are judged as of these, not as of the quarter's.
                quarters_as_of = QuartersAsOf.Of(analysis, first, q, warehouse, clock),
                trends,
                control_charts = analysis.ControlCharts.Departments.Where(c => string.Equals(c.DepartmentCode, department, StringComparison.OrdinalIgnoreCase)),
                survey = analysis.Survey.Questions.Where(s => string.Equals(s.DepartmentCode, department, StringComparison.OrdinalIgnoreCase)),
                service_targets = analysis.ServiceTargets.History.Where(r => string.Equals(r.DepartmentCode, department, StringComparison.OrdinalIgnoreCase)),
                late = analysis.ServiceTargets.Late.Where(r => string.Equals(r.DepartmentCode, department, StringComparison.OrdinalIgnoreCase)),
                // Years the quarter's solution deadlines reach whose holidays are not imported yet (the calendar's, not a department's).
                uncalendared_years = analysis.ServiceTargets.UncalendaredYears,
            });
        }).WithName("DepartmentAnalysis").WithSummary("One department's trends with forecast, control chart, survey questions and service targets.");

        // The overview's on-time KPI comes from the marts; this says what its figures rest on: whether its deadlines could
        // use the year's holidays, and the moment the quarter's open complaints are judged at (OpenComplaintsAsOf).
        api.MapGet("/calendar/{quarter}", (string quarter, AnalysisCache analyses, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            var analysis = analyses.For(q);
            return Results.Ok(new { quarter = q.ToString(), uncalendared_years = analysis.ServiceTargets.UncalendaredYears, as_of = analysis.AsOf });
        }).WithName("CalendarCoverage")
            .WithSummary("The years after the calendar's last imported one that the quarter's solution deadlines count days in (weekdays only until imported), "
                + "and the moment (Asia/Shanghai wall time) its open complaints are judged at.");
    }
}
