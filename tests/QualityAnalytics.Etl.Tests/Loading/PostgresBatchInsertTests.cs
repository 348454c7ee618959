using System.Data.Common;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>PostgreSQL's fast path (binary COPY into a staging table, then INSERT … SELECT … ON CONFLICT DO NOTHING
/// RETURNING): which rows it reports as new, what it stores, and that it lives and dies with the file's transaction.
/// PostgreSQL only: SQLite has no COPY, and its own fast path is covered by the loader tests of both passes.</summary>
public sealed class PostgresBatchInsertTests : IDisposable
{
    /// <summary>A table with a column of every type the COPY writer handles, lineage, and a natural key.</summary>
    private static readonly TableSpec Types = new("qa_types", ["k"], ["small", "i", "big", "amount", "flag", "at", "day", "ratio", "note"]);

    private const long BatchId = 7;
    private const long SourceFileId = 9;

    private readonly TestWarehouse _w = new();

    public PostgresBatchInsertTests()
    {
        if (!_w.Db.IsPostgres) return;
        Execute("""
            CREATE TABLE qa_types (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, k text NOT NULL UNIQUE, small smallint, i integer,
                big bigint, amount numeric, flag boolean NOT NULL DEFAULT FALSE, at timestamp without time zone, day date,
                ratio double precision, note text, batch_id bigint NOT NULL, source_file_id bigint NOT NULL, source_line integer NOT NULL)
            """);
    }

    public void Dispose() => _w.Dispose();

    private static object?[] Row(string key, int i = 1, string? note = null, bool flag = false) =>
        [key, (short)1, i, 2L, 3.5m, flag, new DateTime(2026, 5, 1, 10, 0, 0), new DateOnly(2026, 5, 1), 0.25, note];

    [PostgresFact]
    public void On_PostgreSQL_the_loader_takes_the_COPY_path_with_batches_larger_than_a_multi_row_insert_can_hold()
    {
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = BatchInsert.For(connection, transaction, FactTables.Complaint, BatchId, SourceFileId);
        Assert.Equal("PostgresBatchInsert", batch.GetType().Name);
        Assert.Equal(BatchInsert.DefaultRowsFor(connection), batch.RowsPerStatement);
        Assert.True(batch.RowsPerStatement > BatchInsert.DefaultRows);
        Assert.True(batch.FewestRows < batch.RowsPerStatement, "COPY takes a partial batch (the end of a file)");
    }

    [PostgresFact]
    public void New_rows_are_flagged_inserted_and_rows_whose_key_is_stored_are_left_as_they_were()
    {
        Execute("INSERT INTO qa_types (k, i, note, batch_id, source_file_id, source_line) VALUES ('b', 100, 'stored', 1, 1, 1), ('d', 200, 'stored', 1, 1, 2)");
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = BatchInsert.For(connection, transaction, Types, BatchId, SourceFileId, rows: 5);
        object?[][] rows = [Row("a"), Row("b", i: 1, note: "new"), Row("c"), Row("d", i: 2, note: "new"), Row("e")];
        var inserted = new bool[5];
        batch.Insert(rows, [2, 3, 4, 5, 6], 5, inserted);
        Assert.Equal([true, false, true, false, true], inserted);
        transaction.Commit();

        Assert.Equal(5, _w.Count("qa_types"));
        Assert.Equal("b|100|stored|1|1|1,d|200|stored|1|1|2", Rows("SELECT k, i, note, batch_id, source_file_id, source_line FROM qa_types WHERE k IN ('b', 'd') ORDER BY k"));
    }

    [PostgresFact]
    public void The_stored_rows_that_rows_conflicted_with_are_read_in_the_same_call()
    {
        Execute("INSERT INTO qa_types (k, i, amount, at, note, batch_id, source_file_id, source_line) VALUES " +
                "('b', 100, 96.50, '2026-04-03 14:05', 'stored', 1, 3, 1), ('d', 200, NULL, NULL, NULL, 1, 4, 2)");
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = BatchInsert.For(connection, transaction, Types, BatchId, SourceFileId, rows: 5);
        var inserted = new bool[5];
        batch.Insert([Row("a"), Row("b"), Row("c"), Row("d"), Row("e")], [2, 3, 4, 5, 6], 5, inserted);

        Assert.Equal([true, false, true, false, true], inserted);
        Assert.Null(batch.Stored(0));
        Assert.Null(batch.Stored(2));
        var b = batch.Stored(1)!;
        Assert.Equal(new object?[] { null, 100, null, 96.50m, false, new DateTime(2026, 4, 3, 14, 5, 0), null, null, "stored" }, b.Values);
        Assert.Equal(3L, b.SourceFileId);
        var d = batch.Stored(3)!;
        Assert.Equal(new object?[] { null, 200, null, null, false, null, null, null, null }, d.Values);
        Assert.Equal(4L, d.SourceFileId);

        // The next call forgets the previous one's stored rows.
        batch.Insert([Row("f"), Row("g"), Row("h"), Row("i"), Row("j")], [7, 8, 9, 10, 11], 5, inserted);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Null(batch.Stored(i)));
    }

    [PostgresFact]
    public void Stored_rows_of_a_two_column_key_are_matched_on_both_columns()
    {
        Execute("INSERT INTO fact_check_deduction (check_id, item, points, note, batch_id, source_file_id, source_line) VALUES " +
                "('K-1', '记录不全', 2, '旧', 1, 1, 1), ('K-2', '记录不全', 3, NULL, 1, 1, 2)");
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = BatchInsert.For(connection, transaction, FactTables.CheckDeduction, BatchId, SourceFileId, rows: 4);
        var inserted = new bool[4];
        batch.Insert([["K-1", "记录不全", 2.5m, "新"], ["K-1", "超时", 1m, null], ["K-2", "记录不全", 3m, null], ["K-3", "记录不全", 1m, null]],
            [2, 3, 4, 5], 4, inserted);

        Assert.Equal([false, true, false, true], inserted);
        Assert.Equal(new object?[] { 2m, "旧" }, batch.Stored(0)!.Values);
        Assert.Equal(new object?[] { 3m, null }, batch.Stored(2)!.Values);
        Assert.Null(batch.Stored(1));
    }

    [PostgresFact]
    public void Inserted_rows_carry_the_batch_the_source_file_and_their_own_line()
    {
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = BatchInsert.For(connection, transaction, Types, BatchId, SourceFileId, rows: 4);
        var inserted = new bool[4];
        batch.Insert([Row("a"), Row("b"), Row("c"), Row("d")], [2, 10, 11, 4000], 4, inserted);
        transaction.Commit();

        Assert.All(inserted, Assert.True);
        Assert.Equal("a|7|9|2,b|7|9|10,c|7|9|11,d|7|9|4000", Rows("SELECT k, batch_id, source_file_id, source_line FROM qa_types ORDER BY k"));
    }

    [PostgresFact]
    public void Every_value_type_round_trips_exactly_and_nulls_stay_null()
    {
        var at = new DateTime(2026, 6, 30, 23, 59, 59).AddTicks(1_234_560); // microseconds: PostgreSQL's precision
        object?[] full = ["全", (short)-32768, int.MaxValue, 9_000_000_000_000_000_000L, 1234567890.123456789012345678m, true, at,
            new DateOnly(2026, 7, 1), 0.1, "中文, \"quotes\"\ttab\nnewline \\ backslash"];
        object?[] scaled = ["scale", (short)0, 0, 0L, 96.50m, false, new DateTime(2026, 1, 1), DateOnly.MinValue, -1.5, ""];
        object?[] nulls = ["nulls", null, null, null, null, false, null, null, null, null];
        object?[] negative = ["neg", (short)1, -1, -1L, -0.0001m, false, new DateTime(1999, 12, 31, 23, 59, 59), new DateOnly(1999, 12, 31), double.Epsilon, " "];
        using (var connection = _w.Db.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        using (var batch = BatchInsert.For(connection, transaction, Types, BatchId, SourceFileId, rows: 4))
        {
            batch.Insert([full, scaled, nulls, negative], [2, 3, 4, 5], 4, new bool[4]);
            transaction.Commit();
        }

        foreach (var expected in new[] { full, scaled, nulls, negative })
        {
            var stored = Stored((string)expected[0]!);
            Assert.Equal(expected, stored);
            for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i]?.GetType(), stored[i]?.GetType());
        }
        // numeric keeps the scale it was given: 96.50 stays 96.50 (decimal equality alone would not tell).
        Assert.Equal("96.50", _w.Scalar("SELECT CAST(amount AS TEXT) FROM qa_types WHERE k = 'scale'"));
        Assert.Equal("", _w.Scalar("SELECT note FROM qa_types WHERE k = 'scale'"));
    }

    [PostgresFact]
    public void A_table_without_lineage_names_its_new_rows_by_key()
    {
        Execute("INSERT INTO dim_survey_question (question, text, weight, scale) VALUES ('Q2', '旧', 0.5, 5)");
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = BatchInsert.For(connection, transaction, FactTables.Question, BatchId, SourceFileId, rows: 4);
        var inserted = new bool[4];
        batch.Insert([["Q1", "服务态度", 0.4m, 5m], ["Q2", "新", 0.3m, 5m], ["Q3", "综合满意度", 0.3m, 10m], ["Q4", "响应速度", 0m, 5m]],
            [2, 3, 4, 5], 4, inserted);
        transaction.Commit();

        Assert.Equal([true, false, true, true], inserted);
        Assert.Equal("Q1|服务态度,Q2|旧,Q3|综合满意度,Q4|响应速度", Rows("SELECT question, text FROM dim_survey_question ORDER BY question"));
    }

    [PostgresFact]
    public void The_stage_is_empty_after_each_call_and_serves_a_second_source_of_the_same_table_in_the_file()
    {
        var stage = "qa_stage_" + Types.Table;
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var first = BatchInsert.For(connection, transaction, Types, BatchId, SourceFileId, rows: 4))
        {
            first.Insert([Row("a"), Row("b"), Row("c"), Row("d")], [2, 3, 4, 5], 4, new bool[4]);
            Assert.Equal(0L, Scalar(connection, $"SELECT COUNT(*) FROM {stage}"));
            var again = new bool[4];
            first.Insert([Row("e"), Row("a"), Row("f"), Row("g")], [6, 7, 8, 9], 4, again);
            Assert.Equal([true, false, true, true], again);
        }
        // A workbook's second sheet of the same kind: a new writer in the same transaction finds the stage, empty.
        using (var second = BatchInsert.For(connection, transaction, Types, BatchId, SourceFileId + 1, rows: 4))
        {
            var inserted = new bool[4];
            second.Insert([Row("h"), Row("e"), Row("i"), Row("j")], [2, 3, 4, 5], 4, inserted);
            Assert.Equal([true, false, true, true], inserted);
        }
        transaction.Commit();

        Assert.Equal(10, _w.Count("qa_types"));
        Assert.Equal(3, _w.Count("qa_types", "source_file_id = 10"));
        // ON COMMIT DROP: the session a pooled connection goes back with holds no stage.
        Assert.Null(Scalar(connection, $"SELECT CAST(to_regclass('{stage}') AS text)"));
    }

    [PostgresFact]
    public void A_rollback_leaves_neither_rows_nor_the_stage()
    {
        using var connection = _w.Db.OpenConnection();
        using (var transaction = connection.BeginTransaction())
        using (var batch = BatchInsert.For(connection, transaction, FactTables.Complaint, BatchId, SourceFileId, rows: 4))
        {
            batch.Insert([Complaint("C-1"), Complaint("C-2"), Complaint("C-3"), Complaint("C-4")], [2, 3, 4, 5], 4, new bool[4]);
            Assert.Equal(4L, Scalar(connection, "SELECT COUNT(*) FROM fact_complaint"));
            Assert.Equal("qa_stage_fact_complaint", Scalar(connection, "SELECT CAST(to_regclass('qa_stage_fact_complaint') AS text)"));
            transaction.Rollback();
        }
        Assert.Equal(0, _w.Count("fact_complaint"));
        Assert.Null(Scalar(connection, "SELECT CAST(to_regclass('qa_stage_fact_complaint') AS text)"));
    }

    [PostgresFact]
    public void A_value_of_the_wrong_type_is_refused_naming_the_column_and_the_file_rolls_back()
    {
        using var connection = _w.Db.OpenConnection();
        using (var transaction = connection.BeginTransaction())
        using (var batch = BatchInsert.For(connection, transaction, Types, BatchId, SourceFileId, rows: 4))
        {
            batch.Insert([Row("a"), Row("b"), Row("c"), Row("d")], [2, 3, 4, 5], 4, new bool[4]);
            var wrong = Row("f");
            wrong[2] = "12"; // text for an integer column: no silent conversion
            var ex = Assert.Throws<NotSupportedException>(() => batch.Insert([Row("e"), wrong, Row("g"), Row("h")], [6, 7, 8, 9], 4, new bool[4]));
            Assert.Contains("qa_types.i", ex.Message);
            transaction.Rollback();
        }
        Assert.Equal(0, _w.Count("qa_types"));
        // The connection is usable again after the cancelled COPY.
        Assert.Equal(1L, Scalar(connection, "SELECT CAST(1 AS bigint)"));
    }

    [PostgresFact]
    public void A_constraint_violated_in_the_target_fails_the_call_and_the_rollback_leaves_nothing()
    {
        using var connection = _w.Db.OpenConnection();
        using (var transaction = connection.BeginTransaction())
        using (var batch = BatchInsert.For(connection, transaction, FactTables.Complaint, BatchId, SourceFileId, rows: 4))
        {
            batch.Insert([Complaint("C-1"), Complaint("C-2"), Complaint("C-3"), Complaint("C-4")], [2, 3, 4, 5], 4, new bool[4]);
            var noDepartment = Complaint("C-6");
            noDepartment[1] = null; // department_key is NOT NULL in fact_complaint (the stage has no such constraint)
            Assert.Throws<Npgsql.PostgresException>(() =>
                batch.Insert([Complaint("C-5"), noDepartment, Complaint("C-7"), Complaint("C-8")], [6, 7, 8, 9], 4, new bool[4]));
            transaction.Rollback();
        }
        Assert.Equal(0, _w.Count("fact_complaint"));
    }

    [PostgresFact]
    public void Through_the_upsert_a_partial_batch_goes_by_COPY_and_the_last_few_rows_one_by_one()
    {
        Execute("INSERT INTO fact_complaint (complaint_id, department_key, received_at, received_date_key, quarter_key, channel_key, valid, batch_id, source_file_id, source_line) " +
                "VALUES ('C-3', 1, '2026-05-01 10:00', 20260501, 20262, 1, TRUE, 1, 1, 1), ('C-12', 1, '2026-05-01 10:00', 20260501, 20262, 1, TRUE, 1, 1, 2)");
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var audit = new AuditWriter(connection, transaction, BatchId, SourceFileId, "complaints.csv", null, new FakeTimeProvider());
        using var upsert = new UpsertCommand(connection, transaction, FactTables.Complaint, audit, BatchId, SourceFileId, batchSize: 8);
        Assert.Equal(8, upsert.BatchSize);
        foreach (var (first, count, expected) in new[]
                 {
                     (1, 8, new[] { true, true, false, true, true, true, true, true }),
                     (9, 5, new[] { true, true, true, false, true }), // a partial batch: COPY
                     (14, 2, new[] { true, true }),                   // fewer than COPY is worth: one by one
                 })
        {
            var rows = Enumerable.Range(first, count).Select(n => Complaint($"C-{n}")).ToArray();
            var lines = Enumerable.Range(first + 1, count).ToArray();
            var inserted = new bool[8];
            upsert.InsertBatch(rows, lines, count, inserted);
            Assert.Equal(expected, inserted[..count]);
        }
        transaction.Commit();
        Assert.Equal(15, _w.Count("fact_complaint"));
        Assert.Equal(13, _w.Count("fact_complaint", $"batch_id = {BatchId} AND source_line = CAST(substr(complaint_id, 3) AS integer) + 1"));
    }

    private static object?[] Complaint(string id) =>
        [id, 1, new DateTime(2026, 5, 1, 10, 0, 0), 20260501, 20262, 1, true, null, null, null, null, null, null, null, null];

    private object?[] Stored(string key)
    {
        using var connection = _w.Db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT k, {string.Join(", ", Types.ValueColumns)} FROM qa_types WHERE k = '{key}'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            // Npgsql reads a date as DateTime unless asked for DateOnly: ask, so the comparison is with what was written.
            values[i] = reader.IsDBNull(i) ? null : reader.GetDataTypeName(i) == "date" ? reader.GetFieldValue<DateOnly>(i) : reader.GetValue(i);
        }
        return values;
    }

    private string Rows(string sql)
    {
        using var connection = _w.Db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return string.Join(",", rows);
    }

    private static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private void Execute(string sql)
    {
        using var connection = _w.Db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
