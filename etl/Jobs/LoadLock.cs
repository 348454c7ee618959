using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Jobs;

/// <summary>Loads never run at the same time: an exclusive lock file beside the inbox, held for the whole load. It
/// covers two Hangfire workers, a hand-triggered `qa jobs run` and a web upload on one machine alike; the operating
/// system releases it when a process dies, so a killed load never leaves it stuck. (Several machines share
/// Hangfire's distributed lock on top: see NightlyLoadJob.)</summary>
public sealed class LoadLock : IDisposable
{
    private readonly FileStream _stream;

    private LoadLock(FileStream stream) => _stream = stream;

    public static LoadLock Acquire(string folder, TimeSpan timeout, CancellationToken cancel = default) =>
        new(FileLock.Acquire(Path.Combine(folder, ".load.lock"), timeout, cancel));

    public void Dispose() => _stream.Dispose();
}
