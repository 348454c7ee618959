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
/// <see cref="SqliteNative"/> where it is available.</summary>
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
    public void Read(object?[][] rows, int count, bool[] inserted, StoredRow?[] stored)
    {
        var keyCount = _spec.KeyColumns.Count;
        _conflicting.Clear();
        _binder.BeginBatch();
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
                var values = new object?[_spec.ValueColumns.Count];
                for (var v = 0; v < values.Length; v++) values[v] = Column(keyCount + v);
                stored[i] = new StoredRow(values, _spec.HasLineage ? raw.sqlite3_column_int64(_select, keyCount + values.Length) : null);
            }
        }
        finally
        {
            raw.sqlite3_reset(_select);
        }
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
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
