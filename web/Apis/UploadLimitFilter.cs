using Microsoft.Extensions.Localization;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>Refuses an upload larger than the limit before anything reads its body, with a message a person can act on.</summary>
internal sealed class UploadLimitFilter(ServeOptions options, IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.ContentLength > options.MaxUploadBytes)
            return TypedResults.Problem(text["api.upload.tooLarge", options.MaxUploadBytes / (1024 * 1024)],
                statusCode: StatusCodes.Status413PayloadTooLarge);
        return await next(context);
    }
}
