using System.Security.Claims;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>A quarter's assessment (scoped), the explanation of any department's numbers, the what-if, and approval.</summary>
internal static class AssessmentApi
{
    public static void MapAssessmentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/assessments/{quarter}", (string quarter, ClaimsPrincipal user, WarehouseDb warehouse) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return Results.Problem($"'{quarter}' is not a quarter such as 2026Q2.", statusCode: 400);
            using var db = warehouse.CreateContext();
            var scored = AssessmentMart.Stored(db, q, PolicyFile.Default.For(q));
            if (scored is null) return Results.NotFound();
            var scope = UserScope.RowScopeOf(user);
            return Results.Ok(new
            {
                quarter = q.ToString(),
                policy_version = scored.Policy.Version,
                approval = scored.Approval is { } a ? new { approved_by = a.ApprovedBy, approved_at = a.ApprovedAt } : null,
                budget = scope.AllDepartments ? scored.Budget : null,
                differences = scored.DifferencesFromApproved.Where(d => scope.Allows(d.DepartmentCode)),
                assessments = scored.Assessments.Where(x => scope.Allows(x.DepartmentCode)).Select(x => AssessmentView.Of(x, scored)),
            });
        }).WithName("Assessment");

        api.MapGet("/assessments/{quarter}/{department}/explain", (string quarter, string department, ClaimsPrincipal user, WarehouseDb warehouse) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return Results.Problem($"'{quarter}' is not a quarter such as 2026Q2.", statusCode: 400);
            // Row-level security before any read: a manager asking about another department learns nothing, not even whether it exists.
            if (!UserScope.RowScopeOf(user).Allows(department)) return Results.NotFound();
            using var db = warehouse.CreateContext();
            var scored = AssessmentMart.Preview(db, q, PolicyFile.Default.For(q));
            var a = scored.Assessments.FirstOrDefault(x => string.Equals(x.DepartmentCode, department, StringComparison.OrdinalIgnoreCase));
            return a is null ? Results.NotFound() : Results.Ok(new
            {
                assessment = AssessmentView.Of(a, scored),
                explanation = a.Explanation.Select(l => new { component = l.Component, formula = l.Formula, source_ids = l.SourceIds }),
                source_batches = scored.SourceBatches,
            });
        }).WithName("Explain");

        api.MapPost("/assessments/{quarter}/approve", (string quarter, ClaimsPrincipal user, WarehouseDb warehouse, TimeProvider clock) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return Results.Problem($"'{quarter}' is not a quarter such as 2026Q2.", statusCode: 400);
            using var db = warehouse.CreateContext();
            try
            {
                var approval = AssessmentMart.Approve(db, q, PolicyFile.Default, user.FindFirstValue("qa:display_name") ?? user.Identity!.Name!, clock);
                return Results.Ok(new { quarter = q.ToString(), approved_by = approval.ApprovedBy, approved_at = approval.ApprovedAt });
            }
            catch (InvalidOperationException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization(Roles.CanApprove).AddEndpointFilter<AntiforgeryFilter>().WithName("Approve");
    }
}

internal static class AssessmentView
{
    public static object Of(Assessment a, ScoredQuarter q) => new
    {
        department = a.DepartmentCode, name = a.DepartmentName, quarter = a.Quarter.ToString(),
        self_check_base = a.SelfCheckBase, consistency_penalty = a.ConsistencyPenalty, self_check = a.SelfCheck, survey = a.Survey,
        complaint = a.Complaint, callback_deduction = a.CallbackDeduction, total = a.Total, grade = AssessmentRows.GradeName(a.Grade),
        amount = a.Amount, complete = a.Complete, missing = a.Missing, warnings = a.Warnings,
        rank = q.Ranks.TryGetValue(a.DepartmentCode, out var r) ? r : (int?)null,
    };
}
