namespace QualityAnalytics.Web.Host;

/// <summary>Headers every answer carries, pages, API, files and Hangfire's dashboard alike. The pages load scripts only
/// from this site (no inline script: the UI strings are a JSON data block, which a policy does not run), so the policy
/// can refuse any other script: a value that ever slipped past the encoding could not run. Styles may be inline
/// (ECharts positions its tooltip with a style attribute). No page may be framed (clickjacking of the approve and upload
/// buttons), and no answer is sniffed into another type (an uploaded or exported value read as HTML).</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the answer starts, not now: the exception handler clears the headers of an answer it replaces.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // Older browsers read this one, newer ones frame-ancestors; DENY over the antiforgery's SAMEORIGIN, as nothing here frames a page.
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
