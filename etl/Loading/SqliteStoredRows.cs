using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Reads, in one statement, the stored rows that a batch's rows conflicted with (a reload, a correction), so
/// that each conflicting row is compared with what is stored without a query of its own: through ADO.NET a query per row
/// was about half of a 1M-row reload. <c>SELECT key, values, source_file_id FROM table WHERE (key) IN (VALUES (?), …)</c>
/// with one slot per row of a batch (unused slots bound to NULL, which matches nothing), bound through the loader's
/// binder. Values come back as Microsoft.Data.Sqlite's reader returns them (by storage class: INTEGER as long, REAL as
/// double, TEXT as string), so the comparison sees the same values either way; they are read through
/// <see cref="SqliteNative"/> where it is available.
/// <para>A reload of unchanged rows is the nightly common case (the departments send their whole files again). Where the
/// new row was encoded by the staging thread (<see cref="SqliteRowEncoding"/>: exactly what SQLite would store for it),
/// the stored columns are first compared with those bytes in place: equal storage classes and equal bytes mean equal
/// values, and the row comes back as <see cref="StoredRow.Identical"/> without a string or a box made for it. Any
/// difference (a correction, or a value stored in another form that may still be equal, such as an older "1.50")
/// reads the row's values for the full comparison as before.</para></summary>
internal sealed class SqliteStoredRows : IDisposable
{
    private readonly sqlite3 _db;
    private readonly TableSpec _spec;
    private readonly SqliteValueBinder _binder;
    private readonly sqlite3_stmt _select;
    private readonly int _slots;
    private readonly Dictionary<string, int> _conflicting = new(StringComparer.Ordinal);

    public SqliteStoredRows(sqlite3 db, TableSpec spec, SqliteValueBinder binder, int rows)
    {
        _db = db;
        _spec = spec;
        _binder = binder;
        _slots = rows;
        var keys = string.Join(", ", spec.KeyColumns);
        var slot = "(" + string.Join(", ", spec.KeyColumns.Select(_ => "?")) + ")";
        var sql = $"SELECT {keys}, {string.Join(", ", spec.ValueColumns)}{(spec.HasLineage ? ", source_file_id" : "")} FROM {spec.Table} " +
                  $"WHERE ({keys}) IN (VALUES {string.Join(", ", Enumerable.Repeat(slot, rows))})";
        var rc = raw.sqlite3_prepare_v2(db, sql, out _select);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    /// <summary>Fills stored[i] for each row i of rows[0..count) that was not inserted; a row whose stored row is not
    /// found stays null (the caller then reads it itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(object?[][] rows, EncodedRow[]? encoded, int count, bool[] inserted, StoredRow?[] stored)
    {
        var keyCount = _spec.KeyColumns.Count;
        _conflicting.Clear();
        _binder.BeginBatch(_select);
        var index = 1;
        for (var i = 0; i < count; i++)
        {
            if (inserted[i]) continue;
            _conflicting[BatchInsert.Key(rows[i], keyCount)] = i;
            for (var k = 0; k < keyCount; k++) _binder.Bind(_select, index++, rows[i][k]);
        }
        while (index <= _slots * keyCount) _binder.Bind(_select, index++, null);

        int rc;
        try
        {
            var key = new object?[keyCount];
            while ((rc = raw.sqlite3_step(_select)) == raw.SQLITE_ROW)
            {
                for (var k = 0; k < keyCount; k++) key[k] = Column(k);
                if (!_conflicting.TryGetValue(BatchInsert.Key(key, keyCount), out var i)) continue;
                var valueCount = _spec.ValueColumns.Count;
                long? sourceFile = _spec.HasLineage ? raw.sqlite3_column_int64(_select, keyCount + valueCount) : null;
                if (encoded is not null && encoded[i].Exists && StoresExactly(encoded[i].Entries, keyCount, valueCount))
                {
                    stored[i] = StoredRow.Identical(sourceFile);
                    continue;
                }
                var values = new object?[valueCount];
                for (var v = 0; v < values.Length; v++) values[v] = Column(keyCount + v);
                stored[i] = new StoredRow(values, sourceFile);
            }
        }
        finally
        {
            raw.sqlite3_reset(_select);
        }
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Whether the current stored row's value columns (select columns keyCount…) hold exactly the value entries
    /// of <paramref name="encoded"/> (the key entries first, skipped): the same storage class and the same integer, the
    /// same double or the same UTF-8 bytes. Natively only (false otherwise: the values are then compared as objects).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe bool StoresExactly(ReadOnlySpan<byte> encoded, int keyCount, int valueCount)
    {
        if (!SqliteNative.Available) return false;
        var handle = _select.DangerousGetHandle();
        var entries = new SqliteRowEncoding.Reader(encoded);
        for (var k = 0; k < keyCount; k++) entries.Skip();
        for (var v = 0; v < valueCount; v++)
        {
            var column = keyCount + v;
            var tag = entries.Tag;
            var same = SqliteNative.ColumnType(handle, column) switch
            {
                raw.SQLITE_NULL => tag == SqliteRowEncoding.Null,
                raw.SQLITE_INTEGER => tag == SqliteRowEncoding.Integer && SqliteNative.ColumnInt64(handle, column) == entries.Integer,
                raw.SQLITE_FLOAT => tag == SqliteRowEncoding.Real && BitConverter.DoubleToInt64Bits(SqliteNative.ColumnDouble(handle, column)) == BitConverter.DoubleToInt64Bits(entries.Real),
                raw.SQLITE_TEXT => tag == SqliteRowEncoding.Text && SqliteNative.ColumnUtf8(handle, column).SequenceEqual(entries.Text),
                _ => false,
            };
            if (!same) return false;
            entries.Skip();
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private object? Column(int i)
    {
        if (!SqliteNative.Available) return ColumnThroughSqlitePcl(i);
        var handle = _select.DangerousGetHandle(); // the statement is this object's own, alive until Dispose
        return SqliteNative.ColumnType(handle, i) switch
        {
            raw.SQLITE_NULL => null,
            raw.SQLITE_INTEGER => SqliteNative.ColumnInt64(handle, i),
            raw.SQLITE_FLOAT => SqliteNative.ColumnDouble(handle, i),
            raw.SQLITE_TEXT => SqliteNative.ColumnText(handle, i),
            _ => raw.sqlite3_column_blob(_select, i).ToArray(),
        };
    }

    private object? ColumnThroughSqlitePcl(int i) => raw.sqlite3_column_type(_select, i) switch
    {
        raw.SQLITE_NULL => null,
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_select, i),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_select, i),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(_select, i).utf8_to_string(),
        _ => raw.sqlite3_column_blob(_select, i).ToArray(),
    };

    public void Dispose() => _select.Dispose();
}
