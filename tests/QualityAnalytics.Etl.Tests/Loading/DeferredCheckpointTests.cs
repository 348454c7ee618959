using System.Text;
using Microsoft.Data.Sqlite;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>On SQLite a load's commit ends with the WAL synced (durable) and leaves the copy of its pages into the
/// database file, the checkpoint, to the work after the load (AfterLoad.Run), where it runs beside the marts' rebuild
/// (WarehouseDb.Checkpoint says why). The file here writes more than SQLite's automatic threshold (1,000 pages of 16 KiB)
/// into the WAL, so a loading connection that kept the automatic checkpoint would have copied the rows at its commit.</summary>
public sealed class DeferredCheckpointTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private const int Rows = 10_000;

    [SqliteFact]
    public void A_load_leaves_its_rows_in_the_wal_and_the_work_after_it_copies_them_into_the_database_file()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        // SQLite checkpoints when the last connection to a database closes, and other tests clear every connection pool
        // when they end: one connection held open keeps that from copying the rows behind the test's back.
        using var held = _w.Db.OpenConnection();
        _w.Db.Checkpoint(); // the schema and the departments into the database file, so that it can be read alone
        Assert.Equal(0, CountInDatabaseFile("fact_complaint"));
        var file = _w.Write("complaints.csv", LongComplaints());
        var batch = _w.Load(file);
        Assert.Equal(Rows, batch.Files.Single().Loaded);

        var wal = new FileInfo(_w.Db.FilePath + "-wal");
        Assert.True(wal.Length > 1000L * 16384, $"the WAL holds {wal.Length} bytes, fewer than the automatic checkpoint's 1,000 pages");
        Assert.Equal(Rows, _w.Count("fact_complaint")); // committed: every reader sees the rows
        Assert.Equal(0, CountInDatabaseFile("fact_complaint")); // but they are only in the WAL yet

        AfterLoad.Run(_w.Db, batch.BatchId, PolicyFile.Default, _w.Clock);

        Assert.Equal(Rows, CountInDatabaseFile("fact_complaint"));
    }

    [SqliteFact]
    public void The_loading_connection_goes_back_to_the_pool_with_the_automatic_checkpoint_on()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        // The pool hands the same physical connection to the next user (the dashboard's writes), which must checkpoint as usual.
        using var connection = _w.Db.OpenConnection();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA wal_autocheckpoint";
        Assert.Equal(1000L, (long)pragma.ExecuteScalar()!);
    }

    /// <summary>Complaints with ~2 KB descriptions: 10,000 of them write ~20 MB of pages.</summary>
    private static string LongComplaints()
    {
        var text = new StringBuilder("complaint_id,department,received_at,channel,valid,description\n");
        var description = string.Concat(Enumerable.Repeat("快递延误未及时处理，客户多次来电催促。", 35));
        for (var i = 1; i <= Rows; i++)
            text.Append($"W-{i:D5},{(i % 2 == 0 ? "LOG" : "STO")},2026-05-{1 + i % 28:D2} 10:{i % 60:D2},电话,是,{description}{i}\n");
        return text.ToString();
    }

    /// <summary>The rows the database file itself holds, without the WAL: SQLite opens an immutable file without
    /// its WAL or locks, as it would read a copy of the file alone.</summary>
    private long CountInDatabaseFile(string table)
    {
        using var connection = new SqliteConnection($"Data Source=file:{_w.Db.FilePath}?immutable=1;Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
