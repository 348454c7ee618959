using System.Globalization;
using Npgsql;

namespace QualityAnalytics.Benchmarks;

/// <summary>The PostgreSQL server the loader benchmark measures against, reached through its admin connection string.
/// Every measured load gets a database of its own. The server must be durable (fsync, synchronous commit and full-page
/// writes on: scripts/postgres.sh without QA_PG_FAST), as in production: the throwaway test server would flatter it.</summary>
public sealed class PostgresServer
{
    private readonly NpgsqlConnectionStringBuilder _admin;

    public PostgresServer(string adminConnectionString)
    {
        _admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        var unsafeSettings = new[] { "fsync", "synchronous_commit", "full_page_writes" }.Where(s => Show(s) != "on").ToList();
        if (unsafeSettings.Count > 0)
            throw new ArgumentException($"the PostgreSQL server at {_admin.Host}:{_admin.Port} is not durable ({string.Join(", ", unsafeSettings)} off): " +
                                        "start one with `QA_PG_PORT=55433 bash scripts/postgres.sh` (without QA_PG_FAST) and pass it with --postgres");
    }

    /// <summary>A new, empty database (dropped first if a previous run left it) and its connection string.</summary>
    public string CreateDatabase(string name)
    {
        DropDatabase(name);
        Admin($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>The same server and user as a libpq connection string, for psql.</summary>
    public string Libpq(string database) => string.Create(CultureInfo.InvariantCulture,
        $"host={_admin.Host} port={_admin.Port} user={_admin.Username} dbname={database}");

    public long Count(string database, string table)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = database }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Version and the settings that decide write speed, for the results document.</summary>
    public string Describe() =>
        $"PostgreSQL {Show("server_version")} on {_admin.Host}:{_admin.Port} (fsync={Show("fsync")}, synchronous_commit={Show("synchronous_commit")}, " +
        $"full_page_writes={Show("full_page_writes")}, wal_level={Show("wal_level")}, shared_buffers={Show("shared_buffers")}, max_wal_size={Show("max_wal_size")})";

    private string Show(string setting)
    {
        using var connection = new NpgsqlConnection(_admin.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)command.ExecuteScalar()!;
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(_admin.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
