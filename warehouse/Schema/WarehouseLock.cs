using System.Data;
using Npgsql;

namespace QualityAnalytics.Warehouse.Schema;

/// <summary>An exclusive lock that every process using one warehouse respects, and that is released when its holder
/// dies, however it dies, so a killed process never leaves it stuck.
/// <list type="bullet">
/// <item>SQLite (one machine): an exclusive lock file in the data folder.</item>
/// <item>PostgreSQL (several instances, possibly on several machines, sharing the database): a session-level advisory
/// lock on an unpooled connection of its own. A file lock would not do there: the data folder is then a network share,
/// whose locks are not reliable, and the database is what the instances truly share.</item>
/// </list>
/// Each use has its own name (the lock file) and key (the advisory lock); advisory locks are per database, so two
/// warehouses on one server never contend.</summary>
public sealed class WarehouseLock : IDisposable
{
    private readonly IDisposable _held;

    private WarehouseLock(IDisposable held) => _held = held;

    /// <summary>Waits up to <paramref name="timeout"/> (zero: one try). When the lock is not free by then: an
    /// IOException from the lock file on SQLite, a <see cref="WarehouseLockTimeoutException"/> on PostgreSQL
    /// (<see cref="IsBusy"/> tells both apart from real failures).</summary>
    public static WarehouseLock Acquire(WarehouseDb warehouse, string name, long advisoryKey, TimeSpan timeout, CancellationToken cancel = default) =>
        warehouse.IsPostgres
            ? new WarehouseLock(AdvisoryLock.Acquire(warehouse, name, advisoryKey, timeout, cancel))
            : new WarehouseLock(FileLock.Acquire(Path.Combine(warehouse.DataFolder, $".{name}.lock"), timeout, cancel));

    /// <summary>True for the exception <see cref="Acquire"/> throws when the lock stayed busy for the whole wait.</summary>
    public static bool IsBusy(Exception e) => e is WarehouseLockTimeoutException or IOException;

    public void Dispose() => _held.Dispose();

    /// <summary>pg_advisory_lock on a connection that bypasses the pool: the lock belongs to the session, so the session
    /// must end when the lock is let go (a pooled connection would keep it alive, and the lock with it). The server
    /// queues waiters itself; lock_timeout bounds the wait, and cancelling the token cancels the statement.</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection, long key) : IDisposable
    {
        public static AdvisoryLock Acquire(WarehouseDb warehouse, string name, long key, TimeSpan timeout, CancellationToken cancel)
        {
            var builder = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString)
            {
                Pooling = false,
                ApplicationName = $"qa {name} lock",
                // A machine that vanishes (rather than a process that dies) leaves a half-open connection: keepalives let
                // the server notice and end the session, releasing the lock.
                TcpKeepAlive = true,
            };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                connection.Open();
                Wait(connection, name, key, timeout, cancel);
                return new AdvisoryLock(connection, key);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        private static void Wait(NpgsqlConnection connection, string name, long key, TimeSpan timeout, CancellationToken cancel)
        {
            var milliseconds = (long)Math.Ceiling(timeout.TotalMilliseconds);
            // lock_timeout 0 would mean "wait forever": a zero timeout is a single try instead. The setting stays on
            // this session, which is the lock's own.
            if (milliseconds > 0) Execute(connection, $"SET lock_timeout = {Math.Min(milliseconds, int.MaxValue)}");
            using var command = connection.CreateCommand();
            command.CommandText = milliseconds > 0 ? "SELECT pg_advisory_lock(@key)" : "SELECT pg_try_advisory_lock(@key)";
            command.Parameters.AddWithValue("key", key);
            cancel.ThrowIfCancellationRequested();
            using var cancelling = cancel.Register(command.Cancel);
            try
            {
                if (milliseconds > 0) command.ExecuteNonQuery();
                else if (command.ExecuteScalar() is false) throw Busy(name, key, timeout);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw Busy(name, key, timeout);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled && cancel.IsCancellationRequested)
            {
                throw new OperationCanceledException($"cancelled while waiting for the {name} lock", ex, cancel);
            }
        }

        private static void Execute(NpgsqlConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static WarehouseLockTimeoutException Busy(string name, long key, TimeSpan timeout) =>
            new($"another {name} holds the warehouse's {name} lock (PostgreSQL advisory lock {key}); waited {timeout}.");

        public void Dispose()
        {
            try
            {
                if (connection.State == ConnectionState.Open)
                {
                    // Ending the session releases it too, but only once the server has noticed the client left: unlocking
                    // first means the lock is free when Dispose returns.
                    Execute(connection, $"SELECT pg_advisory_unlock({key})");
                }
            }
            catch (NpgsqlException)
            {
                // The connection broke: the server ended the session, and the lock with it.
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}

/// <summary>Another process held the lock for longer than the caller would wait.</summary>
public sealed class WarehouseLockTimeoutException(string message) : TimeoutException(message);
