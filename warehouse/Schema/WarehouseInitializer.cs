using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Calendar;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Run when `qa` starts: apply pending migrations, then make sure the date dimension is there.</summary>
public static class WarehouseInitializer
{
    public static void EnsureReady(WarehouseDb warehouse)
    {
        using var db = warehouse.CreateContext();
        MigrationGuard.Migrate(db, warehouse.FilePath!);
        DateDimension.EnsureFilled(db);
    }
}
