using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace QualityAnalytics.Web.Host;

/// <summary>Behind a reverse proxy that terminates TLS (docs/deployment.md), the request's scheme and client address
/// come from X-Forwarded-Proto and X-Forwarded-For: with them the sign-in cookie is marked Secure and logs show the
/// real client. Those headers are believed only from the proxies listed in `Proxy:KnownProxies` (IP addresses), and
/// from loopback; anyone else could forge them.</summary>
public static class ProxySettings
{
    public static ForwardedHeadersOptions ForwardedHeaders(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        foreach (var text in configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
        {
            if (!IPAddress.TryParse(text, out var address)) throw new InvalidOperationException($"Proxy:KnownProxies: '{text}' is not an IP address.");
            options.KnownProxies.Add(address);
        }
        return options;
    }
}
