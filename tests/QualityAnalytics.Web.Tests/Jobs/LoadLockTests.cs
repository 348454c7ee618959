using Npgsql;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>Two holders of the load lock contend, on the pass's provider: a lock file on SQLite, a PostgreSQL advisory
/// lock (a session of its own) on PostgreSQL. The second waits while the first holds it and gets it when it is let go,
/// or gives up when it would wait longer than it was told.</summary>
public sealed class LoadLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-lock-" + Guid.NewGuid().ToString("N"));
    private readonly List<WarehouseDb> _warehouses = [];
    private readonly WarehouseDb _warehouse;

    public LoadLockTests()
    {
        Directory.CreateDirectory(_folder);
        _warehouse = NewWarehouse("a");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var warehouse in _warehouses) TestDatabases.Drop(warehouse);
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    private WarehouseDb NewWarehouse(string name)
    {
        var warehouse = TestDatabases.NewWarehouse(Path.Combine(_folder, name));
        _warehouses.Add(warehouse);
        return warehouse;
    }

    private static LoadLock Acquire(WarehouseDb warehouse, TimeSpan timeout, CancellationToken cancel = default) =>
        LoadLock.Acquire(warehouse, timeout, cancel);

    [Fact]
    public async Task The_second_holder_waits_while_the_first_holds_the_lock_and_gets_it_when_it_is_let_go()
    {
        var first = Acquire(_warehouse, TimeSpan.Zero);
        var second = Task.Run(() => Acquire(_warehouse, Patience));
        await Waiting(_warehouse, second);
        Assert.False(second.IsCompleted, "the second holder got the lock while the first held it");

        first.Dispose();
        using var got = await second.WaitAsync(Patience);
        // And now the first cannot have it back.
        Assert.ThrowsAny<Exception>(() => Acquire(_warehouse, TimeSpan.FromMilliseconds(200)).Dispose());
    }

    [Fact]
    public void A_holder_that_would_wait_longer_than_it_was_told_is_told_the_lock_is_busy()
    {
        using (Acquire(_warehouse, TimeSpan.Zero))
        {
            var busy = Assert.ThrowsAny<Exception>(() => Acquire(_warehouse, TimeSpan.FromMilliseconds(300)).Dispose());
            // The file lock's own IOException on SQLite, as before; the advisory lock says what it waited for.
            if (_warehouse.IsPostgres) Assert.Contains("another load holds the warehouse's load lock", Assert.IsType<WarehouseLockTimeoutException>(busy).Message);
            else Assert.IsAssignableFrom<IOException>(busy);
            Assert.ThrowsAny<Exception>(() => Acquire(_warehouse, TimeSpan.Zero).Dispose());
        }
        Acquire(_warehouse, TimeSpan.Zero).Dispose();
    }

    [PostgresFact]
    public void Two_warehouses_on_one_server_do_not_share_the_lock()
    {
        var other = NewWarehouse("b");
        using var here = Acquire(_warehouse, TimeSpan.Zero);
        using var there = Acquire(other, TimeSpan.Zero);
    }

    [PostgresFact]
    public async Task A_waiter_whose_run_is_cancelled_stops_waiting()
    {
        using var first = Acquire(_warehouse, TimeSpan.Zero);
        using var cancel = new CancellationTokenSource();
        var second = Task.Run(() => Acquire(_warehouse, Patience, cancel.Token));
        await Waiting(_warehouse, second);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Patience));
    }

    [PostgresFact]
    public async Task The_lock_of_a_session_that_dies_is_free_for_the_next_load()
    {
        var holder = Acquire(_warehouse, TimeSpan.Zero);
        var waiter = Task.Run(() => Acquire(_warehouse, Patience));
        await Waiting(_warehouse, waiter);

        // What the server does when the holder's process is killed: its session ends.
        using (var admin = _warehouse.OpenConnection())
        using (var terminate = admin.CreateCommand())
        {
            terminate.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = @low " +
                                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
            terminate.Parameters.Add(new NpgsqlParameter("low", (long)(uint)(LoadLock.AdvisoryKey & 0xFFFF_FFFF)));
            Assert.Equal(true, terminate.ExecuteScalar());
        }
        using var got = await waiter.WaitAsync(Patience);
        holder.Dispose(); // its connection is gone: letting go of it must not throw
    }

    private long RunningBatch()
    {
        // What a load killed mid-file leaves: its batch row, committed before its files, still running.
        using var connection = _warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO load_batch (started_at, loaded_by, status, files, read, loaded, updated, unchanged, quarantined, rejected, marts_refreshed) " +
                              "VALUES (CURRENT_TIMESTAMP, 'killed', 'running', 1, 0, 0, 0, 0, 0, 0, FALSE) RETURNING id";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Status(long batch)
    {
        using var connection = _warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT status FROM load_batch WHERE id = {batch}";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void A_batch_a_killed_load_left_running_is_marked_failed_when_the_next_load_takes_the_lock()
    {
        var batch = RunningBatch();

        using (Acquire(_warehouse, TimeSpan.Zero)) Assert.Equal("failed", Status(batch));
    }

    [Fact]
    public void A_running_batch_of_a_load_that_holds_the_lock_is_left_alone_by_a_load_that_waits_for_it()
    {
        using var first = Acquire(_warehouse, TimeSpan.Zero);
        var batch = RunningBatch(); // the first holder's own load, still running

        Assert.ThrowsAny<Exception>(() => Acquire(_warehouse, TimeSpan.FromMilliseconds(300)).Dispose());

        Assert.Equal("running", Status(batch));
    }

    /// <summary>Until the second holder is waiting. PostgreSQL shows it (an advisory lock not granted, in this database);
    /// a lock file does not, so on SQLite the waiter is given a moment in which it must not have got through.</summary>
    private static async Task Waiting(WarehouseDb warehouse, Task waiter)
    {
        if (!warehouse.IsPostgres)
        {
            await Task.WhenAny(waiter, Task.Delay(500));
            return;
        }
        var deadline = DateTime.UtcNow + Patience;
        while (!waiter.IsCompleted)
        {
            using (var connection = warehouse.OpenConnection())
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted " +
                                      "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
                if ((long)command.ExecuteScalar()! > 0) return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the second holder never started waiting");
            await Task.Delay(50);
        }
    }
}
