using System.Globalization;
using System.Text.RegularExpressions;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Web.Reports;

/// <summary>The quarterly reports kept in the warehouse's data folder (data/reports/2026Q2-zh-CN.pdf), written by the
/// scheduled job, by the dashboard on demand and by `qa report`. File names are checked against one pattern, so a
/// request can never name a file outside the folder.</summary>
public sealed partial class ReportArchive(string dataFolder)
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(dataFolder), "reports");

    public sealed record Entry(string File, string Quarter, string Language, long SizeBytes, DateTimeOffset WrittenAt);

    [GeneratedRegex(@"^(\d{4}Q[1-4])-(zh-CN|en)\.pdf$")]
    private static partial Regex NamePattern();

    public static string FileName(Quarter quarter, string language) => $"{quarter}-{language}.pdf";

    public IReadOnlyList<Entry> List()
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.EnumerateFiles(Folder, "*.pdf")
            .Select(path => (path, match: NamePattern().Match(System.IO.Path.GetFileName(path))))
            .Where(x => x.match.Success)
            .Select(x => new Entry(System.IO.Path.GetFileName(x.path), x.match.Groups[1].Value, x.match.Groups[2].Value, new FileInfo(x.path).Length,
                File.GetLastWriteTimeUtc(x.path)))
            .OrderByDescending(e => e.Quarter, StringComparer.Ordinal).ThenBy(e => e.Language, StringComparer.Ordinal)
            .ToList();
    }

    public string Write(Quarter quarter, string language, byte[] pdf)
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, FileName(quarter, language));
        // Written beside, then moved over: a reader never sees half a report. The temporary name is this writer's own:
        // the scheduled job and "generate now" (on any instance sharing the folder) may store one report at the same
        // moment, and with one shared name the first rename took the second writer's file from under it, half written.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, pdf);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return path;
    }

    /// <summary>The full path of an archived report, or null when the name is not one of ours or the file is not there.</summary>
    public string? PathOf(string fileName) =>
        NamePattern().IsMatch(fileName) && File.Exists(System.IO.Path.Combine(Folder, fileName)) ? System.IO.Path.Combine(Folder, fileName) : null;

    /// <summary>The quarter an archived report's file covers (2026Q2-zh-CN.pdf: 2026Q2), or null for another file.</summary>
    public static Quarter? QuarterOf(string path) =>
        NamePattern().Match(System.IO.Path.GetFileName(path)) is { Success: true } match ? Quarter.Parse(match.Groups[1].Value) : null;

    public static bool IsLanguage(string language) => language is "zh-CN" or "en";

    public static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
