namespace QualityAnalytics.Etl.Loading;

/// <summary>A row's values as <see cref="SqliteRowEncoding"/> encodes them, in pinned memory: the writing thread binds
/// its texts to SQLite in place (SQLITE_STATIC), without copying them first, so the bytes must not move until the
/// statement has stepped. Only <see cref="Of"/> and <see cref="EncodedChunkBuffers"/> make one, both into arrays
/// allocated pinned. <c>default</c> is no encoding (the row is bound value by value).</summary>
internal readonly struct EncodedRow
{
    private readonly byte[]? _pinned;
    private readonly int _offset;
    private readonly int _length;

    private EncodedRow(byte[] pinned, int offset, int length)
    {
        _pinned = pinned;
        _offset = offset;
        _length = length;
    }

    /// <summary>Whether there is an encoding.</summary>
    public bool Exists => _pinned is not null;

    /// <summary>The encoded entries; their address stays put for the life of the array.</summary>
    public ReadOnlySpan<byte> Entries => _pinned.AsSpan(_offset, _length);

    /// <summary>The values encoded into an array of their own (outside a staging pipeline: tests, single rows); no
    /// encoding when one of them has no SQLite conversion.</summary>
    public static EncodedRow Of(object?[] values)
    {
        if (!SqliteRowEncoding.TryEncode(values, out var entries)) return default;
        var pinned = GC.AllocateUninitializedArray<byte>(entries.Length, pinned: true);
        entries.CopyTo(pinned);
        return new EncodedRow(pinned, 0, entries.Length);
    }

    /// <summary>Entries already written at pinned[offset..offset+length) (<see cref="EncodedChunkBuffers"/>).</summary>
    internal static EncodedRow InPinned(byte[] pinned, int offset, int length) => new(pinned, offset, length);
}
