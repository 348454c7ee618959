using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The routes as the running dashboard has them, not as a list in a test: a route added later is asked too.
/// Anonymous, every API route answers 401 and every page but the sign-in page sends to it, whatever the method.</summary>
public sealed partial class EndpointSecurityInventoryTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    /// <summary>A value each route parameter accepts, so that the request reaches the endpoint's authorisation.</summary>
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["quarter"] = "2026Q2", ["department"] = "LOG", ["kind"] = "complaints", ["dimension"] = "channel", ["id"] = "1", ["file"] = "2026Q2-zh-CN.pdf",
    };

    [Fact]
    public async Task An_anonymous_caller_reaches_no_route_but_the_sign_in_page()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(m => (Method: m, Path: Path(e.RoutePattern.RawText!))))
            .ToList();
        Assert.Contains(routes, r => r.Path == "/api/calendar/2026Q2");
        foreach (var (method, path) in routes)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            if (path == "/login") Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            else if (path.StartsWith("/api/", StringComparison.Ordinal)) Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
            else Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/login", StringComparison.Ordinal),
                $"{method} {path}: {response.StatusCode}");
        }
    }

    private static string Path(string pattern)
    {
        var path = Parameter().Replace(pattern, m => Samples.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new InvalidOperationException($"no sample for {m.Value} in {pattern}"));
        return "/" + path.TrimStart('/');
    }

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex Parameter();
}
