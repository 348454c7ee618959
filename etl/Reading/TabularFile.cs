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
    /// A CSV file gives one source; a workbook gives one per sheet that has a header row. The encoding and the
    /// header are read now, so a file that cannot be read is rejected here, before any row is loaded.
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
