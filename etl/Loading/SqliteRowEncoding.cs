using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace QualityAnalytics.Etl.Loading;

/// <summary>A row's values converted to what SQLite stores, as Microsoft.Data.Sqlite's own binder converts them:
/// integers (and booleans as 0/1) as INTEGER, floating point as REAL, text, decimals, dates and times as TEXT in the
/// provider's formats (so a row reads back the same whichever path wrote it; see <see cref="StoredValue"/>).
/// <para>Why rows are encoded apart from binding: on SQLite the one thread that may write bounds a bulk load, and these
/// conversions (texts to UTF-8, dates and decimals to text: ~0.2 s per million complaint rows) need no connection, so
/// the staging thread does them for the rows it prepares (<see cref="TryEncode"/>, kept in pinned memory:
/// <see cref="EncodedRow"/>), and the writing thread only binds the bytes where they are (<see cref="SqliteValueBinder.BindRow"/>). The binder converts single values through
/// the same <see cref="Write"/>, so there is one conversion for both paths.</para>
/// <para>Layout, value after value: a tag byte, then for INTEGER and REAL eight bytes (little-endian), for TEXT a
/// four-byte length and the UTF-8 bytes, for NULL nothing.</para></summary>
internal static class SqliteRowEncoding
{
    public const byte Null = 0;
    public const byte Integer = 1;
    public const byte Real = 2;
    public const byte Text = 3;

    /// <summary>Bytes a tag and its length or number take before a text's bytes.</summary>
    public const int TextHeader = 5;

    private const string DecimalFormat = "0.0###########################";

    [ThreadStatic]
    private static byte[]? t_scratch;

    /// <summary>Encodes the row's values into this thread's scratch buffer: <paramref name="entries"/> is valid until the
    /// thread's next call (the caller copies it where it is kept: <see cref="EncodedRow"/>). False when one of them has no
    /// SQLite conversion (the writing thread then binds the objects and reports the type).</summary>
    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryEncode(object?[] values, out ReadOnlySpan<byte> entries)
    {
        var scratch = t_scratch ??= new byte[4096];
        var used = 0;
        entries = default;
        foreach (var value in values)
        {
            var most = MaxBytes(value);
            if (used + most > scratch.Length)
            {
                Array.Resize(ref scratch, Math.Max(scratch.Length * 2, used + most));
                t_scratch = scratch;
            }
            var written = Write(value, scratch.AsSpan(used));
            if (written < 0) return false;
            used += written;
        }
        entries = scratch.AsSpan(0, used);
        return true;
    }

    /// <summary>The most bytes <see cref="Write"/> may take for this value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int MaxBytes(object? value) => value is string s ? TextHeader + Encoding.UTF8.GetMaxByteCount(s.Length) : TextHeader + 64;

    /// <summary>Writes one value (tag and payload) at the start of <paramref name="target"/>, which holds at least
    /// <see cref="MaxBytes"/>; the bytes written, or -1 for a type SQLite has no conversion for here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(object? value, Span<byte> target)
    {
        switch (value)
        {
            case null or DBNull:
                target[0] = Null;
                return 1;
            case string s:
                return WriteText(target, Encoding.UTF8.GetBytes(s, target[TextHeader..]));
            case int i:
                return WriteInteger(target, i);
            case long l:
                return WriteInteger(target, l);
            case bool b:
                return WriteInteger(target, b ? 1 : 0);
            case short h:
                return WriteInteger(target, h);
            case byte u:
                return WriteInteger(target, u);
            case double d:
                return WriteReal(target, d);
            case float f:
                return WriteReal(target, f);
            case decimal d:
                return d.TryFormat(target[TextHeader..], out var digits, DecimalFormat, CultureInfo.InvariantCulture) ? WriteText(target, digits) : throw new FormatException();
            case DateTime dt:
                return WriteText(target, Format(dt, target[TextHeader..]));
            case DateOnly date:
                return date.TryFormat(target[TextHeader..], out var length, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture) ? WriteText(target, length) : throw new FormatException();
            default:
                return -1;
        }
    }

    /// <summary>Walks an encoded row entry by entry: <see cref="Tag"/> and the current entry's value, then
    /// <see cref="Skip"/> to the next.</summary>
    public ref struct Reader(ReadOnlySpan<byte> encoded)
    {
        // Each member is called for every value of a bulk load; compiled optimized at the first call, not after a
        // tier-up: a profile showed Skip running unoptimized for its first ~50 ms of CPU (docs/benchmarks.md).
        private ReadOnlySpan<byte> _rest = encoded;

        /// <summary>Whether every entry has been read.</summary>
        public readonly bool AtEnd
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => _rest.IsEmpty;
        }

        public readonly byte Tag
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => _rest[0];
        }

        public readonly long Integer
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => BinaryPrimitives.ReadInt64LittleEndian(_rest[1..]);
        }

        public readonly double Real
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => BinaryPrimitives.ReadDoubleLittleEndian(_rest[1..]);
        }

        public readonly ReadOnlySpan<byte> Text
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => _rest.Slice(TextHeader, BinaryPrimitives.ReadInt32LittleEndian(_rest[1..]));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Skip() => _rest = _rest[(Tag switch
        {
            Null => 1,
            SqliteRowEncoding.Integer or SqliteRowEncoding.Real => 9,
            SqliteRowEncoding.Text => TextHeader + BinaryPrimitives.ReadInt32LittleEndian(_rest[1..]),
            _ => throw new InvalidOperationException($"an encoded row is corrupt (tag {Tag})"),
        })..];
    }

    private static int WriteInteger(Span<byte> target, long value)
    {
        target[0] = Integer;
        BinaryPrimitives.WriteInt64LittleEndian(target[1..], value);
        return 9;
    }

    private static int WriteReal(Span<byte> target, double value)
    {
        target[0] = Real;
        BinaryPrimitives.WriteDoubleLittleEndian(target[1..], value);
        return 9;
    }

    /// <summary>The tag and length in front of <paramref name="length"/> bytes already written after them.</summary>
    private static int WriteText(Span<byte> target, int length)
    {
        target[0] = Text;
        BinaryPrimitives.WriteInt32LittleEndian(target[1..], length);
        return TextHeader + length;
    }

    /// <summary>yyyy-MM-dd HH:mm:ss.FFFFFFF (the provider's format: the fraction without trailing zeros, and without
    /// its point when it is zero), written digit by digit: the custom format parser cost ~0.3 s per million rows.
    /// Returns the number of bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Format(DateTime value, Span<byte> buffer)
    {
        // The date's parts in one calculation (Year, Month and Day each work the whole date out again).
        value.Deconstruct(out int year, out int month, out int day);
        var time = value.Ticks % TimeSpan.TicksPerDay;
        TwoDigits(buffer, 0, year / 100);
        TwoDigits(buffer, 2, year % 100);
        buffer[4] = (byte)'-';
        TwoDigits(buffer, 5, month);
        buffer[7] = (byte)'-';
        TwoDigits(buffer, 8, day);
        buffer[10] = (byte)' ';
        TwoDigits(buffer, 11, (int)(time / TimeSpan.TicksPerHour));
        buffer[13] = (byte)':';
        TwoDigits(buffer, 14, (int)(time / TimeSpan.TicksPerMinute % 60));
        buffer[16] = (byte)':';
        TwoDigits(buffer, 17, (int)(time / TimeSpan.TicksPerSecond % 60));
        var fraction = (int)(time % TimeSpan.TicksPerSecond);
        if (fraction == 0) return 19;
        buffer[19] = (byte)'.';
        Digits(buffer.Slice(20, 7), fraction);
        var end = 27;
        while (buffer[end - 1] == (byte)'0') end--;
        return end;
    }

    // "00" to "99": a date and time is written two digits at a time from this table (a division per pair instead of one
    // per digit: the dates were ~0.1 s of the staging thread per million rows written digit by digit).
    private static ReadOnlySpan<byte> Pairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoDigits(Span<byte> target, int at, int value)
    {
        var pair = Pairs.Slice(value * 2, 2);
        target[at] = pair[0];
        target[at + 1] = pair[1];
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
