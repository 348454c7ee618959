using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Calendar;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Run when `qa` starts: apply pending migrations, then make sure the date dimension is there.</summary>
public static class WarehouseInitializer
{
    public static void EnsureReady(WarehouseDb warehouse)
    {
        using var db = warehouse.CreateContext();
        if (!warehouse.IsPostgres)
        {
            MigrationGuard.Migrate(db, warehouse.FilePath!);
            DateDimension.EnsureFilled(db);
            return;
        }
        // PostgreSQL: EF's migrator holds a session advisory lock, which the server releases when a process dies, so
        // instances starting together migrate once. Filling dim_date gets the same treatment by hand.
        db.Database.Migrate();
        using var transaction = db.Database.BeginTransaction();
        db.Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock(7172001)");
        DateDimension.EnsureFilled(db);
        transaction.Commit();
    }
}
