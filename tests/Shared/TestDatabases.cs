using Microsoft.Data.Sqlite;
using Npgsql;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.TestSupport;

/// <summary>
/// The database a test's warehouse lives in. The suites run twice (scripts/test.sh): once on SQLite (a file in the test's
/// own folder) and once with QA_TEST_PROVIDER=postgres, where every warehouse is a fresh database on the throwaway
/// server that scripts/postgres.sh starts (QA_TEST_POSTGRES holds its admin connection string). Fresh databases are
/// copied from a template migrated once per schema version, so a test does not pay for the migrations.
/// </summary>
public static class TestDatabases
{
    public const string ProviderVariable = "QA_TEST_PROVIDER";
    public const string ServerVariable = "QA_TEST_POSTGRES";
    private static readonly Lazy<string> Template = new(CreateTemplate);

    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException($"{ServerVariable} is not set: run the tests through scripts/test.sh, which starts a PostgreSQL server (scripts/postgres.sh).");

    /// <summary>A new, empty and migrated warehouse for one test: SQLite at folder/data/warehouse.db, or a new PostgreSQL
    /// database whose data folder is folder/data.</summary>
    public static WarehouseDb NewWarehouse(string folder)
    {
        var data = Path.Combine(folder, "data");
        if (!OnPostgres)
        {
            var sqlite = WarehouseDb.Sqlite(Path.Combine(data, "warehouse.db"));
            WarehouseInitializer.EnsureReady(sqlite);
            return sqlite;
        }
        return WarehouseDb.Postgres(NewPostgresDatabase(), data);
    }

    /// <summary>The settings that point `qa` (CliEnvironment.Configuration) at a warehouse.</summary>
    public static Dictionary<string, string?> Settings(WarehouseDb warehouse) => warehouse.IsPostgres
        ? new() { ["Warehouse:Provider"] = "postgres", ["Warehouse:ConnectionString"] = warehouse.ConnectionString, ["Warehouse:DataFolder"] = warehouse.DataFolder }
        : new() { ["Warehouse:Provider"] = "sqlite", ["Warehouse:File"] = warehouse.FilePath };

    /// <summary>A private copy of a test's warehouse (a demo loaded once, copied for each test that writes), with its own
    /// data folder folder/name. SQLite: the file, copied once its pooled connections are closed (the last one to close
    /// folds the WAL into the file). PostgreSQL: CREATE DATABASE … TEMPLATE, which needs the source idle, as a fixture
    /// between two tests is. Drop it with <see cref="Drop"/>.</summary>
    public static WarehouseDb Copy(WarehouseDb source, string folder, string name)
    {
        var data = Path.Combine(folder, name);
        if (!source.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            Directory.CreateDirectory(data);
            var file = Path.Combine(data, "warehouse.db");
            File.Copy(source.FilePath!, file);
            return WarehouseDb.Sqlite(file);
        }
        var database = "qa_t_" + Guid.NewGuid().ToString("N")[..20];
        NpgsqlConnection.ClearAllPools();
        Admin($"CREATE DATABASE {database} TEMPLATE {new NpgsqlConnectionStringBuilder(source.ConnectionString).Database}");
        return WarehouseDb.Postgres(new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = database }.ConnectionString, data);
    }

    /// <summary>Creates a database copied from the migrated template and returns its connection string.</summary>
    public static string NewPostgresDatabase()
    {
        var name = "qa_t_" + Guid.NewGuid().ToString("N")[..20];
        Admin($"CREATE DATABASE {name} TEMPLATE {Template.Value}");
        return With(name);
    }

    /// <summary>Drops a test's PostgreSQL database (its connections are closed first); SQLite files go with the folder.</summary>
    public static void Drop(WarehouseDb warehouse)
    {
        if (!warehouse.IsPostgres) return;
        var database = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static string With(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One template per schema version (named after the latest migration), made under an advisory lock so that
    /// the test projects, which run in parallel, make it once; marked ready only when fully migrated.</summary>
    private static string CreateTemplate()
    {
        string version;
        using (var probe = WarehouseDb.Postgres(With("postgres"), Path.GetTempPath()).CreateContext())
        {
            version = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(probe.Database).Last();
        }
        var name = "qa_template_" + version.Split('_')[0];
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        admin.Open();
        Run(admin, "SELECT pg_advisory_lock(7172002)");
        try
        {
            using (var check = admin.CreateCommand())
            {
                check.CommandText = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name";
                check.Parameters.AddWithValue("name", name);
                var state = check.ExecuteScalar();
                if (state is "ready") return name;
                if (state is not null) Run(admin, $"DROP DATABASE {name} WITH (FORCE)");
            }
            Run(admin, $"CREATE DATABASE {name}");
            WarehouseInitializer.EnsureReady(WarehouseDb.Postgres(With(name), Path.GetTempPath()));
            NpgsqlConnection.ClearAllPools();
            Run(admin, $"COMMENT ON DATABASE {name} IS 'ready'");
            return name;
        }
        finally
        {
            Run(admin, "SELECT pg_advisory_unlock(7172002)");
        }
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that only means something on SQLite (its file locks, its raw statement API): skipped in the PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabases.OnPostgres) Skip = "SQLite only; this is the PostgreSQL pass";
    }
}

/// <summary>A test that needs PostgreSQL (several instances on one database, COPY): runs in the PostgreSQL pass only.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabases.OnPostgres) Skip = "PostgreSQL only; runs in the PostgreSQL pass of scripts/test.sh";
    }
}
