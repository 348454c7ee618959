using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Hangfire's log provider is process-wide, and Hangfire's classes take their loggers from it in static
/// initialisers. Pointed at one host's logger factory (Hangfire's default), it breaks every later host in the process
/// once that host is disposed: a type first touched afterwards fails its static initialiser for good (seen with
/// PostgreSqlObjectsInstaller when the tests start hosts one after another). `qa serve` has one host per process, so
/// this only matters there at shutdown; the tests' hosts come and go. A logger asked of a disposed factory is silent.</summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
