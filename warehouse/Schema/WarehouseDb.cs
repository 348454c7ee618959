using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>Which database engine holds the warehouse.</summary>
public enum WarehouseProvider
{
    /// <summary>A file under data/: the embedded default, one machine.</summary>
    Sqlite,
    /// <summary>A PostgreSQL database: a company group, several `qa serve` instances sharing it.</summary>
    Postgres,
}

/// <summary>Where the warehouse lives and how to reach it: EF contexts for the model, and raw connections for the
/// loader's fast path. Also names the data folder, where the files that belong with the warehouse live (policy.json,
/// uploads, the job inbox, archived reports; and on SQLite the identity and job stores).</summary>
public sealed class WarehouseDb
{
    private WarehouseDb(WarehouseProvider provider, string connectionString, string? filePath, string dataFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        FilePath = filePath;
        DataFolder = dataFolder;
    }

    public WarehouseProvider Provider { get; }
    public string ConnectionString { get; }
    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }
    public string DataFolder { get; }
    public bool IsPostgres => Provider == WarehouseProvider.Postgres;

    public static WarehouseDb Sqlite(string filePath)
    {
        var full = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var cs = new SqliteConnectionStringBuilder { DataSource = full, ForeignKeys = true, Pooling = true, DefaultTimeout = 60 }.ToString();
        return new WarehouseDb(WarehouseProvider.Sqlite, cs, full, Path.GetDirectoryName(full)!);
    }

    /// <summary>A PostgreSQL warehouse (an Npgsql connection string, "Host=…;Database=…;Username=…"), with the folder
    /// for its files. Several instances share one database; they must then share the data folder too (a network share).</summary>
    public static WarehouseDb Postgres(string connectionString, string dataFolder)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database)) throw new ArgumentException("the PostgreSQL connection string names no Database.", nameof(connectionString));
        // Long loads and mart rebuilds: no command timeout of 30 s; the server's own statement_timeout still applies.
        if (!connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase)) builder.CommandTimeout = 0;
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        return new WarehouseDb(WarehouseProvider.Postgres, builder.ConnectionString, null, folder);
    }

    /// <summary>True when --db names a PostgreSQL database (a connection string with Host=) rather than a file.</summary>
    public static bool IsPostgresConnectionString(string text) =>
        text.Contains("Host=", StringComparison.OrdinalIgnoreCase) || text.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    /// <summary>What to show people: the file, or host/port/database (never a password).</summary>
    public string Describe()
    {
        if (!IsPostgres) return FilePath!;
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"postgres://{b.Host}:{b.Port}/{b.Database}";
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

    public WarehouseDbContext CreateContext() => IsPostgres
        ? new PostgresWarehouseDbContext(new DbContextOptionsBuilder<PostgresWarehouseDbContext>().UseNpgsql(ConnectionString).Options)
        : new WarehouseDbContext(new DbContextOptionsBuilder<WarehouseDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>A context for work that reads much of the warehouse (the marts' rebuild and the rescore after a load):
    /// on SQLite its connection maps the file as <see cref="OpenReadConnection"/> does. A quarter's facts are spread
    /// over the whole table when the files mixed quarters, so each quarter's read touches most of its pages; through the
    /// map they are copied once, not once per quarter (docs/benchmarks.md, "Marts: the complaint statuses").</summary>
    public WarehouseDbContext CreateMappedContext()
    {
        if (IsPostgres) return CreateContext();
        var connection = OpenReadConnection();
        return new WarehouseDbContext(new DbContextOptionsBuilder<WarehouseDbContext>().UseSqlite(connection, contextOwnsConnection: true).Options);
    }

    /// <summary>An open connection tuned for loading. SQLite: WAL so that readers (the dashboard) are not blocked by a
    /// load, and synchronous=FULL (SQLite's own default) so that a commit is durable when it returns: in WAL mode NORMAL
    /// syncs only at checkpoints, and a power loss could take back a load (or, on this pooled connection later, an
    /// approval) that `qa` had reported done. The cost is one sync of the WAL per transaction; a large load syncs the WAL
    /// at its checkpoint anyway (docs/benchmarks.md, "Eighth session").</summary>
    public DbConnection OpenConnection()
    {
        if (IsPostgres)
        {
            var pg = new NpgsqlConnection(ConnectionString);
            pg.Open();
            return pg;
        }
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // mmap_size=0: a pooled connection may come back from a reader that mapped the file (OpenReadConnection).
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000; PRAGMA mmap_size=0;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Bytes of a SQLite warehouse a reading connection maps into memory.</summary>
    public const long ReadMapBytes = 1L << 30;

    /// <summary>An open connection for the dashboard's queries. SQLite: as <see cref="OpenConnection"/>, and the file read
    /// through a memory map (<c>mmap_size</c>) instead of a copy of every page through the page cache: a drill-down
    /// that reads 144,000 complaints takes half the time. Not for loading, where the mapped pages would count in the
    /// loader's resident memory and grow with the warehouse.</summary>
    public DbConnection OpenReadConnection()
    {
        var connection = OpenConnection();
        if (IsPostgres) return connection;
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA mmap_size={ReadMapBytes};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Copies the WAL's committed pages into the database file (SQLite; nothing to do on PostgreSQL, whose
    /// server checkpoints on its own). A load turns SQLite's automatic checkpoint off on its connection
    /// (FileLoader.TuneForLoad): its commit is durable once the WAL is synced (synchronous=FULL), and copying ~220 MB
    /// per million rows into the database file as well is maintenance, not the load. SQLite's documentation suggests
    /// exactly this for applications that care about a write's latency: automatic checkpoints off, checkpoints run
    /// from a separate thread. <see cref="Marts.AfterLoad.Run"/> runs this beside the marts' rebuild. PASSIVE: it
    /// never waits for readers or writers and copies what no reader still needs; a later checkpoint (any connection's
    /// automatic one, or the last connection's close) takes the rest.</summary>
    public void Checkpoint()
    {
        if (IsPostgres) return;
        using var connection = OpenConnection();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        pragma.ExecuteNonQuery();
    }
}
