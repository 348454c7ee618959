using System.Data;
using Npgsql;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Jobs;

/// <summary>Loads never run at the same time. Held for the whole load, and released by the operating system or the
/// database server when its process dies, however it dies, so a killed load never leaves it stuck. Taken by every load
/// into a warehouse: the nightly load wherever it runs (a Hangfire worker of any instance, or `qa jobs run`; Hangfire's
/// distributed lock on the job sits on top of it: see NightlyLoadJob), `qa load`, and uploads through the dashboard.
/// <list type="bullet">
/// <item>SQLite (one machine): an exclusive lock file, .load.lock in the data folder (not the inbox, which a job may
/// be pointed elsewhere with --inbox: every load must meet the same lock).</item>
/// <item>PostgreSQL (several instances, possibly on several machines, sharing the database): a session-level advisory
/// lock on a connection of its own. A file lock would not do there: the data folder is then a network share, whose
/// locks are not reliable, and the database is what the instances truly share.</item>
/// </list></summary>
public sealed class LoadLock : IDisposable
{
    /// <summary>The advisory lock's key ("QA_LOAD" in ASCII). Advisory locks are per database, so two warehouses on one
    /// server never contend.</summary>
    public const long AdvisoryKey = 0x51_41_5F_4C_4F_41_44;

    private readonly IDisposable _held;

    private LoadLock(IDisposable held) => _held = held;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock. When it is not free by then: an IOException from
    /// the lock file on SQLite, a <see cref="LoadLockTimeoutException"/> on PostgreSQL.</summary>
    public static LoadLock Acquire(WarehouseDb warehouse, TimeSpan timeout, CancellationToken cancel = default) =>
        warehouse.IsPostgres
            ? new LoadLock(AdvisoryLock.Acquire(warehouse, timeout, cancel))
            : new LoadLock(FileLock.Acquire(Path.Combine(warehouse.DataFolder, ".load.lock"), timeout, cancel));

    /// <summary>The lock if it is free now, else null (another load holds it).</summary>
    public static LoadLock? TryAcquire(WarehouseDb warehouse)
    {
        try
        {
            return Acquire(warehouse, TimeSpan.Zero);
        }
        catch (Exception e) when (IsBusy(e))
        {
            return null;
        }
    }

    /// <summary>True for the exception <see cref="Acquire"/> throws when the lock stayed busy for the whole wait.</summary>
    public static bool IsBusy(Exception e) => e is LoadLockTimeoutException or IOException;

    public void Dispose() => _held.Dispose();

    /// <summary>pg_advisory_lock on a connection that bypasses the pool: the lock belongs to the session, so the session
    /// must end when the lock is let go (a pooled connection would keep it alive, and the lock with it). The server
    /// queues waiters itself; lock_timeout bounds the wait, and cancelling the token cancels the statement.</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection) : IDisposable
    {
        public static AdvisoryLock Acquire(WarehouseDb warehouse, TimeSpan timeout, CancellationToken cancel)
        {
            var builder = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString)
            {
                Pooling = false,
                ApplicationName = "qa load lock",
                // A machine that vanishes (rather than a process that dies) leaves a half-open connection: keepalives let
                // the server notice and end the session, releasing the lock.
                TcpKeepAlive = true,
            };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                connection.Open();
                Wait(connection, timeout, cancel);
                return new AdvisoryLock(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        private static void Wait(NpgsqlConnection connection, TimeSpan timeout, CancellationToken cancel)
        {
            var milliseconds = (long)Math.Ceiling(timeout.TotalMilliseconds);
            // lock_timeout 0 would mean "wait forever": a zero timeout is a single try instead. The setting stays on
            // this session, which is the lock's own.
            if (milliseconds > 0) Execute(connection, $"SET lock_timeout = {Math.Min(milliseconds, int.MaxValue)}");
            using var command = connection.CreateCommand();
            command.CommandText = milliseconds > 0 ? "SELECT pg_advisory_lock(@key)" : "SELECT pg_try_advisory_lock(@key)";
            command.Parameters.AddWithValue("key", AdvisoryKey);
            cancel.ThrowIfCancellationRequested();
            using var cancelling = cancel.Register(command.Cancel);
            try
            {
                if (milliseconds > 0) command.ExecuteNonQuery();
                else if (command.ExecuteScalar() is false) throw Busy(timeout);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw Busy(timeout);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled && cancel.IsCancellationRequested)
            {
                throw new OperationCanceledException("cancelled while waiting for the load lock", ex, cancel);
            }
        }

        private static void Execute(NpgsqlConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static LoadLockTimeoutException Busy(TimeSpan timeout) =>
            new($"another load holds the warehouse's load lock (PostgreSQL advisory lock {AdvisoryKey}); waited {timeout}.");

        public void Dispose()
        {
            try
            {
                if (connection.State == ConnectionState.Open)
                {
                    // Ending the session releases it too, but only once the server has noticed the client left: unlocking
                    // first means the lock is free when Dispose returns.
                    Execute(connection, $"SELECT pg_advisory_unlock({AdvisoryKey})");
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

/// <summary>Another load held the lock for longer than the caller would wait.</summary>
public sealed class LoadLockTimeoutException(string message) : TimeoutException(message);
