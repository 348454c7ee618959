using Microsoft.Extensions.Localization;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>Refuses an upload larger than the limit before anything reads its body, with a message a person can act on.</summary>
internal sealed class UploadLimitFilter(ServeOptions options, IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.ContentLength > options.MaxUploadBytes) return TooLarge(options, text);
        return await next(context);
    }

    /// <summary>The answer to an upload over the limit, wherever it is found out (here, or while the form is read).</summary>
    public static IResult TooLarge(ServeOptions options, IStringLocalizer<SharedResource> text) =>
        TypedResults.Problem(text["api.upload.tooLarge", options.MaxUploadBytes / (1024 * 1024)], statusCode: StatusCodes.Status413PayloadTooLarge);
}
