namespace QualityAnalytics.Etl.Reading;

/// <summary>The entry point for reading a department's raw file, whatever its format and encoding.</summary>
public static class TabularFile
{
    private static readonly string[] TextExtensions = [".csv", ".tsv", ".txt"];
    private const string WorkbookExtension = ".xlsx";

    /// <summary>2 GiB: room for a sheet of complaints filled to Excel's 1,048,576-row limit (at some 500 bytes of sheet
    /// XML a row, about 0.5 GB), while a bomb (gigabytes from a few hundred KB) stops there.</summary>
    public const long DefaultMaxWorkbookUnpackedBytes = 2L * 1024 * 1024 * 1024;

    public static bool IsSupported(string path)
    {
        var extension = Path.GetExtension(path);
        return IsText(extension) || IsWorkbook(extension);
    }

    /// <summary>
    /// A CSV file gives one source; a workbook gives one per sheet that has a header row. The encoding (a pass
    /// over the whole file, unless <paramref name="wholeFile"/> is false) and the header are settled now, so most
    /// unreadable files are rejected here, before any row is loaded. Damage found only further on (a quote never
    /// closed, a workbook corrupt past its header, an invalid byte in a file checked while read) is thrown as
    /// <see cref="FileRejectedException"/> by <see cref="ITabularSource.ReadRows"/>.
    /// </summary>
    /// <exception cref="FileRejectedException">The file as a whole cannot be read.</exception>
    /// <param name="wholeFile">False: a text file that starts as UTF-8 is checked while its rows are read, not now
    /// (the loader's choice; see <see cref="TextEncodingDetector.Detect"/>).</param>
    /// <param name="isHeader">What a header row looks like (the loader: a row whose names make a kind of the contract). The
    /// header is the first of the leading non-blank rows it accepts, so a title above the table is skipped
    /// (<see cref="HeaderRow"/>); null, or no such row: the first non-blank row.</param>
    /// <param name="maxWorkbookUnpackedBytes">A workbook that unpacks to more (its zip's parts together, as declared and as
    /// actually inflated) is rejected before any of it is read.</param>
    public static IReadOnlyList<ITabularSource> Open(string path, bool wholeFile = true, Func<IReadOnlyList<string>, bool>? isHeader = null,
        long maxWorkbookUnpackedBytes = DefaultMaxWorkbookUnpackedBytes)
    {
        var extension = Path.GetExtension(path);
        if (IsText(extension))
        {
            return [CsvSource.Open(path, wholeFile, isHeader)];
        }

        if (IsWorkbook(extension))
        {
            return XlsxSource.OpenAll(path, isHeader, maxWorkbookUnpackedBytes);
        }

        var shown = extension.Length == 0 ? "no extension" : $"\"{extension}\"";
        throw new FileRejectedException(path, null, $"is not a supported file type ({shown}; expected .csv, .tsv, .txt or .xlsx)");
    }

    /// <summary>A CSV, TSV or TXT file (hashed while its rows are read); false for a workbook or anything else.</summary>
    public static bool IsTextFile(string path) => IsText(Path.GetExtension(path));

    private static bool IsText(string extension)
    {
        foreach (var text in TextExtensions)
        {
            if (extension.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWorkbook(string extension) => extension.Equals(WorkbookExtension, StringComparison.OrdinalIgnoreCase);
}
