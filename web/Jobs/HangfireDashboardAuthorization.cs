using Hangfire.Dashboard;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Hangfire's own dashboard is for the working group only. Its default rule (local requests only) would let
/// anyone on the server's machine in, signed in or not.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.WorkingGroup);
    }
}
