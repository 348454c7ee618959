using System.Buffers;
using System.Text;

namespace QualityAnalytics.Etl.Reading;

/// <summary>How a text file is encoded, as detected: the name reported to users, a strict decoder, the BOM length, and
/// whether the file's bytes were all checked or are still to be checked while its rows are read.</summary>
internal sealed record DetectedEncoding(string Name, Encoding Encoding, int PreambleLength, Utf8Check Check = Utf8Check.Done)
{
    /// <summary>UTF-8 files are handed to the CSV reader as they are; the others are transcoded to UTF-8 first.</summary>
    public bool IsUtf8 => Encoding.CodePage == Encoding.UTF8.CodePage;
}

/// <summary>When a UTF-8 file's bytes are checked.</summary>
internal enum Utf8Check
{
    /// <summary>Before reading: the whole file was checked by <see cref="TextEncodingDetector.Detect"/> (or it is not UTF-8).</summary>
    Done,

    /// <summary>While reading its rows; it starts with a UTF-8 byte order mark, so an invalid byte rejects the file.</summary>
    RejectWhileReading,

    /// <summary>While reading its rows; UTF-8 was judged from the file's start, so an invalid byte further on means the
    /// file is something else (GB18030) and must be detected again, whole (<see cref="EncodingRefutedException"/>).</summary>
    RefuteWhileReading,
}

/// <summary>A file judged UTF-8 from its start turned out not to be, at <see cref="Offset"/>: the loader rolls the file
/// back and loads it again after a whole-file detection (a rare file: ASCII for its first 64 KiB, GB18030 later).</summary>
internal sealed class EncodingRefutedException(string filePath, long offset)
    : Exception($"{Path.GetFileName(filePath)}: not UTF-8 after all (invalid byte at offset {offset}); detecting its encoding again")
{
    public string FilePath { get; } = filePath;

    public long Offset { get; } = offset;
}

/// <summary>
/// Detects the encoding of a text file instead of having it configured: a BOM names UTF-8 or UTF-16; without one,
/// a file that is valid UTF-8 throughout is UTF-8, anything else must be GB18030 (what Excel writes in China).
/// Every decision is made by a streaming pass over the whole file with a fixed buffer, so a file of any size costs
/// no more memory than a small one; a file that no candidate decodes strictly is rejected. The loader asks for less
/// (<c>wholeFile: false</c>): a file that starts as UTF-8 is taken as UTF-8 and checked by the one pass that reads its
/// rows, which hands it back for a whole-file detection if it turns out otherwise.
/// </summary>
internal static class TextEncodingDetector
{
    private const int BufferSize = 1 << 16;
    private const int Gb18030CodePage = 54936;

    // Strict decoders: an invalid sequence throws instead of becoming U+FFFD, so bad bytes never reach the warehouse.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictGb18030;

    static TextEncodingDetector()
    {
        // GB18030 is not built into .NET; the code pages provider supplies it. Registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        StrictGb18030 = Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <param name="wholeFile">False: a UTF-8 file (with a byte order mark, or valid UTF-8 for its first
    /// <see cref="BufferSize"/> bytes) is not read through now; its bytes are checked while its rows are read
    /// (<see cref="OpenForRows"/>, <see cref="Utf8Check"/>). The loader asks for that, so a large file is read once.</param>
    public static DetectedEncoding Detect(string path, bool wholeFile = true)
    {
        using var stream = OpenSequential(path);
        Span<byte> bom = stackalloc byte[3];
        var bomRead = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        bom = bom[..bomRead];

        if (bom.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            if (!wholeFile) return new DetectedEncoding("utf-8-bom", StrictUtf8, 3, Utf8Check.RejectWhileReading);
            var invalid = FirstInvalidUtf8Offset(stream, 3);
            return invalid is null
                ? new DetectedEncoding("utf-8-bom", StrictUtf8, 3)
                : throw Undecodable(path, "UTF-8 (it starts with a UTF-8 byte order mark)", invalid.Value);
        }

        if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = bom[0] == 0xFE;
            var encoding = bigEndian ? StrictUtf16Be : StrictUtf16Le;
            var invalid = FirstUndecodableOffset(stream, 2, encoding);
            return invalid is null
                ? new DetectedEncoding(bigEndian ? "utf-16be" : "utf-16le", encoding, 2)
                : throw Undecodable(path, bigEndian ? "UTF-16BE (it starts with a UTF-16BE byte order mark)" : "UTF-16LE (it starts with a UTF-16LE byte order mark)", invalid.Value);
        }

        if (!wholeFile && StartsAsUtf8(stream)) return new DetectedEncoding("utf-8", StrictUtf8, 0, Utf8Check.RefuteWhileReading);

        var notUtf8At = FirstInvalidUtf8Offset(stream, 0);
        if (notUtf8At is null)
        {
            return new DetectedEncoding("utf-8", StrictUtf8, 0);
        }

        var notGb18030At = FirstUndecodableOffset(stream, 0, StrictGb18030);
        if (notGb18030At is null)
        {
            return new DetectedEncoding("gb18030", StrictGb18030, 0);
        }

        // The later failure is the better clue: a UTF-8 file with one damaged byte fails GB18030 early on its Chinese text.
        throw Undecodable(path, "UTF-8, UTF-16 or GB18030", Math.Max(notUtf8At.Value, notGb18030At.Value));
    }

    /// <summary>A decoder for reading the file after detection: strict, so a file changed since then still cannot slip bad bytes through.</summary>
    public static Stream OpenAsUtf8(string path, DetectedEncoding encoding)
    {
        var stream = OpenSequential(path);
        stream.Seek(encoding.PreambleLength, SeekOrigin.Begin);
        return encoding.IsUtf8 ? stream : Encoding.CreateTranscodingStream(stream, encoding.Encoding, Encoding.UTF8, leaveOpen: false);
    }

    /// <summary>Opens the file for reading its rows: the bytes after the byte order mark, as UTF-8, hashed on the way
    /// (<paramref name="hashing"/> has the SHA-256 of the whole file, byte order mark included, once the end is read) and
    /// checked on the way when detection left that to the reading (<see cref="Utf8Check"/>).</summary>
    public static Stream OpenForRows(string path, DetectedEncoding encoding, out HashingStream hashing)
    {
        hashing = new HashingStream(OpenSequential(path));
        hashing.ReadExactly(stackalloc byte[encoding.PreambleLength]); // hashed, not decoded
        Stream stream = hashing;
        return encoding.Check switch
        {
            Utf8Check.RejectWhileReading => new Utf8CheckingStream(stream, encoding.PreambleLength,
                offset => Undecodable(path, "UTF-8 (it starts with a UTF-8 byte order mark)", offset)),
            Utf8Check.RefuteWhileReading => new Utf8CheckingStream(stream, encoding.PreambleLength, offset => new EncodingRefutedException(path, offset)),
            _ => encoding.IsUtf8 ? stream : Encoding.CreateTranscodingStream(stream, encoding.Encoding, Encoding.UTF8, leaveOpen: false),
        };
    }

    /// <summary>Whether the first <see cref="BufferSize"/> bytes (the whole file, if shorter) are valid UTF-8; a
    /// character cut by the end of that sample is left to the reading.</summary>
    private static bool StartsAsUtf8(Stream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(0, BufferSize), BufferSize, throwOnEndOfStream: false);
            var sample = buffer.AsSpan(0, read);
            return System.Text.Unicode.Utf8.IsValid(read < BufferSize ? sample : sample[..CompleteUtf8Length(sample)]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // FileShare.ReadWrite: on Windows a workbook or CSV still open in Excel is held for writing, and sharing only
    // reads would refuse to open it. bufferSize 1 turns FileStream's own buffer off; every read here is 64 KiB.
    internal static FileStream OpenSequential(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);

    /// <summary>
    /// The offset of the first byte that is not valid UTF-8, or null. Validates whole buffers with the vectorised
    /// <see cref="System.Text.Unicode.Utf8.IsValid(ReadOnlySpan{byte})"/>; a character cut by the end of a buffer is
    /// carried over to the start of the next one.
    /// </summary>
    private static long? FirstInvalidUtf8Offset(Stream stream, long start)
    {
        stream.Seek(start, SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var carried = 0;          // bytes of an incomplete character kept at the start of the buffer
            var bufferOffset = start; // file offset of buffer[0]
            while (true)
            {
                var read = stream.Read(buffer, carried, BufferSize - carried);
                var length = carried + read;
                var isFinal = read == 0;
                var complete = isFinal ? length : CompleteUtf8Length(buffer.AsSpan(0, length));
                var chunk = buffer.AsSpan(0, complete);
                if (!System.Text.Unicode.Utf8.IsValid(chunk))
                {
                    return bufferOffset + FirstInvalidUtf8Index(chunk);
                }

                if (isFinal)
                {
                    return null;
                }

                carried = length - complete;
                buffer.AsSpan(complete, carried).CopyTo(buffer);
                bufferOffset += complete;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The length of the part of <paramref name="bytes"/> that does not end inside a character: at most the last
    /// three bytes can be the start of a character whose remaining bytes are in the next buffer.
    /// </summary>
    internal static int CompleteUtf8Length(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var i = end - 1; i >= 0 && i >= end - 3; i--)
        {
            var b = bytes[i];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: keep looking for the lead byte
            }

            return i + Utf8SequenceLength(b) > end ? i : end;
        }

        return end; // no lead byte near the end: either complete or invalid, and IsValid will tell which
    }

    /// <summary>How many bytes a character starting with <paramref name="lead"/> claims (an invalid lead claims four,
    /// and is found invalid once they are there).</summary>
    internal static int Utf8SequenceLength(byte lead) => lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;

    internal static int FirstInvalidUtf8Index(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return index;
    }

    /// <summary>The offset of the first byte that <paramref name="encoding"/> (strict) cannot decode, or null.</summary>
    private static long? FirstUndecodableOffset(Stream stream, long start, Encoding encoding)
    {
        stream.Seek(start, SeekOrigin.Begin);
        var decoder = encoding.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(BufferSize);
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(BufferSize));
        var bufferOffset = start;
        try
        {
            while (true)
            {
                var read = stream.Read(bytes, 0, BufferSize);
                try
                {
                    // flush on the last call, so that a character cut off by the end of the file is an error too
                    decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                }
                catch (DecoderFallbackException e)
                {
                    // Index is relative to this buffer; it is negative when the bad sequence began in the previous one.
                    return Math.Max(start, bufferOffset + Math.Max(e.Index, -(e.BytesUnknown?.Length ?? 0)));
                }

                if (read == 0)
                {
                    return null;
                }

                bufferOffset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    internal static FileRejectedException Undecodable(string path, string tried, long offset)
    {
        // The line as a person finds it in an editor (the offset alone is for tools): line breaks before the offset, plus one.
        var line = LineAt(path, offset, tried.StartsWith("UTF-16BE", StringComparison.Ordinal) ? 1 : tried.StartsWith("UTF-16LE", StringComparison.Ordinal) ? 0 : -1);
        var detail = ByteAt(path, offset) is { } b
            ? $"invalid byte 0x{b:X2} on line {line}, at offset {offset}"
            : $"incomplete character on line {line}, at offset {offset}";
        return new FileRejectedException(path, null, $"cannot be decoded as {tried} ({detail})");
    }

    /// <summary>1 + the line feeds before <paramref name="offset"/>: LF bytes, or in UTF-16 the LF code units
    /// (<paramref name="utf16LfParity"/> 0: little-endian, 1: big-endian, -1: a byte encoding). Read only when a file is
    /// refused, so its cost is no load's.</summary>
    private static long LineAt(string path, long offset, int utf16LfParity)
    {
        using var stream = OpenSequential(path);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long line = 1, position = 0;
            byte previous = 0xFF;
            while (position < offset)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position));
                if (read == 0) break;
                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    // A UTF-16 code unit ends at each odd offset: LF is 0A 00 (little-endian) or 00 0A (big-endian), and
                    // a 0x0A byte of another character (上 is 0A 4E) is none.
                    if (utf16LfParity < 0 ? b == (byte)'\n'
                        : (position + i) % 2 == 1 && (utf16LfParity == 0 ? previous == (byte)'\n' && b == 0 : previous == 0 && b == (byte)'\n')) line++;
                    previous = b;
                }
                position += read;
            }
            return line;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte? ByteAt(string path, long offset)
    {
        using var stream = OpenSequential(path);
        if (offset >= stream.Length)
        {
            return null;
        }

        stream.Seek(offset, SeekOrigin.Begin);
        var b = stream.ReadByte();
        return b < 0 ? null : (byte)b;
    }
}
