using System.Text.Unicode;

namespace QualityAnalytics.Etl.Reading;

/// <summary>Passes a file's bytes through unchanged while checking that they are valid UTF-8, so that a UTF-8 file is
/// checked by the one pass that reads its rows instead of by a pass of its own before them (docs/benchmarks.md). At
/// the first invalid byte it throws what <paramref name="invalidAt"/> makes of that byte's offset in the file; a
/// character cut by the end of one read is checked with the start of the next, one cut by the end of the file is
/// invalid. The offsets are the ones <see cref="TextEncodingDetector"/>'s whole-file check reports.</summary>
/// <param name="startOffset">The file offset of the first byte this stream reads (after a byte order mark).</param>
internal sealed class Utf8CheckingStream(Stream inner, long startOffset, Func<long, Exception> invalidAt) : ReadOnlyWrapperStream(inner)
{
    private readonly byte[] _cut = new byte[4]; // the start of a character the last read cut off
    private int _cutLength;
    private long _checkedUpTo = startOffset;      // file offset of the first byte not yet found valid

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        if (read == 0)
        {
            if (buffer.Length > 0 && _cutLength > 0) throw invalidAt(_checkedUpTo);
            return 0;
        }
        Check(buffer[..read]);
        return read;
    }

    private void Check(ReadOnlySpan<byte> bytes)
    {
        if (_cutLength > 0)
        {
            // Complete the character the previous read cut off, then check it alone.
            var length = TextEncodingDetector.Utf8SequenceLength(_cut[0]);
            var take = Math.Min(length - _cutLength, bytes.Length);
            bytes[..take].CopyTo(_cut.AsSpan(_cutLength));
            _cutLength += take;
            bytes = bytes[take..];
            if (_cutLength < length) return; // a read of one or two bytes: still cut
            if (!Utf8.IsValid(_cut.AsSpan(0, _cutLength))) throw invalidAt(_checkedUpTo);
            _checkedUpTo += _cutLength;
            _cutLength = 0;
        }
        var complete = TextEncodingDetector.CompleteUtf8Length(bytes);
        var whole = bytes[..complete];
        if (!Utf8.IsValid(whole)) throw invalidAt(_checkedUpTo + TextEncodingDetector.FirstInvalidUtf8Index(whole));
        _checkedUpTo += complete;
        bytes[complete..].CopyTo(_cut);
        _cutLength = bytes.Length - complete;
    }
}
