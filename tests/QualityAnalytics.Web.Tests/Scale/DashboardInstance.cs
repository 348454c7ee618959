using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Tests.Scale;

/// <summary>One `qa serve` instance: the real dashboard host (DashboardHost.CreateBuilder, as `qa serve` builds it) on
/// a real Kestrel port of its own, with its own container, its own data protection and its own Hangfire server. Each
/// instance gets a WarehouseDb of its own too, made from the connection string, as a separate machine would.</summary>
internal sealed class DashboardInstance : IAsyncDisposable
{
    private DashboardInstance(string name, IHost host, Uri address)
    {
        Name = name;
        Host = host;
        Address = address;
    }

    public string Name { get; }
    public IHost Host { get; }
    public Uri Address { get; }

    public T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Builds and starts an instance on the given database and data folder. Settings are what an operator
    /// would put in appsettings.json or the environment (Jobs:NightlyLoad, say).</summary>
    public static async Task<DashboardInstance> Start(string name, string connectionString, string dataFolder, IReadOnlyDictionary<string, string?> settings)
    {
        var options = new ServeOptions { Warehouse = WarehouseDb.Postgres(connectionString, dataFolder), Urls = "http://127.0.0.1:0" };
        // Built on a thread of its own: the startup migrates and installs, and two instances should do so side by side.
        var host = await Task.Run(() => DashboardHost.CreateBuilder(options, TimeProvider.System)
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .Build());
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DashboardInstance(name, host, new Uri(address));
    }

    /// <summary>A browser for this instance: its own cookie jar, no automatic redirects (a sign-in answers 302).</summary>
    public HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    public override string ToString() => $"{Name} ({Address})";
}
