using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Jobs;

/// <summary>Loads never run at the same time. Held for the whole load by every load into a warehouse: the nightly load
/// wherever it runs (a Hangfire worker of any instance, or `qa jobs run`; Hangfire's distributed lock on the job sits on
/// top of it: see NightlyLoadJob), `qa load`, and uploads through the dashboard. A <see cref="WarehouseLock"/>: a lock
/// file .load.lock in the data folder on SQLite (not in the inbox, which a job may be pointed elsewhere with --inbox:
/// every load must meet the same lock), an advisory lock on PostgreSQL; either is freed when its holder dies.</summary>
public sealed class LoadLock : IDisposable
{
    /// <summary>The advisory lock's key ("QA_LOAD" in ASCII).</summary>
    public const long AdvisoryKey = 0x51_41_5F_4C_4F_41_44;

    private readonly WarehouseLock _held;

    private LoadLock(WarehouseLock held) => _held = held;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock; when it is not free by then, throws what
    /// <see cref="IsBusy"/> recognises.</summary>
    /// <remarks>Once held, batches a killed load left running are marked failed (<see cref="InterruptedBatches"/>).</remarks>
    public static LoadLock Acquire(WarehouseDb warehouse, TimeSpan timeout, CancellationToken cancel = default)
    {
        var held = WarehouseLock.Acquire(warehouse, "load", AdvisoryKey, timeout, cancel);
        InterruptedBatches.MarkFailed(warehouse);
        return new LoadLock(held);
    }

    /// <summary>The lock if it is free now, else null (another load holds it).</summary>
    public static LoadLock? TryAcquire(WarehouseDb warehouse)
    {
        try
        {
            return Acquire(warehouse, TimeSpan.Zero);
        }
        catch (Exception e) when (IsBusy(e))
        {
            return null;
        }
    }

    /// <summary>True for the exception <see cref="Acquire"/> throws when the lock stayed busy for the whole wait.</summary>
    public static bool IsBusy(Exception e) => WarehouseLock.IsBusy(e);

    public void Dispose() => _held.Dispose();
}
