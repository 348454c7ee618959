namespace QualityAnalytics.Etl.Reading;

/// <summary>The entry point for reading a department's raw file, whatever its format and encoding.</summary>
public static class TabularFile
{
    private static readonly string[] TextExtensions = [".csv", ".tsv", ".txt"];
    private const string WorkbookExtension = ".xlsx";

    public static bool IsSupported(string path)
    {
        var extension = Path.GetExtension(path);
        return IsText(extension) || IsWorkbook(extension);
    }

    /// <summary>
    /// A CSV file gives one source; a workbook gives one per sheet that has a header row. The encoding (a pass
    /// over the whole file) and the header are settled now, so most unreadable files are rejected here, before any
    /// row is loaded. Damage found only further on (a quote never closed, a workbook corrupt past its header) is
    /// thrown as <see cref="FileRejectedException"/> by <see cref="ITabularSource.ReadRows"/>.
    /// </summary>
    /// <exception cref="FileRejectedException">The file as a whole cannot be read.</exception>
    public static IReadOnlyList<ITabularSource> Open(string path)
    {
        var extension = Path.GetExtension(path);
        if (IsText(extension))
        {
            return [CsvSource.Open(path)];
        }

        if (IsWorkbook(extension))
        {
            return XlsxSource.OpenAll(path);
        }

        var shown = extension.Length == 0 ? "no extension" : $"\"{extension}\"";
        throw new FileRejectedException(path, null, $"is not a supported file type ({shown}; expected .csv, .tsv, .txt or .xlsx)");
    }

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
