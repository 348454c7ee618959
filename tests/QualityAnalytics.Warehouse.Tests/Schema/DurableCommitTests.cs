using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Tests.Schema;

/// <summary>A commit that `qa` reports done must survive a power loss. In WAL mode SQLite syncs at every commit only
/// with synchronous=FULL (NORMAL syncs at checkpoints), and pragmas stay with a pooled connection: the loader's
/// connection, once back in the pool, serves the dashboard's writes (an approval, an exclusion) too.</summary>
public sealed class DurableCommitTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-durable-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [SqliteFact]
    public void The_loading_connection_and_the_pooled_connection_it_leaves_sync_every_commit()
    {
        var warehouse = WarehouseDb.Sqlite(Path.Combine(_folder, "warehouse.db"));
        WarehouseInitializer.EnsureReady(warehouse);
        SqliteConnection.ClearAllPools();

        using (var loading = warehouse.OpenConnection()) Assert.Equal(2L, Synchronous(loading)); // 2 = FULL

        // The same physical connection comes back from the pool to the next user, an EF context here.
        using var db = warehouse.CreateContext();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        Assert.Equal(2L, Synchronous(connection));
    }

    private static long Synchronous(System.Data.Common.DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA synchronous";
        return (long)cmd.ExecuteScalar()!;
    }
}
