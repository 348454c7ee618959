using Microsoft.AspNetCore.Hosting;

namespace QualityAnalytics.Web.Host;

/// <summary>Builds the dashboard's host. A generic-host builder with a startup class (rather than WebApplication) so
/// that `qa serve` and the tests' WebApplicationFactory build exactly the same application.</summary>
public static class DashboardHost
{
    public static IHostBuilder CreateBuilder(ServeOptions options, TimeProvider clock) =>
        Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureServices(services =>
            {
                services.AddSingleton(options);
                services.AddSingleton(clock);
            })
            .ConfigureWebHostDefaults(web =>
            {
                web.UseUrls(options.Urls);
                web.UseContentRoot(AppContext.BaseDirectory);
                web.UseWebRoot(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
                web.UseStartup(_ => new DashboardStartup(options));
                web.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes + 1024 * 1024);
            });
}
