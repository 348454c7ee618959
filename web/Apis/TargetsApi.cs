using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>/api/targets/{quarter}: the targets a quarter is judged by, from the policy version in force for it (the
/// version its scores and its approval go by): the grade marks of 第十三条 and the service targets of §7. The pages draw
/// their target lines and name their on-time cards from these, so a policy that sets 48 hours or 90% is shown as
/// such, as the report and the complaint mart already judge by it.</summary>
internal static class TargetsApi
{
    public static void MapTargetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/targets/{quarter}", (string quarter, PolicyProvider policies, IStringLocalizer<SharedResource> text) =>
        {
            if (!Quarter.TryParse(quarter, out var q)) return ApiProblems.NotAQuarter(text, quarter);
            var set = policies.Current();
            var version = set.InForce(q);
            var service = set.ServiceTargetsFor(q);
            return Results.Ok(new
            {
                quarter = q.ToString(),
                policy_version = version?.Version,
                // No version covers a quarter before the policy's first: nothing is scored there, so no grade marks.
                pass_at = version?.PassAt,
                excellent_above = version?.ExcellentAbove,
                reply_hours = service.ReplyHours,
                solution_working_days = service.SolutionWorkingDays,
                satisfaction_target = service.SatisfactionTarget,
                compliance_target = service.ComplianceTarget,
            });
        }).WithName("Targets").WithSummary("The grade marks and service targets of the policy version in force for a quarter.");
    }
}
