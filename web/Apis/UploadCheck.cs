using System.Globalization;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Reports.Resources;

namespace QualityAnalytics.Web.Apis;

/// <summary>What an upload answers: each file's line, and for a check (a dry run: nothing stored) the values it would
/// quarantine, shown as the batch's quarantine is (field names and reasons in the request's language).</summary>
internal static class UploadCheck
{
    /// <summary>The values a check lists; more are counted (quarantine_total) but not sent: a file that bad goes back whole.</summary>
    public const int MaxListed = 1000;

    public static object FileView(LoadSummary f) => new
    {
        file = Path.GetFileName(f.File), sheet = f.Sheet, kind = f.Kind, read = f.Read, loaded = f.Loaded, updated = f.Updated,
        unchanged = f.Unchanged, quarantined = f.Quarantined, rejected = f.Rejected, reason = LoadMessages.Localize(f.Reason, DataApi.Text()), warnings = f.Warnings,
    };

    /// <summary>Runs inside the check's transaction (<see cref="FileLoader.Check{T}"/>).</summary>
    public static object View(LoadResult result, CheckedRows quarantine)
    {
        var text = DataApi.Text();
        var listed = result.Files.SelectMany(f => quarantine.Of(f).Select(q => new
        {
            file = q.File, sheet = q.Sheet, line = q.Line, column = FieldLabels.Of(f.Kind, q.Column, CultureInfo.CurrentUICulture), value = q.Value,
            reason = LoadMessages.Localize(q.Reason, text),
        })).Take(MaxListed).ToList();
        return new { dry_run = true, files = result.Files.Select(FileView).ToList(), quarantine = listed, quarantine_total = quarantine.Count() };
    }
}
