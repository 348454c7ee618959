using Npgsql;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Host;

/// <summary>Serialises the one-time steps of instances starting together (Hangfire's tables, the first data-protection
/// key): on PostgreSQL an advisory lock on an unpooled session of its own (released with the session if the process
/// dies), on SQLite a lock file in the data folder. Short-lived: held for one step, never while serving.</summary>
public sealed class StartupLock : IDisposable
{
    /// <summary>"QA_INIT" in ASCII: apart from the load lock's key. Advisory locks are per database.</summary>
    private const long AdvisoryKey = 0x51_41_5F_49_4E_49_54;
    private readonly IDisposable _held;

    private StartupLock(IDisposable held) => _held = held;

    public static StartupLock Take(WarehouseDb warehouse)
    {
        if (!warehouse.IsPostgres)
            return new StartupLock(FileLock.Acquire(Path.Combine(warehouse.DataFolder, ".startup.lock"), TimeSpan.FromMinutes(5)));
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            Execute(connection, $"SELECT pg_advisory_lock({AdvisoryKey})");
            return new StartupLock(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_held is NpgsqlConnection { State: System.Data.ConnectionState.Open } connection)
        {
            try { Execute(connection, $"SELECT pg_advisory_unlock({AdvisoryKey})"); }
            catch (NpgsqlException) { } // the session is gone, and the lock with it
        }
        _held.Dispose();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
