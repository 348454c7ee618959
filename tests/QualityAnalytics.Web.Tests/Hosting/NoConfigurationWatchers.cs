using System.Runtime.CompilerServices;

namespace QualityAnalytics.Web.Tests.Hosting;

/// <summary>
/// Every dashboard host a test builds (hundreds per run, many alive at once across the parallel test classes) would
/// otherwise watch files through inotify: its appsettings files, and the web root and views of a host in the Development
/// environment. Each watcher is an inotify instance, the kernel allows 128 per user (fs.inotify.max_user_instances), and a
/// full run went past it ("The configured user limit (128) on the number of inotify instances has been reached"),
/// failing tests at random (up to 59 at once in the API tests alone, measured). No test changes those files while its host
/// runs, so in this test process the hosts read their settings once (the generic host's documented switch
/// hostBuilder:reloadConfigOnChange, read from DOTNET_ variables) and file providers poll instead of holding an inotify
/// instance (DOTNET_USE_POLLING_FILE_WATCHER): none is left (measured). `qa serve` keeps the defaults.
/// </summary>
internal static class NoConfigurationWatchers
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
