using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Binds a batch's values to a prepared statement by position, converted as <see cref="SqliteRowEncoding"/>
/// converts them (exactly as Microsoft.Data.Sqlite's own binder stores them).
/// <para>Why not SQLitePCLRaw's <c>raw.sqlite3_bind_*</c>: each of its calls takes and releases the statement's safe
/// handle around a full P/Invoke transition, and each text goes in as SQLITE_TRANSIENT, which SQLite copies into a
/// fresh <c>malloc</c>; for 16 values per row that was a fifth of a bulk load's time. Here every value of a batch is
/// encoded into one pinned arena (or, for a row the staging thread already encoded, copied there) and texts are bound
/// with SQLITE_STATIC (SQLite reads them in place while the statement steps), through function pointers to the very
/// <c>e_sqlite3</c> library the connection runs on, without the GC transition (the bind calls are short and never call
/// back: <see cref="SqliteNative"/>). The arena is rewritten only at the next <see cref="BeginBatch"/>, after the
/// previous batch's step has finished, and every text is rebound before the statement steps again. A row the staging
/// thread encoded is bound where it lies, in the pinned buffer it was written to (<see cref="EncodedRow"/>), which is
/// written over only once the row is written (<see cref="StagingPipeline.ReleaseWritten"/>). If that library's
/// exports cannot be found (another SQLitePCLRaw provider), the same encoded bytes go through SQLitePCLRaw instead.</para>
/// <para>A value already bound is not bound again. SQLite keeps a statement's bindings across executions, and every bind
/// call costs the same (the connection's mutex, releasing the old value) whether or not the value changed, so the
/// binder remembers, per statement and parameter, the NULL or integer it last bound there and skips a bind of the same
/// NULL or integer: in a bulk load the empty columns, the flags and the codes of few values repeat from one
/// execution to the next (2.4 of a complaint row's 17 binds in the benchmark's file). Texts and reals are always
/// bound, and so is every value of an encoded row where the library's exports were not found (the fallback through
/// SQLitePCLRaw is not a bulk load's path).</para></summary>
internal sealed unsafe class SqliteValueBinder
{
    private readonly sqlite3 _db;
    private readonly string _table;
    private byte[] _arena = GC.AllocateUninitializedArray<byte>(64 * 1024, pinned: true);
    private readonly List<byte[]> _outgrown = [];
    private int _used;
    private readonly Dictionary<sqlite3_stmt, BoundValues> _boundOf = new(ReferenceEqualityComparer.Instance);
    private BoundValues? _bound;
    private sqlite3_stmt? _boundStatement;

    public SqliteValueBinder(sqlite3 db, string table)
    {
        _db = db;
        _table = table;
    }

    /// <summary>True when values go straight to the native library (false: through SQLitePCLRaw).</summary>
    public static bool BindsNatively => SqliteNative.Available;

    /// <summary>Starts a new batch of binds to <paramref name="stmt"/>, which only this binder binds: the previous
    /// batch's texts are no longer read (its step has finished).</summary>
    public void BeginBatch(sqlite3_stmt stmt)
    {
        _used = 0;
        _outgrown.Clear();
        if (!_boundOf.TryGetValue(stmt, out _bound))
        {
            _bound = new BoundValues(raw.sqlite3_bind_parameter_count(stmt));
            _boundOf.Add(stmt, _bound);
        }
        _boundStatement = stmt;
    }

    /// <summary>Binds one value to parameter <paramref name="index"/>.</summary>
    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bind(sqlite3_stmt stmt, int index, object? value)
    {
        var start = Reserve(SqliteRowEncoding.MaxBytes(value));
        var written = SqliteRowEncoding.Write(value, _arena.AsSpan(start));
        if (written < 0) throw new NotSupportedException($"{_table}: no SQLite binding for a value of type {value!.GetType()}");
        _used += written;
        BindEncoded(stmt, index, _arena.AsSpan(start, written));
    }

    /// <summary>Binds an integer (a row's line) without boxing it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BindInteger(sqlite3_stmt stmt, int index, long value)
    {
        var bound = Bound(stmt);
        if (bound.Holds(index, value)) return;
        bound.Forget(index);
        var rc = SqliteNative.Available ? SqliteNative.BindInt64(stmt.DangerousGetHandle(), index, value) : raw.sqlite3_bind_int64(stmt, index, value);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        bound.Remember(index, value);
    }

    private BoundValues Bound(sqlite3_stmt stmt) => ReferenceEquals(stmt, _boundStatement)
        ? _bound!
        : throw new InvalidOperationException($"{_table}: values bound to a statement outside its batch (BeginBatch(statement) first)");

    /// <summary>Binds an encoded row to the parameters from <paramref name="firstIndex"/> on, one per value, in place:
    /// its memory must not be written over until the statement has stepped. Returns the index after the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int BindRow(sqlite3_stmt stmt, int firstIndex, EncodedRow encoded) => BindEncoded(stmt, firstIndex, encoded.Entries);

    /// <summary>Binds encoded values to the parameters from <paramref name="index"/> on. <paramref name="pinned"/> lies
    /// in pinned memory (the arena, or an <see cref="EncodedRow"/>'s buffer), so the texts' addresses stay valid until
    /// the statement has stepped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int BindEncoded(sqlite3_stmt stmt, int index, ReadOnlySpan<byte> pinned)
    {
        var bound = Bound(stmt);
        if (!SqliteNative.Available) return BindThroughSqlitePcl(stmt, index, pinned, bound);
        var handle = stmt.DangerousGetHandle();
        // Entry by entry through a pointer, as the memory cannot move: a span reader's slicing and bounds checks were
        // a third of this loop's time, and it runs for every value of a bulk load (docs/benchmarks.md, "Nineteenth session").
        fixed (byte* start = &MemoryMarshal.GetReference(pinned))
        {
            var at = start;
            var end = start + pinned.Length;
            while (at < end)
            {
                int rc;
                switch (*at)
                {
                    case SqliteRowEncoding.Null:
                        at += 1;
                        if (bound.HoldsNull(index)) break;
                        bound.Forget(index); // until the bind below has succeeded
                        rc = SqliteNative.BindNull(handle, index);
                        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
                        bound.RememberNull(index);
                        break;
                    case SqliteRowEncoding.Integer:
                        var integer = BinaryPrimitives.ReadInt64LittleEndian(new ReadOnlySpan<byte>(at + 1, 8));
                        at += 9;
                        if (bound.Holds(index, integer)) break;
                        bound.Forget(index);
                        rc = SqliteNative.BindInt64(handle, index, integer);
                        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
                        bound.Remember(index, integer);
                        break;
                    case SqliteRowEncoding.Real:
                        var real = BinaryPrimitives.ReadDoubleLittleEndian(new ReadOnlySpan<byte>(at + 1, 8));
                        at += 9;
                        bound.Forget(index);
                        rc = SqliteNative.BindDouble(handle, index, real);
                        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
                        break;
                    case SqliteRowEncoding.Text:
                        // Never a null pointer, even for an empty text: stored as '', not NULL.
                        var length = BinaryPrimitives.ReadInt32LittleEndian(new ReadOnlySpan<byte>(at + 1, 4));
                        bound.Forget(index);
                        rc = SqliteNative.BindText(handle, index, at + SqliteRowEncoding.TextHeader, length, SqliteNative.Static);
                        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
                        at += SqliteRowEncoding.TextHeader + length;
                        break;
                    default:
                        throw new InvalidOperationException($"an encoded row is corrupt (tag {*at})");
                }
                index++;
            }
        }
        return index;
    }

    /// <summary><see cref="BindEncoded"/> where the library's exports were not found: each value through SQLitePCLRaw,
    /// which copies texts (an empty span is its null pointer, hence its "" for an empty text).</summary>
    private int BindThroughSqlitePcl(sqlite3_stmt stmt, int index, ReadOnlySpan<byte> encoded, BoundValues bound)
    {
        var entries = new SqliteRowEncoding.Reader(encoded);
        while (!entries.AtEnd)
        {
            var tag = entries.Tag;
            bound.Forget(index);
            var rc = tag switch
            {
                SqliteRowEncoding.Null => raw.sqlite3_bind_null(stmt, index),
                SqliteRowEncoding.Integer => raw.sqlite3_bind_int64(stmt, index, entries.Integer),
                SqliteRowEncoding.Real => raw.sqlite3_bind_double(stmt, index, entries.Real),
                SqliteRowEncoding.Text => entries.Text.IsEmpty ? raw.sqlite3_bind_text(stmt, index, "") : raw.sqlite3_bind_text(stmt, index, entries.Text),
                _ => throw new InvalidOperationException($"an encoded row is corrupt (tag {tag})"),
            };
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
            entries.Skip();
            index++;
        }
        return index;
    }

    /// <summary>Room for <paramref name="bytes"/> more in the arena; the offset where they go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Reserve(int bytes)
    {
        if (_used + bytes > _arena.Length)
        {
            // Texts bound earlier in this batch still point into the old arena: keep it alive until the next batch.
            _outgrown.Add(_arena);
            _arena = GC.AllocateUninitializedArray<byte>(Math.Max(_arena.Length * 2, bytes), pinned: true);
            _used = 0;
        }
        return _used;
    }

    /// <summary>Per parameter of one statement, the NULL or integer last bound there (Unknown: a text, a real, or a
    /// bind that may have failed). Index 0 is unused: parameters count from 1.</summary>
    private sealed class BoundValues(int parameters)
    {
        private const byte Unknown = 0, Null = 1, Integer = 2;
        private readonly byte[] _kinds = new byte[parameters + 1];
        private readonly long[] _integers = new long[parameters + 1];

        public bool HoldsNull(int index) => _kinds[index] == Null;

        public bool Holds(int index, long value) => _kinds[index] == Integer && _integers[index] == value;

        public void Forget(int index) => _kinds[index] = Unknown;

        public void RememberNull(int index) => _kinds[index] = Null;

        public void Remember(int index, long value)
        {
            _integers[index] = value;
            _kinds[index] = Integer;
        }
    }
}
