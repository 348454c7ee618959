using Microsoft.AspNetCore.Identity;

namespace QualityAnalytics.Web.Auth;

public static class RoleSeeder
{
    public static async Task EnsureRoles(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
