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
