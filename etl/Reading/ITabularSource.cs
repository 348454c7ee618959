namespace QualityAnalytics.Etl.Reading;

/// <summary>A CSV file, or one sheet of a workbook: a header row and the rows after it.</summary>
public interface ITabularSource : IDisposable
{
    string FilePath { get; }

    /// <summary>Null for CSV; the sheet name for XLSX.</summary>
    string? Sheet { get; }

    /// <summary>"utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "gb18030"; null for XLSX.</summary>
    string? EncodingName { get; }

    /// <summary>The trimmed cells of the header row: the first non-blank row, or the first of the leading ones that looks
    /// like a header to the caller of <see cref="TabularFile.Open"/> (a title above the table is skipped).</summary>
    IReadOnlyList<string> Header { get; }

    int HeaderLine { get; }

    /// <summary>True for a workbook's sheet: Excel stores a date as its serial number, and a date cell whose number format
    /// the reader does not know as a date arrives as that number, so a number in a date column is a date. False for CSV.</summary>
    bool NumbersMayBeDates => false;

    /// <summary>The SHA-256 (lower-case hex) of the file's bytes, when reading the rows to their end computed it (CSV);
    /// null otherwise (a workbook is hashed before it is read).</summary>
    string? ContentSha256 => null;

    /// <summary>
    /// The non-blank rows after the header, streamed: the file is read as the sequence is enumerated, so memory
    /// stays flat however large the file is. Each enumeration reads the file again from the start.
    /// </summary>
    /// <exception cref="FileRejectedException">The file turns out to be unreadable past its header.</exception>
    IEnumerable<RawRow> ReadRows();
}
