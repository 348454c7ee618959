using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QualityAnalytics.Etl.Loading;

/// <summary>SQLite's multi-row insert bound by position on the connection's own handle. Microsoft.Data.Sqlite binds
/// every parameter by name on every execution (<c>sqlite3_bind_parameter_index</c>, a linear search of the
/// statement's parameter names): for a statement of 128 rows × 16 values that search costs more than the insert.
/// Here the statement is prepared once per file and each value bound to its index, converted exactly as
/// Microsoft.Data.Sqlite converts it (so the stored text is the same whichever path wrote a row; see
/// <see cref="StoredValue"/>). It runs inside the connection's open transaction like any command.</summary>
internal sealed class SqliteBatchInsert : IBatchInsert
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly TableSpec _spec;
    private readonly BatchInsert.Returned _returned;

    public SqliteBatchInsert(SqliteConnection connection, TableSpec spec, long batchId, long sourceFileId, int rows)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _spec = spec;
        _returned = new BatchInsert.Returned(spec);
        RowsPerStatement = rows;
        var rc = raw.sqlite3_prepare_v2(_db, BatchInsert.Sql(spec, batchId, sourceFileId, rows, _ => "?"), out _stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public int RowsPerStatement { get; }

    public void Insert(object?[][] rows, int[] lines, int count, bool[] inserted)
    {
        if (count != RowsPerStatement) throw new ArgumentOutOfRangeException(nameof(count));
        _returned.Begin(rows, count, inserted);
        var index = 1;
        for (var r = 0; r < count; r++)
        {
            var values = rows[r];
            for (var i = 0; i < values.Length; i++) Bind(index++, values[i]);
            if (_spec.HasLineage) Check(raw.sqlite3_bind_int64(_stmt, index++, lines[r]));
        }
        int rc;
        try
        {
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
            {
                if (_spec.HasLineage) inserted[_returned.IndexOfLine(lines, count, raw.sqlite3_column_int64(_stmt, 0))] = true;
                else inserted[_returned.IndexOfKey(ReturnedKey())] = true;
            }
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    private string ReturnedKey()
    {
        var key = new object?[_spec.KeyColumns.Count];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = raw.sqlite3_column_type(_stmt, i) switch
            {
                raw.SQLITE_NULL => null,
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_stmt, i),
                _ => raw.sqlite3_column_text(_stmt, i).utf8_to_string(),
            };
        }
        return BatchInsert.Key(key, key.Length);
    }

    /// <summary>The value as Microsoft.Data.Sqlite's binder stores it: integers (and booleans as 0/1) as INTEGER,
    /// decimals, dates and times as TEXT in its formats, floating point as REAL.</summary>
    private void Bind(int index, object? value)
    {
        Span<char> buffer = stackalloc char[64];
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_stmt, index),
            // An empty span would be a null pointer, which SQLite binds as NULL: bind "" as text.
            string { Length: 0 } => raw.sqlite3_bind_text(_stmt, index, ""),
            string s => raw.sqlite3_bind_text16(_stmt, index, s.AsSpan()),
            int n => raw.sqlite3_bind_int64(_stmt, index, n),
            long n => raw.sqlite3_bind_int64(_stmt, index, n),
            short n => raw.sqlite3_bind_int64(_stmt, index, n),
            byte n => raw.sqlite3_bind_int64(_stmt, index, n),
            bool b => raw.sqlite3_bind_int64(_stmt, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_stmt, index, d),
            float f => raw.sqlite3_bind_double(_stmt, index, f),
            decimal d => raw.sqlite3_bind_text16(_stmt, index, Format(d, buffer)),
            DateTime dt => raw.sqlite3_bind_text16(_stmt, index, Format(dt, buffer)),
            DateOnly date => raw.sqlite3_bind_text16(_stmt, index, Format(date, buffer)),
            _ => throw new NotSupportedException($"{_spec.Table}: no SQLite binding for a value of type {value.GetType()}"),
        };
        Check(rc);
    }

    private static ReadOnlySpan<char> Format(decimal value, Span<char> buffer) =>
        value.TryFormat(buffer, out var n, "0.0###########################", CultureInfo.InvariantCulture) ? buffer[..n] : value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    /// <summary>yyyy-MM-dd HH:mm:ss.FFFFFFF (the provider's format: the fraction without trailing zeros, and without
    /// its point when it is zero), written digit by digit: the custom format parser cost ~0.3 s per million rows.</summary>
    internal static ReadOnlySpan<char> Format(DateTime value, Span<char> buffer)
    {
        Digits(buffer[..4], value.Year);
        buffer[4] = '-';
        Digits(buffer.Slice(5, 2), value.Month);
        buffer[7] = '-';
        Digits(buffer.Slice(8, 2), value.Day);
        buffer[10] = ' ';
        Digits(buffer.Slice(11, 2), value.Hour);
        buffer[13] = ':';
        Digits(buffer.Slice(14, 2), value.Minute);
        buffer[16] = ':';
        Digits(buffer.Slice(17, 2), value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0) return buffer[..19];
        buffer[19] = '.';
        Digits(buffer.Slice(20, 7), fraction);
        var end = 27;
        while (buffer[end - 1] == '0') end--;
        return buffer[..end];
    }

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    private static ReadOnlySpan<char> Format(DateOnly value, Span<char> buffer) =>
        value.TryFormat(buffer, out var n, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture) ? buffer[..n] : throw new FormatException();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _stmt.Dispose();
}
