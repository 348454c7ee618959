using Microsoft.Data.Sqlite;
using QualityAnalytics.Etl.Loading;
using SQLitePCL;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>The loader's own binder stores every value exactly as Microsoft.Data.Sqlite's parameters do (same value,
/// same storage class), so a row reads back the same whichever path wrote it.</summary>
public sealed class SqliteValueBinderTests
{
    public static TheoryData<string, object?> Values() => new()
    {
        { "null", null },
        { "empty text", "" },
        { "ascii text", "TS0000000001" },
        { "chinese text", "客户反映营业厅排队时间过长，工作人员未按承诺时间回电" },
        { "text with an emoji and a NUL-free control", "服务\t好 😀" },
        { "int", 20261127 },
        { "negative long", -9_000_000_000L },
        { "short", (short)7 },
        { "byte", (byte)255 },
        { "true", true },
        { "false", false },
        { "double", 0.1 + 0.2 },
        { "float", 2.5f },
        { "decimal zero", 0m },
        { "decimal with trailing zeros", 1.50m },
        { "negative decimal", -3.25m },
        { "wide decimal", 12345678901234567890.1234567m },
        { "date and time", new DateTime(2026, 3, 31, 23, 59, 59) },
        { "date and time with a fraction", new DateTime(2026, 4, 1, 0, 0, 0).AddTicks(1_234_500) },
        { "midnight", new DateTime(2026, 1, 1) },
        { "date", new DateOnly(2026, 10, 10) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_stored_as_the_provider_stores_it(string what, object? value)
    {
        using var connection = StoredByProvider(value, "by_binder");
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO by_binder VALUES (?)", out var stmt));
        using (stmt)
        {
            var binder = new SqliteValueBinder(connection.Handle!, "by_binder");
            binder.BeginBatch(stmt);
            binder.Bind(stmt, 1, value);
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(stmt));
        }
        Assert.Equal(Stored(connection, "by_provider"), Stored(connection, "by_binder"));
        Assert.NotNull(what);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task A_value_encoded_ahead_on_another_thread_is_stored_as_the_provider_stores_it(string what, object? value)
    {
        using var connection = StoredByProvider(value, "by_row");
        // The staging thread encodes; the writing thread binds the bytes.
        var encoded = await Task.Run(() => EncodedRow.Of([value]));
        Assert.True(encoded.Exists);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO by_row VALUES (?)", out var stmt));
        using (stmt)
        {
            var binder = new SqliteValueBinder(connection.Handle!, "by_row");
            binder.BeginBatch(stmt);
            Assert.Equal(2, binder.BindRow(stmt, 1, encoded));
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(stmt));
        }
        Assert.Equal(Stored(connection, "by_provider"), Stored(connection, "by_row"));
        Assert.NotNull(what);
    }

    [Fact]
    public void Encoded_rows_and_single_values_share_one_batch_and_each_value_lands_in_its_own_column()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var values = Values().Select(v => v[1]).ToArray();
        var columns = string.Join(", ", values.Select((_, i) => $"c{i}"));
        Execute(connection, $"CREATE TABLE t ({columns}, line); CREATE TABLE expected ({columns}, line)");
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO expected VALUES ({string.Join(", ", values.Select((_, i) => $"$p{i}"))}, $line)";
            for (var i = 0; i < values.Length; i++) insert.Parameters.AddWithValue($"$p{i}", values[i] ?? DBNull.Value);
            insert.Parameters.AddWithValue("$line", 7);
            for (var copy = 0; copy < 3; copy++) insert.ExecuteNonQuery();
        }
        var encoded = EncodedRow.Of(values);
        var row = $"({string.Join(", ", values.Select(_ => "?"))}, ?)";
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, $"INSERT INTO t VALUES {row}, {row}, {row}", out var stmt));
        using (stmt)
        {
            var binder = new SqliteValueBinder(connection.Handle!, "t");
            binder.BeginBatch(stmt);
            var index = 1;
            for (var r = 0; r < 3; r++)
            {
                // Rows 0 and 2 as the staging thread encoded them, row 1 value by value (a row whose names became keys).
                if (r == 1) foreach (var value in values) binder.Bind(stmt, index++, value);
                else index = binder.BindRow(stmt, index, encoded);
                binder.BindInteger(stmt, index++, 7);
            }
            Assert.Equal(3 * (values.Length + 1) + 1, index);
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(stmt));
        }
        using var compare = connection.CreateCommand();
        compare.CommandText = "SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM expected))";
        using var reader = compare.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(3, reader.GetInt32(0));
        Assert.Equal(0, reader.GetInt32(1));
    }

    [Fact]
    public void Dates_and_times_are_written_as_the_provider_formats_them_across_the_whole_range()
    {
        var random = new Random(20261127);
        var buffer = new byte[32];
        DateTime[] edges = [DateTime.MinValue, DateTime.MaxValue, new(2026, 3, 31, 23, 59, 59), new(2000, 1, 1), new(999, 12, 31, 9, 5, 7, 10)];
        var samples = edges.Concat(Enumerable.Range(0, 20_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks))));
        foreach (var value in samples)
        {
            var expected = value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(buffer, 0, SqliteRowEncoding.Format(value, buffer)));
        }
    }

    [Fact]
    public void A_row_with_a_value_SQLite_has_no_conversion_for_is_not_encoded_and_binding_it_names_the_type()
    {
        Assert.False(EncodedRow.Of(["TS1", Guid.Empty]).Exists);
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, "SELECT ?", out var stmt));
        using (stmt)
        {
            var binder = new SqliteValueBinder(connection.Handle!, "fact_x");
            binder.BeginBatch(stmt);
            var error = Assert.Throws<NotSupportedException>(() => binder.Bind(stmt, 1, Guid.Empty));
            Assert.Contains("fact_x", error.Message);
            Assert.Contains("System.Guid", error.Message);
        }
    }

    [Fact]
    public void Many_texts_in_one_batch_outgrow_the_arena_and_each_keeps_its_own_bytes()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (" + string.Join(", ", Enumerable.Range(0, 200).Select(i => $"c{i}")) + ")");
        var texts = Enumerable.Range(0, 200).Select(i => new string((char)('一' + i), 200 + i)).ToArray(); // ~120 KiB of UTF-8
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO t VALUES (" + string.Join(", ", texts.Select(_ => "?")) + ")", out var stmt));
        using (stmt)
        {
            var binder = new SqliteValueBinder(connection.Handle!, "t");
            binder.BeginBatch(stmt);
            for (var i = 0; i < texts.Length; i++) binder.Bind(stmt, i + 1, texts[i]);
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(stmt));
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT * FROM t";
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        for (var i = 0; i < texts.Length; i++) Assert.Equal(texts[i], reader.GetString(i));
    }

    [Fact]
    public void A_statement_executed_again_holds_exactly_each_new_value_whether_or_not_it_was_bound_again()
    {
        // The binder skips binding the NULL or integer a parameter already holds; every sequence of kinds per
        // parameter (NULL, the same integer, another integer, a text, a real, back to NULL...) must still read back as asked.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        object?[][] executions =
        [
            [null, 1, 1L, "a", 2.5, null],
            [null, 1, 1L, "a", 2.5, null],
            [1, null, 2L, null, 2.5, "1"],
            [1, 1, 2L, 7, null, 1],
            [0, 1, 2L, 7, 7, 1L],
            [null, true, -2L, "", 7, 2],
            [null, false, -2L, null, null, null],
        ];
        var columns = executions[0].Length;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, "SELECT " + string.Join(", ", Enumerable.Range(1, columns).Select(i => $"?{i}")), out var stmt));
        using (stmt)
        {
            var binder = new SqliteValueBinder(connection.Handle!, "t");
            var step = 0;
            foreach (var values in executions)
            {
                binder.BeginBatch(stmt);
                // Alternately encoded ahead (the staging thread's rows) and value by value, as a batch may mix them.
                if (step++ % 2 == 0) Assert.Equal(columns + 1, binder.BindRow(stmt, 1, EncodedRow.Of(values)));
                else for (var i = 0; i < columns; i++) binder.Bind(stmt, i + 1, values[i]);
                Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(stmt));
                for (var i = 0; i < columns; i++) Assert.Equal(Expected(values[i]), Read(stmt, i));
                raw.sqlite3_reset(stmt);
            }
        }

        static object? Expected(object? value) => value switch
        {
            null => null,
            bool b => b ? 1L : 0L,
            int i => (long)i,
            _ => value,
        };

        static object? Read(sqlite3_stmt stmt, int column) => raw.sqlite3_column_type(stmt, column) switch
        {
            raw.SQLITE_NULL => null,
            raw.SQLITE_INTEGER => raw.sqlite3_column_int64(stmt, column),
            raw.SQLITE_FLOAT => raw.sqlite3_column_double(stmt, column),
            _ => raw.sqlite3_column_text(stmt, column).utf8_to_string(),
        };
    }

    [Fact]
    public void Binding_to_a_statement_other_than_the_batch_s_is_refused()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, "SELECT ?", out var first));
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, "SELECT ?", out var second));
        using (first)
        using (second)
        {
            var binder = new SqliteValueBinder(connection.Handle!, "t");
            binder.BeginBatch(first);
            binder.Bind(first, 1, 5);
            Assert.Throws<InvalidOperationException>(() => binder.Bind(second, 1, 5));
        }
    }

    [Fact]
    public void The_values_go_straight_to_the_library_the_provider_runs_on() => Assert.True(SqliteValueBinder.BindsNatively);

    /// <summary>An in-memory database with <paramref name="value"/> stored in table by_provider through
    /// Microsoft.Data.Sqlite's parameters, and an empty table <paramref name="other"/> beside it.</summary>
    private static SqliteConnection StoredByProvider(object? value, string other)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE by_provider (v); CREATE TABLE {other} (v)");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO by_provider VALUES ($v)";
        insert.Parameters.AddWithValue("$v", value ?? DBNull.Value);
        insert.ExecuteNonQuery();
        return connection;
    }

    private static string Stored(SqliteConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT typeof(v) || ':' || quote(v) FROM {table}";
        return (string)cmd.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
