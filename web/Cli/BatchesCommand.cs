using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa batches [--last N] [--batch N] [--format text|json]`: the load history, newest first, with counts; one
/// batch with its source files, their paths and sha256 hashes (the contract's "a batch with its source files, their
/// hashes"). JSON always carries each batch's files: a tool reading it wants them, a person reading text the overview.</summary>
internal static class BatchesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var last = new Option<int>("--last") { Description = "How many batches to show.", DefaultValueFactory = _ => 20 };
        var batch = new Option<long?>("--batch") { Description = "One batch, with each of its files (path, sheet, kind, sha256, size, counts)." };
        var format = CommonOptions.Format("text", "json");
        var command = new Command("batches", "List load batches with their counts, or one batch with its files and their hashes.") { db, last, batch, format };
        command.SetAction(parse =>
        {
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            var one = parse.GetValue(batch);
            var batches = one is { } id
                ? ctx.LoadBatches.AsNoTracking().Where(b => b.Id == id).ToList()
                : ctx.LoadBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(parse.GetValue(last)).ToList();
            if (one is not null && batches.Count == 0) throw new UsageException($"there is no batch {one} (see 'qa batches').");
            var ids = batches.Select(b => b.Id).ToList();
            var files = ctx.SourceFiles.AsNoTracking().Where(f => ids.Contains(f.BatchId)).OrderBy(f => f.Id).ToList().ToLookup(f => f.BatchId);
            if (parse.GetValue(format) == "json")
            {
                BatchesOutput.WriteJson(env, batches, files);
                return QaCommandLine.Ok;
            }
            foreach (var b in batches)
            {
                env.Out.WriteLine(BatchesOutput.Line(b));
                if (one is not null) foreach (var f in files[b.Id]) env.Out.WriteLine("  " + BatchesOutput.FileLine(env, f));
            }
            if (batches.Count == 0) env.Out.WriteLine("No load batches yet.");
            else if (one is null) env.Out.WriteLine("see a batch's files, their paths and sha256 hashes with: qa batches --batch N");
            return QaCommandLine.Ok;
        });
        return command;
    }
}
