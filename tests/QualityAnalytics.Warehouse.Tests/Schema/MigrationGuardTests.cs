using Microsoft.Data.Sqlite;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Tests.Schema;

public sealed class MigrationGuardTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-migrate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    // The lock row is how EF Core locks migrations on SQLite; on PostgreSQL the lock belongs to the migrating session and
    // ends with it, so there is nothing left behind to clear.
    [SqliteFact]
    public async Task A_migration_lock_left_by_a_killed_process_does_not_block_the_next_start()
    {
        var file = Path.Combine(_folder, "warehouse.db");
        WarehouseInitializer.EnsureReady(WarehouseDb.Sqlite(file));
        // What a process killed in the middle of Migrate() leaves behind: EF Core's lock row.
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-27 00:17:45.4677563+00:00')";
            insert.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var start = Task.Run(() => WarehouseInitializer.EnsureReady(WarehouseDb.Sqlite(file)));

        Assert.Same(start, await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(30))));
        await start;
        using var db = WarehouseDb.Sqlite(file).CreateContext();
        Assert.Equal(5844, db.Dates.Count());
    }

    [SqliteFact]
    public void A_new_warehouse_gets_16_KiB_pages_and_an_existing_one_keeps_its_own()
    {
        Directory.CreateDirectory(_folder);
        var fresh = Path.Combine(_folder, "fresh.db");
        WarehouseInitializer.EnsureReady(WarehouseDb.Sqlite(fresh));
        Assert.Equal(16384L, Pragma(fresh, "page_size"));
        Assert.Equal("wal", Pragma(fresh, "journal_mode"));

        // A warehouse created before this change (4 KiB pages, tables in it) is migrated as it is, never rebuilt.
        var old = Path.Combine(_folder, "old.db");
        using (var connection = new SqliteConnection($"Data Source={old}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA page_size=4096; CREATE TABLE created_before (x);";
            create.ExecuteNonQuery();
        }
        WarehouseInitializer.EnsureReady(WarehouseDb.Sqlite(old));
        Assert.Equal(4096L, Pragma(old, "page_size"));
        using var db = WarehouseDb.Sqlite(old).CreateContext();
        Assert.Equal(5844, db.Dates.Count());
    }

    private static object Pragma(string file, string name)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA {name}";
        return cmd.ExecuteScalar()!;
    }
}
