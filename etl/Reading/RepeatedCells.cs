using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace QualityAnalytics.Etl.Reading;

/// <summary>The text of the short cells a column repeats (a department's code, a channel, a yes/no, a customer, a
/// category, a rating), decoded once per file and handed out again when the same bytes come back. A complaint file
/// repeats six of its thirteen cells on nearly every row: decoding them made a new string each time, ~0.2 GiB of a bulk
/// load's allocations per million rows and a sixth of its reading stage (docs/benchmarks.md, "Twentieth session").
/// <para>What a cell decodes to depends only on its bytes (<paramref name="decode"/> is a pure function), so a cell
/// served from here is the text a fresh decoding would have given. Bounded: cells longer than
/// <see cref="MaxCellBytes"/> (free text) are never kept, a column keeps at most <see cref="MaxEntries"/> values, and
/// a column whose cells mostly differ (an id, a time, a person's name among thousands) stops being looked up after
/// <see cref="TrialLookups"/> cells, so that it costs one comparison per cell from then on. One per reading of a file,
/// on the reading thread.</para></summary>
internal sealed class RepeatedCells(RepeatedCells.Decoder decode)
{
    /// <summary>Decodes a cell's bytes (with the caller's scratch, grown as needed).</summary>
    public delegate string Decoder(ReadOnlySpan<byte> utf8, ref char[] chars);

    public const int MaxCellBytes = 48;
    public const int MaxEntries = 384;
    public const int TrialLookups = 4096;

    private Column?[] _columns = [];

    /// <summary>The text of a cell of this column: the kept instance when the column had these bytes before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Text(int column, ReadOnlySpan<byte> utf8, ref char[] chars)
    {
        if (utf8.IsEmpty) return string.Empty;
        if (utf8.Length > MaxCellBytes) return decode(utf8, ref chars);
        if (column >= _columns.Length) Array.Resize(ref _columns, column + 1);
        var kept = _columns[column] ??= new Column();
        return kept.Off ? decode(utf8, ref chars) : kept.Text(utf8, ref chars, decode);
    }

    /// <summary>Whether a column is still looked up (false once it turned out not to repeat); for tests.</summary>
    internal bool Keeps(int column) => column < _columns.Length && _columns[column] is { Off: false };

    private sealed class Column
    {
        // Open addressing, linear probing; twice the entries it may hold, so a probe ends within a few slots.
        private const int Slots = 1024;
        private readonly byte[]?[] _keys = new byte[Slots][];
        private readonly string[] _texts = new string[Slots];
        private int _count;
        private int _lookups;
        private int _hits;

        public bool Off { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string Text(ReadOnlySpan<byte> utf8, ref char[] chars, Decoder decode)
        {
            // Mostly new values after the trial: not worth keeping (this cell is still looked up, the next ones are not).
            if (++_lookups == TrialLookups && _hits < TrialLookups / 2) Off = true;
            var slot = (int)Hash(utf8) & (Slots - 1);
            while (_keys[slot] is { } key)
            {
                if (utf8.SequenceEqual(key))
                {
                    _hits++;
                    return _texts[slot];
                }
                slot = (slot + 1) & (Slots - 1);
            }
            var text = decode(utf8, ref chars);
            if (!Off && _count < MaxEntries)
            {
                _keys[slot] = utf8.ToArray();
                _texts[slot] = text;
                _count++;
            }
            return text;
        }

        /// <summary>A multiplicative hash of up to 48 bytes, eight at a time.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Hash(ReadOnlySpan<byte> bytes)
        {
            const ulong Multiplier = 0x9E3779B97F4A7C15;
            var hash = (ulong)bytes.Length * Multiplier;
            var i = 0;
            for (; i + 8 <= bytes.Length; i += 8) hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * Multiplier;
            ulong tail = 0;
            for (; i < bytes.Length; i++) tail = (tail << 8) | bytes[i];
            hash = (hash ^ tail) * Multiplier;
            return (uint)(hash >> 32);
        }
    }
}
