using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QualityAnalytics.Etl.Loading;

/// <summary>Binds a batch's values to a prepared statement by position, stored exactly as Microsoft.Data.Sqlite's own
/// binder stores them: integers (and booleans as 0/1) as INTEGER, floating point as REAL, text, decimals, dates and
/// times as TEXT in the provider's formats (so a row reads back the same whichever path wrote it; see
/// <see cref="StoredValue"/>).
/// <para>Why not SQLitePCLRaw's <c>raw.sqlite3_bind_*</c>: each of its calls takes and releases the statement's safe
/// handle around a full P/Invoke transition, and each text goes in as SQLITE_TRANSIENT, which SQLite copies into a
/// fresh <c>malloc</c>; for 16 values per row that was a fifth of a bulk load's time. Here every text of a batch is
/// encoded as UTF-8 into one pinned arena and bound with SQLITE_STATIC (SQLite reads it in place while the statement
/// steps), through function pointers to the very <c>e_sqlite3</c> library the connection runs on, without the GC
/// transition (the bind calls are short and never call back: <see cref="SqliteNative"/>). The arena is rewritten only at the next
/// <see cref="BeginBatch"/>, after the previous batch's step has finished, and every value is rebound before the
/// statement steps again. If that library's exports cannot be found (another SQLitePCLRaw provider), the same encoded
/// bytes go through SQLitePCLRaw instead.</para></summary>
internal sealed unsafe class SqliteValueBinder
{
    private readonly sqlite3 _db;
    private readonly string _table;
    private byte[] _arena = GC.AllocateUninitializedArray<byte>(64 * 1024, pinned: true);
    private readonly List<byte[]> _outgrown = [];
    private int _used;

    public SqliteValueBinder(sqlite3 db, string table)
    {
        _db = db;
        _table = table;
    }

    /// <summary>True when values go straight to the native library (false: through SQLitePCLRaw).</summary>
    public static bool BindsNatively => SqliteNative.Available;

    /// <summary>Starts a new batch: the previous batch's texts are no longer read (its step has finished).</summary>
    public void BeginBatch()
    {
        _used = 0;
        _outgrown.Clear();
    }

    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bind(sqlite3_stmt stmt, int index, object? value)
    {
        var handle = stmt.DangerousGetHandle();
        var rc = value switch
        {
            null or DBNull => SqliteNative.Available ? SqliteNative.BindNull(handle, index) : raw.sqlite3_bind_null(stmt, index),
            string s => BindText(stmt, handle, index, Encode(s)),
            int n => BindInteger(stmt, handle, index, n),
            long n => BindInteger(stmt, handle, index, n),
            short n => BindInteger(stmt, handle, index, n),
            byte n => BindInteger(stmt, handle, index, n),
            bool b => BindInteger(stmt, handle, index, b ? 1 : 0),
            double d => SqliteNative.Available ? SqliteNative.BindDouble(handle, index, d) : raw.sqlite3_bind_double(stmt, index, d),
            float f => SqliteNative.Available ? SqliteNative.BindDouble(handle, index, f) : raw.sqlite3_bind_double(stmt, index, f),
            decimal d => BindText(stmt, handle, index, Encode(d)),
            DateTime dt => BindText(stmt, handle, index, Encode(dt)),
            DateOnly date => BindText(stmt, handle, index, Encode(date)),
            _ => throw new NotSupportedException($"{_table}: no SQLite binding for a value of type {value.GetType()}"),
        };
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int BindInteger(sqlite3_stmt stmt, nint handle, int index, long value) =>
        SqliteNative.Available ? SqliteNative.BindInt64(handle, index, value) : raw.sqlite3_bind_int64(stmt, index, value);

    /// <summary>Binds arena[start..start+length) as TEXT. The pointer is never null (the arena is), so an empty
    /// string is stored as '' rather than NULL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int BindText(sqlite3_stmt stmt, nint handle, int index, (int Start, int Length) text)
    {
        if (!SqliteNative.Available)
        {
            // SQLitePCLRaw passes an empty span as a null pointer, which SQLite would bind as NULL.
            return text.Length == 0 ? raw.sqlite3_bind_text(stmt, index, "") : raw.sqlite3_bind_text(stmt, index, _arena.AsSpan(text.Start, text.Length));
        }
        fixed (byte* arena = _arena) // pinned for its whole life: this only takes its address
        {
            return SqliteNative.BindText(handle, index, arena + text.Start, text.Length, SqliteNative.Static);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<byte> Reserve(int bytes)
    {
        if (_used + bytes > _arena.Length)
        {
            // Texts bound earlier in this batch still point into the old arena: keep it alive until the next batch.
            _outgrown.Add(_arena);
            _arena = GC.AllocateUninitializedArray<byte>(Math.Max(_arena.Length * 2, bytes), pinned: true);
            _used = 0;
        }
        return _arena.AsSpan(_used);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int, int) Commit(int bytes)
    {
        var start = _used;
        _used += bytes;
        return (start, bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int, int) Encode(string s) => Commit(Encoding.UTF8.GetBytes(s, Reserve(Encoding.UTF8.GetMaxByteCount(s.Length))));

    private const string DecimalFormat = "0.0###########################";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int, int) Encode(decimal value) =>
        value.TryFormat(Reserve(64), out var n, DecimalFormat, CultureInfo.InvariantCulture) ? Commit(n) : throw new FormatException();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int, int) Encode(DateOnly value) =>
        value.TryFormat(Reserve(16), out var n, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture) ? Commit(n) : throw new FormatException();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int, int) Encode(DateTime value) => Commit(Format(value, Reserve(32)));

    /// <summary>yyyy-MM-dd HH:mm:ss.FFFFFFF (the provider's format: the fraction without trailing zeros, and without
    /// its point when it is zero), written digit by digit: the custom format parser cost ~0.3 s per million rows.
    /// Returns the number of bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Format(DateTime value, Span<byte> buffer)
    {
        Digits(buffer[..4], value.Year);
        buffer[4] = (byte)'-';
        Digits(buffer.Slice(5, 2), value.Month);
        buffer[7] = (byte)'-';
        Digits(buffer.Slice(8, 2), value.Day);
        buffer[10] = (byte)' ';
        Digits(buffer.Slice(11, 2), value.Hour);
        buffer[13] = (byte)':';
        Digits(buffer.Slice(14, 2), value.Minute);
        buffer[16] = (byte)':';
        Digits(buffer.Slice(17, 2), value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0) return 19;
        buffer[19] = (byte)'.';
        Digits(buffer.Slice(20, 7), fraction);
        var end = 27;
        while (buffer[end - 1] == (byte)'0') end--;
        return end;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
