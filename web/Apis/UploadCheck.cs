using System.Globalization;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Reports.Resources;

namespace QualityAnalytics.Web.Apis;

/// <summary>What an upload answers: each file's line, and for a check (a dry run: nothing stored) the values it would
/// quarantine and the stored rows it would change, shown as a batch's are (field names, reasons and values in the
/// request's language).</summary>
internal static class UploadCheck
{
    /// <summary>The values a check lists; more are counted (quarantine_total) but not sent: a file that bad goes back whole.</summary>
    public const int MaxListed = 1000;

    public static object FileView(LoadSummary f) => new
    {
        file = Path.GetFileName(f.File), sheet = f.Sheet, kind = f.Kind, read = f.Read, loaded = f.Loaded, updated = f.Updated,
        unchanged = f.Unchanged, quarantined = f.Quarantined, rejected = f.Rejected, reason = LoadMessages.Localize(f.Reason, DataApi.Text()), warnings = f.Warnings,
    };

    /// <summary>The answer to a check, made inside its transaction (<see cref="FileLoader.Check{T}"/>): the files, the
    /// first <see cref="MaxListed"/> quarantined values with their count, the first <see cref="MaxListed"/> changes to
    /// stored rows (one per changed column, as a batch's changes are listed) with whether there were more, and the first
    /// <see cref="MaxListed"/> warnings (each file's line counts them all).</summary>
    public static Func<LoadResult, CheckedRows, object> View(ShownValues shown) => (result, rows) =>
    {
        var text = DataApi.Text();
        var quarantine = result.Files.SelectMany(f => rows.Of(f).Select(q => new
        {
            file = q.File, sheet = q.Sheet, line = q.Line, column = Column(q, f), value = q.Value, reason = LoadMessages.Localize(q.Reason, text),
        })).Take(MaxListed).ToList();
        var warnings = result.Files.SelectMany(f => rows.WarningsOf(f).Select(w => new
        {
            file = w.File, sheet = w.Sheet, line = w.Line, column = Column(w, f), value = w.Value, message = LoadMessages.Localize(w.Reason, text),
        })).Take(MaxListed).ToList();
        var changes = result.Files.SelectMany(f => rows.ChangesOf(f).SelectMany(c =>
            ChangeLines.Of(Path.GetFileName(f.File), f.Sheet, f.Kind, c.NaturalKey, c.Fields, shown))).Take(MaxListed + 1).ToList();
        return new
        {
            dry_run = true, files = result.Files.Select(FileView).ToList(), quarantine, quarantine_total = rows.Count(),
            changes = changes.Take(MaxListed), changes_more = changes.Count > MaxListed, warnings,
        };
    };

    /// <summary>Every value a check would quarantine as a file (CSV or XLSX, as the desk's other exports), for the
    /// department that sent the files. Written inside the check's transaction, streamed from it into the export's
    /// temporary file: no cap, and memory stays flat.</summary>
    public static Func<LoadResult, CheckedRows, IResult> Export(string format, TimeProvider clock, IStringLocalizer<SharedResource> messages) => (result, rows) =>
    {
        var text = DataApi.Text();
        // The quarantine export's own header, without its batch column (a check makes no batch) and its path column, last
        // (a check's files are one upload's, told apart by their names: two of one name are refused).
        var header = messages["api.quarantine.header"].Value.Split(',')[1..^1];
        return Exports.File(format, "check-quarantine", header, result.Files.SelectMany(f => rows.Of(f).Select(q => new object?[]
        {
            q.File, q.Sheet, q.Line, Column(q, f), q.Value, LoadMessages.Localize(q.Reason, text),
        })), clock, messages);
    };

    /// <summary>The column as the batch's quarantine names it: the file's header first, 受理时间（received_at）on the Chinese page.</summary>
    private static string Column(QuarantinedValue value, LoadSummary file) => FieldLabels.OfRecorded(file.Kind, value.Column, CultureInfo.CurrentUICulture);
}
