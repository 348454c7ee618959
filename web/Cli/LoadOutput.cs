using System.Text.Json;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Web.Cli;

/// <summary>What `qa load` prints: one line (text) or one object (json) per file or sheet, then the batch's totals; for a
/// dry run the same, then the values it would quarantine.</summary>
internal static class LoadOutput
{
    public static void WriteJson(CliEnvironment env, LoadResult result) =>
        env.Out.WriteLine(JsonSerializer.Serialize(result.Files.Select(f => Fields(env, f, result.BatchId)), CliEnvironment.Json));

    /// <summary>The load's objects, with batch_id null (no batch is kept), dry_run true, each file's quarantined values,
    /// its changes to rows stored before (each changed field before and after) and its rows with a warning. Written as
    /// it is read: a file whose every row is bad makes a large answer (a million bad values are ~150 MB of JSON), and
    /// memory stays flat as the text form's does.</summary>
    public static void WriteCheckJson(CliEnvironment env, LoadResult result, CheckedRows rows)
    {
        using var json = new StreamedJson(env.Out);
        json.Writer.WriteStartArray();
        foreach (var f in result.Files)
        {
            json.Writer.WriteStartObject();
            foreach (var (name, value) in Fields(env, f, null)) json.Property(name, value);
            json.Property("dry_run", true);
            // column: the header as the file wrote it (得分); column_key: the contract's name (score), whatever the header.
            json.Array("quarantine", rows.Of(f).Select(q => new { line = q.Line, column = q.Column, column_key = FieldNames.Key(f.Kind, q.Column), value = q.Value, reason = q.Reason }));
            json.Array("changes", rows.ChangesOf(f).SelectMany(c => c.Fields.Select(x => new { key = c.NaturalKey, field = x.Field, old = x.Old, @new = x.New })));
            json.Array("warning_rows", rows.WarningsOf(f).Select(w => new { line = w.Line, column = w.Column, column_key = FieldNames.Key(f.Kind, w.Column), value = w.Value, message = w.Reason }));
            json.Writer.WriteEndObject();
        }
        json.Writer.WriteEndArray();
    }

    private static Dictionary<string, object?> Fields(CliEnvironment env, LoadSummary f, long? batchId)
    {
        var fields = ContractFields(env, f.File, f.Sheet, f.Kind, (f.Read, f.Loaded, f.Updated, f.Unchanged, f.Quarantined), f.Rejected, f.Reason);
        fields["warnings"] = f.Warnings;
        fields["unknown_columns"] = f.UnknownColumns;
        fields["encoding"] = f.Encoding;
        fields["batch_id"] = batchId;
        return fields;
    }

    /// <summary>The keys the contract gives each file's object of `load --format json`, in its order; `qa batches
    /// --format json` describes a batch's files with the same keys.</summary>
    internal static Dictionary<string, object?> ContractFields(CliEnvironment env, string path, string? sheet, string? kind,
        (int Read, int Loaded, int Updated, int Unchanged, int Quarantined) counts, bool rejected, string? reason) => new()
    {
        ["file"] = LoadCommand.Display(env, path),
        ["sheet"] = sheet,
        ["kind"] = kind,
        ["read"] = counts.Read,
        ["loaded"] = counts.Loaded,
        ["updated"] = counts.Updated,
        ["unchanged"] = counts.Unchanged,
        ["quarantined"] = counts.Quarantined,
        ["rejected"] = rejected,
        ["reason"] = reason,
    };

    public static void WriteText(CliEnvironment env, LoadResult result)
    {
        WriteFiles(env, result, "loaded    ");
        var quarantined = result.Files.Sum(f => f.Quarantined);
        env.Out.WriteLine($"batch {result.BatchId}: {Totals(result)}");
        if (quarantined > 0) env.Out.WriteLine($"see the quarantined rows with: qa quarantine --batch {result.BatchId} [--out rows.csv]");
    }

    public static void WriteCheckText(CliEnvironment env, LoadResult result, CheckedRows rows)
    {
        WriteFiles(env, result, "checked   ");
        env.Out.WriteLine($"dry run: {Totals(result)}; nothing was stored");
        if (result.Files.Sum(f => f.Quarantined) > 0)
        {
            env.Out.WriteLine($"quarantined values ({rows.Count()}):");
            // Each file by its path, as its summary line names it: two departments' folders may each send a 投诉.csv.
            foreach (var f in result.Files)
            {
                foreach (var q in rows.Of(f)) env.Out.WriteLine(QuarantineLine(LoadCommand.Display(env, f.File), q.Sheet, q.Line, f.Kind, q.Column, q.Value, q.Reason));
            }
        }
        if (result.Files.Sum(f => f.Warnings) > 0)
        {
            env.Out.WriteLine($"rows that would load with a warning ({result.Files.Sum(f => f.Warnings)}):");
            foreach (var f in result.Files)
            {
                foreach (var w in rows.WarningsOf(f)) env.Out.WriteLine(QuarantineLine(LoadCommand.Display(env, f.File), w.Sheet, w.Line, f.Kind, w.Column, w.Value, w.Reason));
            }
        }
        if (result.Files.Sum(f => f.Updated) > 0)
        {
            // Each changed field, before → after, as stored (yes/no as 1/0, satisfaction as its code), references by name.
            env.Out.WriteLine($"rows loaded before that would change ({result.Files.Sum(f => f.Updated)}):");
            foreach (var f in result.Files)
            {
                var name = LoadCommand.Display(env, f.File) + (f.Sheet is null ? "" : $" [{f.Sheet}]");
                foreach (var c in rows.ChangesOf(f))
                    env.Out.WriteLine($"{name} {c.NaturalKey}: " + string.Join("; ", c.Fields.Select(x => $"{x.Field} '{x.Old}' → '{x.New}'")));
            }
        }
    }

    /// <summary>One quarantined value (or warning) as `qa quarantine` and a dry run print it: the column as the file's
    /// header wrote it, with the contract's name beside a header that does not say it (得分 (score)).</summary>
    public static string QuarantineLine(string file, string? sheet, int line, string? kind, string column, string? value, string reason) =>
        $"{(sheet is null ? file : $"{file} [{sheet}]")} line {line}, {FieldNames.Recorded(kind, column, chinese: false)} = '{value}': {reason}";

    private static void WriteFiles(CliEnvironment env, LoadResult result, string done)
    {
        foreach (var f in result.Files)
        {
            var name = LoadCommand.Display(env, f.File) + (f.Sheet is null ? "" : $" [{f.Sheet}]");
            if (f.Rejected)
            {
                env.Out.WriteLine($"REJECTED  {name}: {ReasonAfter(f.File, f.Sheet, f.Reason)}");
                continue;
            }
            if (f.Kind is null)
            {
                env.Out.WriteLine($"skipped   {name}: {ReasonAfter(f.File, f.Sheet, f.Reason)}");
                continue;
            }
            env.Out.WriteLine($"{done}{name} ({f.Kind}): read {f.Read}, new {f.Loaded}, updated {f.Updated}, unchanged {f.Unchanged}, " +
                              $"quarantined {f.Quarantined}" + (f.Warnings > 0 ? $", warnings {f.Warnings}" : "") +
                              (f.UnknownColumns.Count > 0 ? $"; ignored columns: {string.Join(", ", f.UnknownColumns)}" : "") +
                              // A header and nothing under it: a month with no complaints is an export like any other.
                              (f.Read == 0 ? "; no data rows" : ""));
        }
    }

    /// <summary>A refused or skipped file's reason after the name the line already gave. The loader records the reason
    /// with the file's name first ("r.csv: looks like complaints but…", "book.xlsx [答卷]: …") for the places that show
    /// it alone (the data desk, the nightly job's .error.txt, the JSON's `reason`); printed after the path it read
    /// "REJECTED  f/r.csv: r.csv: looks like…".</summary>
    internal static string? ReasonAfter(string path, string? sheet, string? reason)
    {
        var name = Path.GetFileName(path);
        string[] named = sheet is null ? [$"{name}: "] : [$"{name} [{sheet}]: ", $"{name}, sheet \"{sheet}\": ", $"{name}: "];
        return named.FirstOrDefault(n => reason?.StartsWith(n, StringComparison.Ordinal) == true) is { } prefix ? reason![prefix.Length..] : reason;
    }

    private static string Totals(LoadResult result) =>
        $"{result.Files.Count} file(s)/sheet(s), {result.Files.Sum(f => f.Loaded)} new, {result.Files.Sum(f => f.Updated)} updated, " +
        $"{result.Files.Sum(f => f.Quarantined)} quarantined, {result.Files.Count(f => f.Rejected)} rejected";
}
