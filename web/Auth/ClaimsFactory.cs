using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace QualityAnalytics.Web.Auth;

/// <summary>Puts the manager's department into the sign-in cookie, so that every request knows its row scope.</summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DepartmentCode is { Length: > 0 } code) identity.AddClaim(new Claim(UserScope.DepartmentClaim, code));
        if (user.DisplayName is { Length: > 0 } name) identity.AddClaim(new Claim("qa:display_name", name));
        return identity;
    }
}
