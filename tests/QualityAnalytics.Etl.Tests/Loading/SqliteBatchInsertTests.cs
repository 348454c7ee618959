using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>SQLite's batch insert on the real fact_complaint table: which rows went in, by each of its three paths (the
/// plain INSERT OR FAIL, the single rows after a conflict, the tolerant statement after that), and the stored rows of
/// the ones that did not, read in the same call with the values and lineage the comparison needs.</summary>
public sealed class SqliteBatchInsertTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private static object?[] Row(string id, bool valid, string description) =>
        [id, 1, new DateTime(2026, 5, 1, 10, 0, 0), 20260501, 20262, 1, valid, null, null, description, null, null, 1.5m, null, null];

    [SqliteFact]
    public void Conflicting_rows_come_back_with_their_stored_values_on_every_path()
    {
        using var connection = (SqliteConnection)_w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteBatchInsert(connection, FactTables.Complaint, batchId: 1, sourceFileId: 7, rows: 4);
        var inserted = new bool[4];

        insert.Insert([Row("A", true, "a"), Row("B", true, "b"), Row("C", true, "c"), Row("D", true, "d")], [2, 3, 4, 5], 4, inserted);
        Assert.Equal([true, true, true, true], inserted);
        Assert.Null(insert.Stored(0));

        // OR FAIL stops at B (E stays in); F and D go one by one.
        insert.Insert([Row("E", true, "e"), Row("B", false, "b2"), Row("F", true, "f"), Row("D", false, "d2")], [6, 7, 8, 9], 4, inserted);
        Assert.Equal([true, false, true, false], inserted);
        Assert.Null(insert.Stored(0));
        var b = insert.Stored(1)!;
        Assert.Equal(7L, b.SourceFileId);
        // department_key, received_at, …, valid, customer_key, category_key, description, …, direct_deduction: as stored.
        Assert.Equal([1L, "2026-05-01 10:00:00", 20260501L, 20262L, 1L, 1L, null, null, "b", null, null, "1.5", null, null], b.Values);
        Assert.Equal("d", insert.Stored(3)!.Values[8]);

        // After a conflict the tolerant statement takes the next batch whole.
        insert.Insert([Row("G", true, "g"), Row("A", true, "a"), Row("H", true, "h"), Row("C", true, "c")], [10, 11, 12, 13], 4, inserted);
        Assert.Equal([true, false, true, false], inserted);
        Assert.Equal("a", insert.Stored(1)!.Values[8]);
        Assert.Equal("c", insert.Stored(3)!.Values[8]);
        Assert.Null(insert.Stored(2));

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM fact_complaint";
        Assert.Equal(8L, count.ExecuteScalar());
    }

    [SqliteFact]
    public void After_a_conflict_batches_are_looked_up_first_and_their_new_rows_inserted_until_one_is_all_new()
    {
        using var connection = (SqliteConnection)_w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteBatchInsert(connection, FactTables.Complaint, batchId: 1, sourceFileId: 7, rows: 4);
        var inserted = new bool[4];
        insert.Insert([Row("A", true, "a"), Row("B", true, "b"), Row("C", true, "c"), Row("D", true, "d")], [2, 3, 4, 5], 4, inserted);
        insert.Insert([Row("E", true, "e"), Row("B", true, "b"), Row("F", true, "f"), Row("D", true, "d")], [6, 7, 8, 9], 4, inserted);
        Assert.Equal([true, false, true, false], inserted);

        // Expected to conflict: every key looked up; all four stored, nothing inserted.
        insert.Insert([Row("A", false, "a2"), Row("C", true, "c"), Row("E", true, "e"), Row("F", true, "f")], [10, 11, 12, 13], 4, inserted);
        Assert.Equal([false, false, false, false], inserted);
        Assert.Equal([1L, 1L, 1L, 1L], Enumerable.Range(0, 4).Select(i => insert.Stored(i)!.Values[5]));
        Assert.Equal(7L, insert.Stored(0)!.SourceFileId);

        // None of these is stored: the plain statement takes them, and the next batch is expected new again...
        insert.Insert([Row("I", true, "i"), Row("J", true, "j"), Row("K", true, "k"), Row("L", true, "l")], [14, 15, 16, 17], 4, inserted);
        Assert.Equal([true, true, true, true], inserted);
        Assert.Null(insert.Stored(0));

        // ... so a stored key stops the plain statement again (M kept, N and O one by one).
        insert.Insert([Row("M", true, "m"), Row("A", true, "a"), Row("N", true, "n"), Row("O", true, "o")], [18, 19, 20, 21], 4, inserted);
        Assert.Equal([true, false, true, true], inserted);
        Assert.Equal("a", insert.Stored(1)!.Values[8]);

        // Expected to conflict, and mixed: the stored ones read, the others inserted together.
        insert.Insert([Row("P", true, "p"), Row("B", true, "b"), Row("Q", true, "q"), Row("M", true, "m")], [22, 23, 24, 25], 4, inserted);
        Assert.Equal([true, false, true, false], inserted);
        Assert.Null(insert.Stored(0));
        Assert.Equal("b", insert.Stored(1)!.Values[8]);
        Assert.Equal("m", insert.Stored(3)!.Values[8]);

        // Three new rows around a stored one: in through a two-row and a one-row statement, each with its own values.
        insert.Insert([Row("R", true, "r"), Row("S", false, "s"), Row("A", true, "a"), Row("T", true, "t")], [26, 27, 28, 29], 4, inserted);
        Assert.Equal([true, true, false, true], inserted);
        Assert.Equal("a", insert.Stored(2)!.Values[8]);
        Assert.Equal("s", Scalar(connection, "SELECT description FROM fact_complaint WHERE complaint_id = 'S'"));
        Assert.Equal(0L, Scalar(connection, "SELECT valid FROM fact_complaint WHERE complaint_id = 'S'"));
        Assert.Equal(29L, Scalar(connection, "SELECT source_line FROM fact_complaint WHERE complaint_id = 'T'"));

        Assert.Equal(18L, Scalar(connection, "SELECT COUNT(*) FROM fact_complaint"));
        Assert.Equal("a", Scalar(connection, "SELECT description FROM fact_complaint WHERE complaint_id = 'A'"));
    }

    [SqliteFact]
    public async Task Rows_encoded_ahead_take_the_same_paths_and_a_failed_batch_leaves_the_connection_to_other_threads()
    {
        using var connection = (SqliteConnection)_w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var inserted = new bool[4];
        static EncodedRow[] Encoded(object?[][] rows) => [.. rows.Select(EncodedRow.Of)];
        using (var insert = new SqliteBatchInsert(connection, FactTables.Complaint, batchId: 1, sourceFileId: 7, rows: 4))
        {
            Assert.True(insert.TakesEncodedRows);
            object?[][] first = [Row("A", true, "a"), Row("B", true, "b"), Row("C", true, "c"), Row("D", true, "d")];
            insert.Insert(first, Encoded(first), [2, 3, 4, 5], 4, inserted);
            Assert.Equal([true, true, true, true], inserted);

            // The plain statement stops at B, F goes alone; one row of the batch is bound from its values (null encoding).
            object?[][] second = [Row("E", true, "e"), Row("B", false, "b2"), Row("F", true, "f"), Row("D", false, "d2")];
            var encoded = Encoded(second);
            encoded[2] = default;
            insert.Insert(second, encoded, [6, 7, 8, 9], 4, inserted);
            Assert.Equal([true, false, true, false], inserted);
            Assert.Equal("b", insert.Stored(1)!.Values[8]);

            // The tolerant statement.
            object?[][] third = [Row("G", true, "g"), Row("A", true, "a"), Row("H", true, "h"), Row("C", true, "c")];
            insert.Insert(third, Encoded(third), [10, 11, 12, 13], 4, inserted);
            Assert.Equal([true, false, true, false], inserted);
        }
        Assert.Equal("f", Scalar(connection, "SELECT description FROM fact_complaint WHERE complaint_id = 'F'"));
        Assert.Equal("2026-05-01 10:00:00", Scalar(connection, "SELECT received_at FROM fact_complaint WHERE complaint_id = 'H'"));

        // A failure that is not a key conflict (received_at is NOT NULL) is an error, and the insert lets go of the
        // connection's mutex, which it holds across a batch: another thread can use the connection afterwards.
        using (var insert = new SqliteBatchInsert(connection, FactTables.Complaint, batchId: 1, sourceFileId: 7, rows: 4))
        {
            object?[][] bad = [Row("X", true, "x"), Row("Y", true, "y"), Row("Z", true, "z"), Row("W", true, "w")];
            bad[0][2] = null;
            Assert.Throws<SqliteException>(() => insert.Insert(bad, Encoded(bad), [14, 15, 16, 17], 4, inserted));
        }
        // Asked from another thread without waiting (sqlite3_mutex_try), and before any await, so that a mutex left held
        // fails the test on the thread that holds it (whose clean-up can then still use the connection) instead of hanging it.
        var free = false;
        var probe = new Thread(() => free = ConnectionMutexIsFree(connection));
        probe.Start();
        Assert.True(probe.Join(TimeSpan.FromSeconds(30)) && free, "the connection's mutex is still held after the failed batch");
        var count = await Task.Run(() => Scalar(connection, "SELECT COUNT(*) FROM fact_complaint")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(8L, count);
    }

    private delegate nint DbMutex(nint db);
    private delegate int MutexTry(nint mutex);
    private delegate void MutexLeave(nint mutex);

    /// <summary>Whether the calling thread could take the connection's mutex at once (then releases it).</summary>
    private static bool ConnectionMutexIsFree(SqliteConnection connection)
    {
        var library = NativeLibrary.Load("e_sqlite3", typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, null);
        T Export<T>(string name) where T : Delegate => Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));
        var mutex = Export<DbMutex>("sqlite3_db_mutex")(connection.Handle!.DangerousGetHandle());
        if (Export<MutexTry>("sqlite3_mutex_try")(mutex) != SQLitePCL.raw.SQLITE_OK) return false;
        Export<MutexLeave>("sqlite3_mutex_leave")(mutex);
        return true;
    }

    [SqliteFact]
    public void A_stored_row_holding_exactly_the_encoded_values_comes_back_identical_and_any_other_with_its_values()
    {
        using var connection = (SqliteConnection)_w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var inserted = new bool[4];
        static EncodedRow[] Encoded(object?[][] rows) => [.. rows.Select(EncodedRow.Of)];
        using (var first = new SqliteBatchInsert(connection, FactTables.Complaint, batchId: 1, sourceFileId: 7, rows: 4))
        {
            object?[][] rows = [Row("A", true, "甲"), Row("B", true, "乙"), Row("C", true, "丙"), Row("D", true, "丁")];
            first.Insert(rows, Encoded(rows), [2, 3, 4, 5], 4, inserted);
        }
        // Stored by an older writer in another form of the same value: '1.50' for the decimal 1.5.
        using (var older = connection.CreateCommand())
        {
            older.CommandText = "UPDATE fact_complaint SET direct_deduction = '1.50' WHERE complaint_id = 'D'";
            older.ExecuteNonQuery();
        }

        using var reload = new SqliteBatchInsert(connection, FactTables.Complaint, batchId: 2, sourceFileId: 8, rows: 4);
        // A unchanged, B corrected, C unchanged but not encoded (a name became a key on the writing thread), D equal in value only.
        object?[][] again = [Row("A", true, "甲"), Row("B", true, "乙改"), Row("C", true, "丙"), Row("D", true, "丁")];
        var encoded = Encoded(again);
        encoded[2] = default;
        reload.Insert(again, encoded, [2, 3, 4, 5], 4, inserted);
        Assert.Equal([false, false, false, false], inserted);

        var a = reload.Stored(0)!;
        Assert.True(a.IsIdentical);
        Assert.Equal(7L, a.SourceFileId);
        Assert.Empty(a.Values);
        Assert.False(reload.Stored(1)!.IsIdentical);
        Assert.Equal("乙", reload.Stored(1)!.Values[8]);
        Assert.False(reload.Stored(2)!.IsIdentical);
        Assert.Equal("丙", reload.Stored(2)!.Values[8]);
        var d = reload.Stored(3)!;
        Assert.False(d.IsIdentical);
        Assert.Equal("1.50", d.Values[11]);
        Assert.True(StoredValue.Same(d.Values[11], 1.5m));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [SqliteFact]
    public void A_stored_row_reads_back_as_Microsoft_Data_Sqlite_reads_it()
    {
        using var connection = (SqliteConnection)_w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteBatchInsert(connection, FactTables.Complaint, batchId: 1, sourceFileId: 7, rows: 2);
        var inserted = new bool[2];
        object?[] chinese = ["Z", 3, new DateTime(2026, 5, 1, 10, 0, 0).AddTicks(1234567), 20260501, 20262, 2, false, 5, 6,
            "账单金额与实际用量不符，退费流程过于繁琐 😀", new DateTime(2026, 5, 2), null, 12.25m, "", "不满意"];
        insert.Insert([chinese, Row("Y", true, "")], [2, 3], 2, inserted);
        Assert.Equal([true, true], inserted);

        insert.Insert([Row("Z", true, "again"), Row("Y", true, "again")], [4, 5], 2, inserted);

        Assert.Equal([false, false], inserted);
        foreach (var (id, index) in new[] { ("Z", 0), ("Y", 1) })
        {
            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = $"SELECT {string.Join(", ", FactTables.Complaint.ValueColumns)} FROM fact_complaint WHERE complaint_id = '{id}'";
            using var reader = read.ExecuteReader();
            Assert.True(reader.Read());
            var expected = Enumerable.Range(0, reader.FieldCount).Select(c => reader.IsDBNull(c) ? null : reader.GetValue(c)).ToArray();
            Assert.Equal(expected, insert.Stored(index)!.Values);
        }
    }
}
