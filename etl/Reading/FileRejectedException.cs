namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// A problem with a whole file (or sheet) rather than with one row: it cannot be decoded, its format is not
/// supported, the workbook is corrupt, or there is no header row. The load rejects the file whole, except one that
/// holds nothing at all (<see cref="HoldsNothing"/>), which it skips.
/// </summary>
public sealed class FileRejectedException : Exception
{
    public FileRejectedException(string filePath, string? sheet, string reason)
        : this(filePath, sheet, reason, null)
    {
    }

    public FileRejectedException(string filePath, string? sheet, string reason, Exception? innerException)
        : base(Describe(filePath, sheet, reason), innerException)
    {
        FilePath = filePath;
        Sheet = sheet;
        Reason = reason;
    }

    public string FilePath { get; }

    public string? Sheet { get; }

    /// <summary>Why the file was rejected, without the file name: "cannot be decoded as ...".</summary>
    public string Reason { get; }

    /// <summary>The file holds nothing at all (blank, or every sheet empty): no header, so no kind to recognise. The
    /// loader skips such a file rather than refusing it: it is an export with nothing in it, not a broken one.</summary>
    public bool HoldsNothing { get; init; }

    // One sentence a person can act on: "complaints.csv: cannot be decoded as ... (invalid byte 0xFF on line 2, at offset 12)."
    private static string Describe(string filePath, string? sheet, string reason)
    {
        var name = Path.GetFileName(filePath);
        var where = sheet is null ? name : $"{name}, sheet \"{sheet}\"";
        var sentence = reason.TrimEnd('.');
        return $"{where}: {sentence}.";
    }
}
