using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QualityAnalytics.Etl.Loading;

/// <summary>SQLite's multi-row insert bound by position on the connection's own handle. Microsoft.Data.Sqlite binds
/// every parameter by name on every execution (<c>sqlite3_bind_parameter_index</c>, a linear search of the
/// statement's parameter names): for a statement of 128 rows × 16 values that search costs more than the insert.
/// Here the statements are prepared once per file and each value bound to its index, converted exactly as
/// Microsoft.Data.Sqlite converts it (so the stored text is the same whichever path wrote a row; see
/// <see cref="StoredValue"/>). They run inside the connection's open transaction like any command.
/// <para>Three statements. First a plain <c>INSERT OR FAIL … VALUES (…)×n</c>: most batches of a load are all new
/// rows, and this is the cheapest way in, a third cheaper than the tolerant form below (SQLite seeks the unique index
/// once instead of twice, builds no RETURNING table, and, because FAIL keeps what was done before a failure, keeps no
/// statement journal). When a stored row has one of the batch's keys it stops at that row with a unique-constraint
/// error, keeping the rows before it (<c>sqlite3_changes</c> says how many); that row is a conflict, and the rows after
/// it go through the single-row tolerant statement (<c>INSERT … VALUES (…) ON CONFLICT (key) DO NOTHING RETURNING …</c>).
/// The stored rows of the rows that did not go in are then read in one more statement (<see cref="SqliteStoredRows"/>,
/// <see cref="Stored"/>). After a conflict the next batches are expected to conflict too (a reload conflicts on every
/// row): their stored rows are read first, for all the batch's keys in that one statement, and only the rows with no
/// stored row are inserted, through plain statements of 64, 32, … 1 rows (a file that interleaves stored and new rows
/// still inserts in batches), until a batch turns out to have none stored (it then goes in through the plain statement,
/// and the batches after it are expected to be new again). A reload so asks SQLite once per row, not twice (it used to
/// try a 128-row tolerant insert first, which found every key stored and did nothing).</para></summary>
internal sealed class SqliteBatchInsert : IBatchInsert
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _plain;
    private readonly sqlite3_stmt _single;
    // Plain statements of 64, 32, … 1 rows (by log2 of the size), prepared when first needed, for the new rows of a
    // batch whose other rows are stored; and the rows gathered for them.
    private readonly sqlite3_stmt?[] _plainOf = new sqlite3_stmt?[7];
    private readonly Func<int, sqlite3_stmt> _preparePlainOf;
    private readonly object?[][] _newRows;
    private readonly EncodedRow[] _newEncoded;
    private readonly int[] _newLines;
    private readonly int[] _newIndex;
    private bool _expectConflicts;
    private readonly TableSpec _spec;
    private readonly SqliteValueBinder _binder;
    private readonly SqliteStoredRows _storedRows;
    private readonly StoredRow?[] _stored;

    public SqliteBatchInsert(SqliteConnection connection, TableSpec spec, long batchId, long sourceFileId, int rows)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _spec = spec;
        _binder = new SqliteValueBinder(_db, spec.Table);
        RowsPerStatement = rows;
        _plain = Prepare(BatchInsert.Sql(spec, batchId, sourceFileId, rows, _ => "?", tolerant: false));
        _single = Prepare(BatchInsert.Sql(spec, batchId, sourceFileId, 1, _ => "?"));
        _preparePlainOf = size => Prepare(BatchInsert.Sql(spec, batchId, sourceFileId, size, _ => "?", tolerant: false));
        _newRows = new object?[rows][];
        _newEncoded = new EncodedRow[rows];
        _newLines = new int[rows];
        _newIndex = new int[rows];
        _storedRows = new SqliteStoredRows(_db, spec, _binder, rows);
        _stored = new StoredRow?[rows];
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        return stmt;
    }

    public int RowsPerStatement { get; }

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(object?[][] rows, int[] lines, int count, bool[] inserted) => Insert(rows, null, lines, count, inserted);

    /// <summary>Rows are bound from their encoding where they have one, natively only (the fallback through
    /// SQLitePCLRaw gains nothing from it).</summary>
    public bool TakesEncodedRows => SqliteNative.Available;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Insert(object?[][] rows, EncodedRow[]? encoded, int[] lines, int count, bool[] inserted)
    {
        if (count != RowsPerStatement) throw new ArgumentOutOfRangeException(nameof(count));
        Array.Clear(_stored);
        // Every bind, step and column read takes the connection's (recursive) mutex; held across the batch, each of the
        // ~2,000 calls of an insert only counts it up and down instead of locking and unlocking (~0.1 s per million new
        // rows). The stored rows' column reads of a reload gained nothing measurable; they are inside for uniformity.
        var mutex = SqliteNative.Available ? SqliteNative.DbMutex(_db.DangerousGetHandle()) : 0;
        if (mutex != 0) SqliteNative.MutexEnter(mutex);
        try
        {
            // The stored rows of the ones that did not go in, for the caller's comparison, in one statement (read already
            // where conflicts were expected).
            if (!InsertRows(rows, encoded, lines, count, inserted) && Array.IndexOf(inserted, false, 0, count) >= 0)
                _storedRows.Read(rows, encoded, count, inserted, _stored);
        }
        finally
        {
            if (mutex != 0) SqliteNative.MutexLeave(mutex);
        }
    }

    public StoredRow? Stored(int index) => _stored[index];

    /// <summary>Inserts what is new and sets inserted[]; true when the stored rows of the others were read on the way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool InsertRows(object?[][] rows, EncodedRow[]? encoded, int[] lines, int count, bool[] inserted)
    {
        if (_expectConflicts)
        {
            // Every key of the batch (none is marked inserted yet) looked up in one statement.
            Array.Clear(inserted, 0, count);
            _storedRows.Read(rows, encoded, count, inserted, _stored);
            if (Array.IndexOf(_stored, null, 0, count) < 0) return true; // all stored: nothing to insert
            if (Array.FindIndex(_stored, 0, count, s => s is not null) >= 0)
            {
                InsertNew(rows, encoded, lines, count, inserted);
                return true;
            }
            _expectConflicts = false; // none stored: the batch is new, and likely the next ones too
        }
        BindAll(_plain, rows, encoded, lines, count);
        var rc = StepOnce(_plain);
        if (rc == raw.SQLITE_DONE)
        {
            Array.Fill(inserted, true, 0, count);
            return false;
        }
        if (!IsKeyConflict(rc)) SqliteException.ThrowExceptionForRC(rc, _db);
        // OR FAIL keeps the rows before the one that conflicted (sqlite3_changes counts them) and stops there.
        var kept = raw.sqlite3_changes(_db);
        Array.Fill(inserted, true, 0, kept);
        inserted[kept] = false;
        for (var i = kept + 1; i < count; i++) inserted[i] = InsertOne(rows[i], encoded is null ? default : encoded[i], lines[i]);
        _expectConflicts = true;
        return false;
    }

    /// <summary>The rows of the batch with no stored row (_stored[i] null), inserted through plain statements of 64, 32, …
    /// 1 rows: they were just looked up, and the batch's keys are distinct, so none conflicts. Should one all the same,
    /// its statement's rows go through the tolerant single-row statement.</summary>
    private void InsertNew(object?[][] rows, EncodedRow[]? encoded, int[] lines, int count, bool[] inserted)
    {
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            if (_stored[i] is not null) continue;
            _newRows[n] = rows[i];
            _newEncoded[n] = encoded is null ? default : encoded[i];
            _newLines[n] = lines[i];
            _newIndex[n++] = i;
        }
        var done = 0;
        for (var log = _plainOf.Length - 1; log >= 0; log--)
        {
            var size = 1 << log;
            while (n - done >= size)
            {
                var stmt = _plainOf[log] ??= _preparePlainOf(size);
                BindAll(stmt, _newRows.AsSpan(done, size), _newEncoded.AsSpan(done, size), _newLines.AsSpan(done, size), size);
                var rc = StepOnce(stmt);
                if (rc == raw.SQLITE_DONE)
                {
                    for (var k = done; k < done + size; k++) inserted[_newIndex[k]] = true;
                }
                else
                {
                    if (!IsKeyConflict(rc)) SqliteException.ThrowExceptionForRC(rc, _db);
                    var kept = raw.sqlite3_changes(_db);
                    for (var k = done; k < done + size; k++)
                        inserted[_newIndex[k]] = k < done + kept || InsertOne(_newRows[k], _newEncoded[k], _newLines[k]);
                }
                done += size;
            }
        }
        Array.Clear(_newRows);
        Array.Clear(_newEncoded);
    }

    /// <summary>One row through the tolerant single-row statement: true when it was new.</summary>
    private bool InsertOne(object?[] row, EncodedRow encoded, int line)
    {
        BindAll(_single, [row], [encoded], [line], 1);
        int rc;
        var isNew = false;
        try
        {
            while ((rc = raw.sqlite3_step(_single)) == raw.SQLITE_ROW) isNew = true;
        }
        finally
        {
            raw.sqlite3_reset(_single);
        }
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return isNew;
    }

    /// <summary>Steps a statement that returns no rows and resets it; the step's result code (the reset's is the same).</summary>
    private static int StepOnce(sqlite3_stmt stmt)
    {
        try
        {
            return raw.sqlite3_step(stmt);
        }
        finally
        {
            raw.sqlite3_reset(stmt);
        }
    }

    /// <summary>The plain insert failed because a stored row (or, impossible here, another row of the batch) has one
    /// of the batch's keys: a unique or primary-key violation. Any other failure (NOT NULL, CHECK, I/O) is an error.</summary>
    private bool IsKeyConflict(int rc) =>
        rc == raw.SQLITE_CONSTRAINT && raw.sqlite3_extended_errcode(_db) is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    private const int SqliteConstraintUnique = raw.SQLITE_CONSTRAINT | (8 << 8);
    private const int SqliteConstraintPrimaryKey = raw.SQLITE_CONSTRAINT | (6 << 8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BindAll(sqlite3_stmt stmt, ReadOnlySpan<object?[]> rows, ReadOnlySpan<EncodedRow> encoded, ReadOnlySpan<int> lines, int count)
    {
        _binder.BeginBatch(stmt);
        var index = 1;
        for (var r = 0; r < count; r++)
        {
            if (!encoded.IsEmpty && encoded[r].Exists) index = _binder.BindRow(stmt, index, encoded[r]);
            else
            {
                var values = rows[r];
                for (var i = 0; i < values.Length; i++) _binder.Bind(stmt, index++, values[i]);
            }
            if (_spec.HasLineage) _binder.BindInteger(stmt, index++, lines[r]);
        }
    }

    public void Dispose()
    {
        _plain.Dispose();
        foreach (var stmt in _plainOf) stmt?.Dispose();
        _single.Dispose();
        _storedRows.Dispose();
    }
}
