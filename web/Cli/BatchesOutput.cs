using System.Globalization;
using System.Text.Json;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Cli;

/// <summary>What `qa batches` prints: a line per batch, a line per source file (a file, or a workbook's sheet) of a
/// batch asked for by --batch, or all of it as JSON.</summary>
internal static class BatchesOutput
{
    public static string Line(LoadBatch b) =>
        $"batch {b.Id}  {BusinessTime.ToMinute(b.StartedAt)}  {b.Status,-9} by {b.LoadedBy}: {b.Files} file(s), read {b.Read}, new {b.Loaded}, " +
        $"updated {b.Updated}, unchanged {b.Unchanged}, quarantined {b.Quarantined}, rejected {b.Rejected}" +
        (b.FinishedAt is { } end ? string.Create(CultureInfo.InvariantCulture, $"; took {(end - b.StartedAt).TotalSeconds:0.0} s") : "");

    /// <summary>One source by the path it was loaded from, its hash and size, then what became of it as `qa load` said
    /// it. A hash left empty is a file a killed load never finished reading.</summary>
    public static string FileLine(CliEnvironment env, SourceFile f)
    {
        var name = LoadCommand.Display(env, f.Path) + (f.Sheet is null ? "" : $" [{f.Sheet}]");
        var what = f.Rejected ? $"REJECTED: {LoadOutput.ReasonAfter(f.Path, f.Sheet, f.Reason)}"
            : f.Kind is null ? $"skipped: {LoadOutput.ReasonAfter(f.Path, f.Sheet, f.Reason)}"
            : $"{f.Kind}: read {f.Read}, new {f.Loaded}, updated {f.Updated}, unchanged {f.Unchanged}, quarantined {f.Quarantined}";
        return $"{name}: sha256 {(f.Sha256.Length == 0 ? "-" : f.Sha256)}, {f.SizeBytes} bytes; {what}";
    }

    public static void WriteJson(CliEnvironment env, IEnumerable<LoadBatch> batches, ILookup<long, SourceFile> files) =>
        env.Out.WriteLine(JsonSerializer.Serialize(batches.Select(b => new Dictionary<string, object?>
        {
            ["batch_id"] = b.Id,
            // In Asia/Shanghai, with its offset, as the text form's times are.
            ["started_at"] = TimeZoneInfo.ConvertTime(b.StartedAt, BusinessTime.Zone),
            ["finished_at"] = b.FinishedAt is { } end ? TimeZoneInfo.ConvertTime(end, BusinessTime.Zone) : null,
            ["status"] = b.Status,
            ["loaded_by"] = b.LoadedBy,
            ["read"] = b.Read,
            ["loaded"] = b.Loaded,
            ["updated"] = b.Updated,
            ["unchanged"] = b.Unchanged,
            ["quarantined"] = b.Quarantined,
            ["rejected"] = b.Rejected,
            ["files"] = files[b.Id].Select(f => FileObject(env, f)),
        }), CliEnvironment.Json));

    /// <summary>A file as `qa load --format json` described it (`file` its path, relative to this folder when below
    /// it), with its hash and size.</summary>
    private static Dictionary<string, object?> FileObject(CliEnvironment env, SourceFile f)
    {
        var fields = LoadOutput.ContractFields(env, f.Path, f.Sheet, f.Kind, (f.Read, f.Loaded, f.Updated, f.Unchanged, f.Quarantined), f.Rejected, f.Reason);
        fields["sha256"] = f.Sha256.Length == 0 ? null : f.Sha256;
        fields["size_bytes"] = f.SizeBytes;
        fields["encoding"] = f.Encoding;
        return fields;
    }
}
