using Microsoft.AspNetCore.Identity;

namespace QualityAnalytics.Web.Auth;

/// <summary>One password rule for the dashboard and `qa user`: length over composition (NIST SP 800-63B), and a lockout
/// after five wrong attempts.</summary>
public static class PasswordRules
{
    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireDigit = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.User.RequireUniqueEmail = false;
    }
}
