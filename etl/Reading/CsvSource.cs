using System.Runtime.CompilerServices;
using System.Text.Unicode;
using CsvHelper;

namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// A CSV (or TSV/TXT) file read with CsvHelper 34: it parses UTF-8 bytes directly (SIMD), handles RFC 4180 quoting,
/// "" escapes and multi-line quoted fields, and with <see cref="CsvReaderOptions.TrackLineNumbers"/> reports the
/// physical line on which each record starts. Files in other encodings are transcoded to UTF-8 on the fly.
/// </summary>
internal sealed class CsvSource : ITabularSource
{
    private readonly DetectedEncoding _encoding;
    private readonly CsvReaderOptions _options;
    private bool _disposed;

    private CsvSource(string filePath, DetectedEncoding encoding, CsvReaderOptions options, string[] header, int headerLine)
    {
        FilePath = filePath;
        _encoding = encoding;
        _options = options;
        Header = header;
        HeaderLine = headerLine;
    }

    public string FilePath { get; }

    public string? Sheet => null;

    public string? EncodingName => _encoding.Name;

    private HashingStream? _hashing;

    /// <summary>The SHA-256 of the file as the last reading of its rows read it, once that reading reached the end.</summary>
    public string? ContentSha256 => _hashing?.Sha256;

    public IReadOnlyList<string> Header { get; }

    public int HeaderLine { get; }

    /// <param name="wholeFile">Check a UTF-8 file's encoding over the whole file now (true), or while its rows are
    /// read (false, the loader's choice: see <see cref="TextEncodingDetector.Detect"/>).</param>
    /// <param name="isHeader">See <see cref="TabularFile.Open"/>.</param>
    public static CsvSource Open(string path, bool wholeFile = true, Func<IReadOnlyList<string>, bool>? isHeader = null)
    {
        var encoding = TextEncodingDetector.Detect(path, wholeFile);
        var separator = CsvSeparatorDetector.Detect(path, encoding);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            // The header is found by us (the first non-blank record), so that its line is known and blank lines
            // or rows of empty cells above it are skipped like any other blank row.
            HasHeader = false,
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            // A stray quote is kept as text rather than losing the row; the row is then judged by its values.
            MalformedData = CsvMalformedDataHandling.Recover,
            // ...but a quote never closed would swallow the rest of the file into one value: reject the file.
            OnMalformedRecord = malformed =>
            {
                if (malformed.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    throw new FileRejectedException(path, null, $"has a quoted field starting on line {malformed.LineNumber} that is never closed");
                }
            },
            DetectSeparatorHint = false,
        };

        using var reader = CsvReader.Create(TextEncodingDetector.OpenAsUtf8(path, encoding), options, leaveOpen: false);
        return HeaderRow.Find(NonBlankRecords(reader), isHeader) is (var line, var cells)
            ? new CsvSource(path, encoding, options, cells, line)
            : throw new FileRejectedException(path, null, "has no header row (the file is empty or blank)") { HoldsNothing = true };
    }

    private static IEnumerable<(int Line, string[] Cells)> NonBlankRecords(CsvReader reader)
    {
        var chars = new char[CharsPerCell];
        var repeated = new RepeatedCells(DecodeTrimmed);
        while (reader.Read())
        {
            if (TryReadCells(reader, repeated, ref chars, out var cells))
            {
                yield return (LineOf(reader), cells);
            }
        }
    }

    public IEnumerable<RawRow> ReadRows()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadRowsIterator();
    }

    private IEnumerable<RawRow> ReadRowsIterator()
    {
        using var reader = CsvReader.Create(TextEncodingDetector.OpenForRows(FilePath, _encoding, out var hashing), _options, leaveOpen: false);
        _hashing = hashing;
        // Skip up to and including the header record found by Open.
        while (reader.Read() && reader.LineNumber < HeaderLine)
        {
        }

        var chars = new char[CharsPerCell];
        var repeated = new RepeatedCells(DecodeTrimmed);
        while (reader.Read())
        {
            if (TryReadCells(reader, repeated, ref chars, out var cells))
            {
                yield return new RawRow(LineOf(reader), cells);
            }
        }
    }

    // RawRow.Line is an int: a file of more than 2^31 lines is not a department's export.
    private static int LineOf(CsvReader reader) => checked((int)reader.LineNumber);

    /// <summary>The trimmed cells of the current record; false when every cell is empty (a blank row, such as ",,,").
    /// <paramref name="chars"/> is the reading's scratch for decoding a cell (<see cref="Decode"/>), grown as needed; a
    /// cell its column repeats comes from <paramref name="repeated"/>.</summary>
    // Per row of a bulk load: compiled optimized at the first call, not after a tier-up (docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadCells(CsvReader reader, RepeatedCells repeated, ref char[] chars, out string[] cells)
    {
        var count = reader.FieldCount;
        // Filled through a local: stored through the out parameter, each cell cost a covariance check (StelemRef).
        var values = new string[count];
        var anyValue = false;
        for (var i = 0; i < count; i++)
        {
            var value = repeated.Text(i, reader.GetSpan(i), ref chars);
            values[i] = value;
            anyValue |= value.Length > 0;
        }
        cells = values;
        return anyValue;
    }

    /// <summary>A cell's text: its bytes decoded and trimmed, Excel's <c>="…"</c> text wrapper taken off
    /// (<see cref="CellText.UnwrapExcelText"/>). CsvHelper trims spaces and tabs; other whitespace (a line
    /// break at the edge of a quoted field, the ideographic space U+3000 common in Chinese data, NBSP) is trimmed here,
    /// only when present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string DecodeTrimmed(ReadOnlySpan<byte> utf8, ref char[] chars)
    {
        var text = CellText.Trimmed(Decode(utf8, ref chars));
        // Excel's ="00123" (a CSV made for Excel keeps ids as text so); one comparison for every other cell.
        return text.Length > 0 && text[0] == '=' ? CellText.UnwrapExcelText(text) : text;
    }

    /// <summary>Room for a cell of this many UTF-8 bytes in the decoding scratch before it grows.</summary>
    private const int CharsPerCell = 1024;

    /// <summary>A field's UTF-8 bytes as a string, in one pass. CsvHelper's <c>GetString</c> goes through
    /// <c>Encoding.UTF8.GetString</c>, which reads the bytes twice: once to validate and count the characters, once to
    /// transcode them; for the Chinese text of most cells the first pass cost as much as the second
    /// (docs/benchmarks.md, "Nineteenth session"). Here they are transcoded once into the scratch (a UTF-8 byte never
    /// makes more than one UTF-16 character) and copied into the string. An invalid sequence becomes U+FFFD, as with
    /// <c>GetString</c> (a UTF-8 file's bytes were checked before they got here; other encodings arrive transcoded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static string Decode(ReadOnlySpan<byte> utf8, ref char[] chars)
    {
        if (utf8.IsEmpty) return string.Empty;
        if (utf8.Length > chars.Length) chars = new char[Math.Max(utf8.Length, chars.Length * 2)];
        Utf8.ToUtf16(utf8, chars, out _, out var written);
        return new string(chars, 0, written);
    }

    public void Dispose() => _disposed = true;
}
