using System.Security.Claims;
using QualityAnalytics.Warehouse.Semantic;

namespace QualityAnalytics.Web.Auth;

/// <summary>From a signed-in user to the rows they may see: the one place the role becomes a row scope.</summary>
public static class UserScope
{
    public const string DepartmentClaim = "qa:department";

    public static RowScope RowScopeOf(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Committee) || user.IsInRole(Roles.WorkingGroup) || user.IsInRole(Roles.Viewer)) return RowScope.Everything;
        if (user.IsInRole(Roles.DepartmentManager) && user.FindFirstValue(DepartmentClaim) is { Length: > 0 } department) return RowScope.Only(department);
        // Signed in without a role that grants rows: sees nothing, rather than everything.
        return RowScope.Only();
    }
}
