using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace QualityAnalytics.Web.Apis;

/// <summary>Every state-changing API call must carry the antiforgery token (header X-CSRF-TOKEN, or the form field):
/// a cookie alone is not enough, so another site cannot post on a signed-in user's behalf.</summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery, IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context.HttpContext);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(text["api.antiforgery"], statusCode: StatusCodes.Status400BadRequest);
            }
        }
        return await next(context);
    }
}
