using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>The data contract's JSON shape of one assessment (snake_case keys, numbers with at most 2 decimals).</summary>
internal static class AssessmentJson
{
    public static object Of(Assessment a, ScoredQuarter q) => new
    {
        department = a.DepartmentCode,
        name = a.DepartmentName,
        quarter = a.Quarter.ToString(),
        self_check_base = a.SelfCheckBase,
        consistency_penalty = a.ConsistencyPenalty,
        self_check = a.SelfCheck,
        survey = a.Survey,
        complaint = a.Complaint,
        callback_deduction = a.CallbackDeduction,
        total = a.Total,
        grade = AssessmentRows.GradeName(a.Grade),
        amount = a.Amount,
        complete = a.Complete,
        missing = a.Missing,
        rank = q.Ranks.TryGetValue(a.DepartmentCode, out var r) ? r : (int?)null,
        policy_version = a.PolicyVersion,
        status = q.Approval is null ? "draft" : q.DifferencesFromApproved.Count == 0 ? "approved" : "draft_differs_from_approved",
        warnings = a.Warnings,
    };
}
