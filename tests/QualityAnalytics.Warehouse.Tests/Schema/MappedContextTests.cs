using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Tests.Schema;

/// <summary>The marts' rebuild after a load reads the facts through a memory map (a quarter's rows are spread over the
/// table, and copying every page through a small cache once per quarter took a third of the rebuild); the loader, which
/// may get the same pooled connection next, must not map the file (its resident memory would grow with the warehouse).</summary>
public sealed class MappedContextTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-mapped-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [SqliteFact]
    public void The_mapped_context_maps_the_file_and_the_loading_connection_after_it_does_not()
    {
        var warehouse = WarehouseDb.Sqlite(Path.Combine(_folder, "warehouse.db"));
        WarehouseInitializer.EnsureReady(warehouse);
        SqliteConnection.ClearAllPools();

        using (var db = warehouse.CreateMappedContext())
        {
            Assert.Equal(WarehouseDb.ReadMapBytes, MapSize(db.Database.GetDbConnection()));
            Assert.Equal(0, db.Complaints.Count()); // an ordinary context otherwise
            Assert.Equal(2L, Pragma(db.Database.GetDbConnection(), "synchronous")); // its writes (the marts) are durable too
        }

        // The context owned its connection: it went back to the pool, and the loader takes it unmapped.
        using var loading = warehouse.OpenConnection();
        Assert.Equal(0L, MapSize(loading));
    }

    private static long MapSize(System.Data.Common.DbConnection connection) => Pragma(connection, "mmap_size");

    private static long Pragma(System.Data.Common.DbConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA {name}";
        return (long)cmd.ExecuteScalar()!;
    }
}
