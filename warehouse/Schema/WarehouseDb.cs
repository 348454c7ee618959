using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Where the warehouse lives and how to reach it: EF contexts for the model, and raw connections for the
/// loader's fast path. SQLite is the embedded default (a file under data/).</summary>
public sealed class WarehouseDb
{
    private WarehouseDb(string connectionString, string? filePath)
    {
        ConnectionString = connectionString;
        FilePath = filePath;
    }

    public string ConnectionString { get; }
    public string? FilePath { get; }

    public static WarehouseDb Sqlite(string filePath)
    {
        var full = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var cs = new SqliteConnectionStringBuilder { DataSource = full, ForeignKeys = true, Pooling = true, DefaultTimeout = 60 }.ToString();
        return new WarehouseDb(cs, full);
    }

    /// <summary>Deletes a SQLite warehouse file (and its WAL files), first letting go of pooled connections to it.</summary>
    public static void DeleteSqlite(string filePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(filePath + suffix)) File.Delete(filePath + suffix);
        }
    }

    public DbContextOptions<WarehouseDbContext> ContextOptions() =>
        new DbContextOptionsBuilder<WarehouseDbContext>().UseSqlite(ConnectionString).Options;

    public WarehouseDbContext CreateContext() => new(ContextOptions());

    /// <summary>An open connection tuned for loading: WAL so that readers (the dashboard) are not blocked by a load,
    /// synchronous=NORMAL which is still durable at every commit in WAL mode.</summary>
    public DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
