using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Tests.Hosting;

public sealed class ProxySettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void Forwarded_scheme_and_client_are_believed_from_the_listed_proxies()
    {
        var options = ProxySettings.ForwardedHeaders(Settings(("Proxy:KnownProxies:0", "10.0.0.5"), ("Proxy:KnownProxies:1", "10.0.0.6")));

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Contains(IPAddress.Parse("10.0.0.5"), options.KnownProxies);
        Assert.Contains(IPAddress.Parse("10.0.0.6"), options.KnownProxies);
    }

    [Fact]
    public void Without_settings_only_loopback_is_believed()
    {
        var options = ProxySettings.ForwardedHeaders(Settings());

        Assert.All(options.KnownProxies, p => Assert.True(IPAddress.IsLoopback(p)));
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ProxySettings.ForwardedHeaders(Settings(("Proxy:KnownProxies:0", "nginx.internal"))));
        Assert.Contains("nginx.internal", e.Message);
    }
}
