using System.CommandLine;
using QualityAnalytics.Etl.Audit;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa quarantine [--batch N] [--out FILE.csv]`: list a batch's quarantined rows, or export them as CSV
/// (UTF-8 with BOM, so Excel opens it; the file's path in a last column).</summary>
internal static class QuarantineCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var batch = new Option<long?>("--batch") { Description = "The batch id (default: the latest batch)." };
        var output = new Option<string>("--out") { Description = "Write the rows to this CSV file instead of printing them." };
        var command = new Command("quarantine", "List or export the rows a load quarantined, with file, sheet, line, column, value and reason.")
            { db, batch, output };
        command.SetAction(parse =>
        {
            var warehouse = env.OpenWarehouse(parse.GetValue(db));
            using var ctx = warehouse.CreateContext();
            var batchId = parse.GetValue(batch) ?? QuarantineExport.LatestBatch(ctx);
            if (batchId is null)
            {
                env.Out.WriteLine("No load batches yet.");
                return QaCommandLine.Ok;
            }
            if (!ctx.LoadBatches.Any(b => b.Id == batchId)) throw new UsageException($"there is no batch {batchId} (see 'qa batches').");
            var rows = QuarantineExport.Rows(ctx, batchId.Value);
            var outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                using var writer = new StreamWriter(env.Resolve(outPath), false, CsvText.Utf8WithBom);
                QuarantineExport.WriteCsv(rows, writer, path => LoadCommand.Display(env, path));
                env.Out.WriteLine($"{rows.Count} quarantined value(s) of batch {batchId} written to {outPath}");
                return QaCommandLine.Ok;
            }
            env.Out.WriteLine($"batch {batchId}: {rows.Count} quarantined value(s)");
            // Each value by its file's path as loaded (relative to this folder when below it), as `qa load` named the file:
            // two departments' folders may each send a 投诉.csv.
            foreach (var (r, path, kind) in rows)
                env.Out.WriteLine(LoadOutput.QuarantineLine(LoadCommand.Display(env, path), r.Sheet, r.Line, kind, r.Column, r.Value, r.Reason));
            return QaCommandLine.Ok;
        });
        return command;
    }
}
