using System.Runtime.CompilerServices;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The pinned buffers that hold the encoded rows of one chunk of a <see cref="StagingPipeline"/>. The staging
/// thread appends each row's encoding; the writing thread binds it in place (<see cref="EncodedRow"/>); once the chunk's
/// rows are written the chunk comes back to the staging thread with these buffers, which it writes over
/// (<see cref="Reset"/>). So a load allocates a few buffers per chunk in flight, once, instead of an array per row
/// (a fifth of what the staging thread allocated: docs/benchmarks.md, "Nineteenth session").</summary>
internal sealed class EncodedChunkBuffers
{
    /// <summary>The size of a buffer: a chunk of complaint rows takes ~17 KB. A row longer than this gets a buffer of
    /// its own size, kept (and used for other rows) with the others.</summary>
    public const int BufferBytes = 32 * 1024;

    private readonly List<byte[]> _buffers = [];
    private int _current;
    private int _used;

    /// <summary>Buffers allocated so far (they are reused, not replaced).</summary>
    public int BufferCount => _buffers.Count;

    /// <summary>Copies a row's encoding into the buffers; the row stays where it is until <see cref="Reset"/>.</summary>
    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EncodedRow Append(ReadOnlySpan<byte> entries)
    {
        while (true)
        {
            if (_current == _buffers.Count) _buffers.Add(GC.AllocateUninitializedArray<byte>(Math.Max(BufferBytes, entries.Length), pinned: true));
            var buffer = _buffers[_current];
            if (buffer.Length - _used >= entries.Length)
            {
                entries.CopyTo(buffer.AsSpan(_used));
                var row = EncodedRow.InPinned(buffer, _used, entries.Length);
                _used += entries.Length;
                return row;
            }
            _current++;
            _used = 0;
        }
    }

    /// <summary>The rows appended so far are written: the buffers are free to be written over.</summary>
    public void Reset()
    {
        _current = 0;
        _used = 0;
    }
}
