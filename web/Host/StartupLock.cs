using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Host;

/// <summary>Serialises the one-time steps of instances starting together (Hangfire's tables, the first data-protection
/// key): a <see cref="WarehouseLock"/> (an advisory lock on PostgreSQL, a lock file in the data folder on SQLite).
/// Short-lived: held for one step, never while serving.</summary>
public static class StartupLock
{
    /// <summary>"QA_INIT" in ASCII: apart from the load lock's key.</summary>
    private const long AdvisoryKey = 0x51_41_5F_49_4E_49_54;

    public static WarehouseLock Take(WarehouseDb warehouse) => WarehouseLock.Acquire(warehouse, "startup", AdvisoryKey, TimeSpan.FromMinutes(5));
}
