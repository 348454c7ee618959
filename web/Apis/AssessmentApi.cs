using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>A quarter's assessment (scoped), the explanation of any department's numbers, the what-if, and approval.</summary>
internal static class AssessmentApi
{
    public static void MapAssessmentApi(this RouteGroupBuilder api)
    {
        api.MapGet("/assessments/{quarter}", (string quarter, ClaimsPrincipal user, WarehouseDb warehouse, PolicyProvider policies, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            using var db = warehouse.CreateContext();
            var set = policies.Current();
            var scored = AssessmentMart.Stored(db, q, set.For(q));
            if (scored is null) return Results.NotFound();
            var scope = UserScope.RowScopeOf(user);
            return Results.Ok(new
            {
                quarter = q.ToString(),
                policy_version = scored.Policy.Version,
                approval = scored.Approval is { } a ? ApprovalView(a, set) : null,
                budget = scope.AllDepartments ? scored.Budget : null,
                // What the report of an approved quarter prints: the snapshot's amounts, which a later correction leaves alone
                // while the draft's budget above moves with it.
                approved_budget = scope.AllDepartments && scored.Approval is { } approved
                    ? BudgetSummary.OfAmounts(db.ApprovedAssessments.AsNoTracking().Where(x => x.ApprovalId == approved.Id).Select(x => x.Amount).ToList(), scored.Policy)
                    : null,
                differences = scored.DifferencesFromApproved.Where(d => scope.Allows(d.DepartmentCode)),
                assessments = scored.Assessments.Where(x => scope.Allows(x.DepartmentCode)).Select(x => AssessmentView.Of(x, scored)),
            });
        }).WithName("Assessment");

        api.MapGet("/assessments/{quarter}/{department}/explain", (string quarter, string department, ClaimsPrincipal user, WarehouseDb warehouse, PolicyProvider policies,
            IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            // Row-level security before any read: a manager asking about another department learns nothing, not even whether it exists.
            if (!UserScope.RowScopeOf(user).Allows(department)) return Results.NotFound();
            using var db = warehouse.CreateContext();
            var scored = AssessmentMart.Preview(db, q, policies.Current().For(q));
            var a = scored.Assessments.FirstOrDefault(x => string.Equals(x.DepartmentCode, department, StringComparison.OrdinalIgnoreCase));
            return a is null ? Results.NotFound() : Results.Ok(new
            {
                assessment = AssessmentView.Of(a, scored),
                // In the request's language (the dashboard's zh-CN or en), like the rest of the page.
                explanation = a.Explanation.Select(l => new { component = l.Component, formula = l.FormulaIn(CultureInfo.CurrentUICulture), source_ids = l.SourceIds }),
                source_batches = scored.SourceBatches,
            });
        }).WithName("Explain");

        api.MapPost("/assessments/{quarter}/approve", (string quarter, ClaimsPrincipal user, WarehouseDb warehouse, PolicyProvider policies, TimeProvider clock,
            IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            using var db = warehouse.CreateContext();
            try
            {
                var approval = AssessmentMart.Approve(db, q, policies.Current(), user.FindFirstValue("qa:display_name") ?? user.Identity!.Name!, clock);
                return Results.Ok(new { quarter = q.ToString(), approved_by = approval.ApprovedBy, approved_at = approval.ApprovedAt });
            }
            catch (ApprovalRefusedException ex)
            {
                var why = ex.Reason == ApprovalRefusal.AlreadyApproved ? text["api.approve.already", q.ToString()] : text["api.approve.nothing", q.ToString()];
                return Results.Problem(why, statusCode: StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization(Roles.CanApprove).AddEndpointFilter<AntiforgeryFilter>().WithName("Approve");

        api.MapPost("/assessments/{quarter}/what-if", async (string quarter, HttpRequest request, WarehouseDb warehouse, PolicyProvider policies,
            IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            using var reader = new StreamReader(request.Body);
            PolicySet other;
            try { other = PolicyFile.Parse(await reader.ReadToEndAsync(), "the posted policy"); }
            // In the page's language, lead and problems alike; each problem names the file's own key, as the file writes it.
            // Text that is not JSON at all comes here too, as one problem with its line and column (PolicyFile.Parse).
            catch (PolicyValidationException ex)
            {
                var problems = ex.ProblemsIn(CultureInfo.CurrentUICulture);
                return Results.Problem(text["api.policy.invalid", problems.Count, string.Join(text["api.policy.separator"], problems)], statusCode: 400);
            }
            using var db = warehouse.CreateContext();
            var active = policies.Current().For(q);
            var stored = AssessmentMart.Stored(db, q, active) ?? AssessmentMart.Preview(db, q, active);
            var whatIf = AssessmentMart.Preview(db, q, other.For(q));
            return Results.Ok(new
            {
                quarter = q.ToString(), stored_policy = active.Version, what_if_policy = whatIf.Policy.Version,
                stored_budget = stored.Budget, what_if_budget = whatIf.Budget,
                departments = stored.Assessments.Select(s => (s, w: whatIf.Assessments.First(x => x.DepartmentCode == s.DepartmentCode))).Select(p => new
                {
                    department = p.s.DepartmentCode, name = p.s.DepartmentName,
                    stored = new { total = p.s.Total, grade = AssessmentRows.GradeName(p.s.Grade), amount = p.s.Amount },
                    what_if = new { total = p.w.Total, grade = AssessmentRows.GradeName(p.w.Grade), amount = p.w.Amount },
                    amount_change = p.w.Amount - p.s.Amount,
                }),
            });
        }).RequireAuthorization(p => p.RequireRole(Roles.Committee, Roles.WorkingGroup)).AddEndpointFilter<AntiforgeryFilter>().WithName("WhatIf")
          .WithSummary("Grades and money under another policy (the JSON policy file in the body) beside the stored ones; stores nothing.");

        api.MapGet("/policy", (PolicyProvider policies, IStringLocalizer<SharedResource> text) =>
        {
            var set = policies.Current();
            var fromFile = policies.UsesPolicyFile;
            // The file's name, not its path: every signed-in user may read this, and the path is the server's folder layout.
            return Results.Ok(new
            {
                source = PolicyProvider.SourceCode(fromFile), file = fromFile ? PolicyProvider.FileName : null,
                source_label = PolicyProvider.SourceLabel(fromFile, text), versions = set.Versions,
            });
        }).WithName("Policy").WithSummary("The policy in force: every version with its parameters, and its source: \"file\" (policy.json in the data folder, "
            + "named in `file`) or \"built_in\" (the shipped defaults), with `source_label` saying it in the request's language.");
    }

    /// <summary>Who approved and when, and whether the approved version's values were edited since: which ones
    /// (<c>policy_changes</c>, the policy file's keys with the value at approval and now) when the approval kept them, or
    /// only that they were (<c>policy_changed</c>, from the fingerprint) for an approval made before they were kept; null
    /// when not known at all.</summary>
    private static object ApprovalView(QuarterApproval a, PolicySet current) => new
    {
        approved_by = a.ApprovedBy, approved_at = a.ApprovedAt,
        policy_changed = ApprovedPolicy.Edited(a, current),
        policy_changes = ApprovedPolicy.Changes(a, current)?.Select(c => new { key = c.Key, approved = c.Approved, now = c.Now }),
    };
}

internal static class AssessmentView
{
    public static object Of(Assessment a, ScoredQuarter q) => new
    {
        department = a.DepartmentCode, name = a.DepartmentName, quarter = a.Quarter.ToString(),
        self_check_base = a.SelfCheckBase, consistency_penalty = a.ConsistencyPenalty, self_check = a.SelfCheck, survey = a.Survey,
        complaint = a.Complaint, callback_deduction = a.CallbackDeduction, total = a.Total, grade = AssessmentRows.GradeName(a.Grade),
        amount = a.Amount, complete = a.Complete, missing = a.Missing, warnings = a.WarningsIn(CultureInfo.CurrentUICulture),
        rank = q.Ranks.TryGetValue(a.DepartmentCode, out var r) ? r : (int?)null,
    };
}
