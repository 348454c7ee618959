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
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen) connection.Open();
        try
        {
            CreateWithPageSize(connection);
            ClearStaleEfLock(connection);
        }
        finally
        {
            if (!wasOpen) connection.Close();
        }
        db.Database.Migrate();
    }

    /// <summary>SQLite's page size for a new warehouse. A bulk load writes every page twice (into the WAL, then into
    /// the file at the checkpoint), and per page it pays a WAL frame header, a checksum and its share of B-tree
    /// balancing: with 16 KiB pages instead of 4 KiB a 1M-row load's inserts and commit took ~25% less time
    /// (docs/benchmarks.md), and the dashboard's aggregate queries read fewer, larger pages. The size can only be
    /// chosen before the file has its first page, so an existing warehouse keeps the size it was created with.</summary>
    public const int NewPageSize = 16384;

    private static void CreateWithPageSize(SqliteConnection connection)
    {
        using var pageCount = connection.CreateCommand();
        pageCount.CommandText = "PRAGMA page_count";
        if (Convert.ToInt64(pageCount.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0) return;
        // Switching an empty database to WAL writes its first page, which fixes the page size for good.
        using var create = connection.CreateCommand();
        create.CommandText = $"PRAGMA page_size={NewPageSize}; PRAGMA journal_mode=WAL;";
        create.ExecuteNonQuery();
    }

    private static void ClearStaleEfLock(SqliteConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (exists.ExecuteScalar() is null) return;
        using var clear = connection.CreateCommand();
        clear.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
        clear.ExecuteNonQuery();
    }
}
