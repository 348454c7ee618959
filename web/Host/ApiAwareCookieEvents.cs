using Microsoft.AspNetCore.Authentication.Cookies;

namespace QualityAnalytics.Web.Host;

/// <summary>A browser asking for a page is sent to the sign-in page; a script asking the API gets 401/403, not a
/// redirect to HTML it cannot use.</summary>
internal static class ApiAwareCookieEvents
{
    public static CookieAuthenticationEvents Create() => new()
    {
        OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden),
    };

    private static Task Answer(HttpContext http, string redirect, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = status;
        else http.Response.Redirect(redirect);
        return Task.CompletedTask;
    }
}
