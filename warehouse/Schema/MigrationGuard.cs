using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Applies EF Core migrations to a SQLite file safely across processes. EF's own SQLite migration lock is a row
/// in __EFMigrationsLock: a process killed while migrating leaves that row behind and every later Migrate() waits for it
/// forever. So migrations run under an operating-system file lock (released when a process dies, however it dies),
/// and whoever holds it may clear EF's row: no other process can be migrating at that moment.</summary>
public static class MigrationGuard
{
    public static void Migrate(DbContext db, string databaseFile)
    {
        var lockPath = Path.GetFullPath(databaseFile) + ".migrate.lock";
        using var exclusive = FileLock.Acquire(lockPath, TimeSpan.FromMinutes(5));
        ClearStaleEfLock(db);
        db.Database.Migrate();
    }

    private static void ClearStaleEfLock(DbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) connection.Open();
        try
        {
            using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
            if (exists.ExecuteScalar() is null) return;
            using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            clear.ExecuteNonQuery();
        }
        finally
        {
            if (!wasOpen) connection.Close();
        }
    }
}
