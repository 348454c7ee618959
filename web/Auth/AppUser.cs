using Microsoft.AspNetCore.Identity;

namespace QualityAnalytics.Web.Auth;

/// <summary>A person who signs in. A department manager carries the department they may see.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public string? DepartmentCode { get; set; }
}
