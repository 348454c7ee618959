using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Warehouse.Schema;
using System.CommandLine;
using System.Text.Json;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa load PATH... [--db FILE] [--format text|json]`: exit 0 when every file was read (even with quarantined
/// rows), 1 when a file was rejected whole.</summary>
internal static class LoadCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files and folders (recursively) to load.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("load", "Load department files (CSV, XLSX) into the warehouse as one batch.") { paths, db, format };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths)!.Select(p => Path.IsPathRooted(p) ? p : Path.Combine(env.WorkingDirectory, p)).ToList();
            // The parser takes any token it does not know as an option for a PATH: a mistyped option (--formt json) would
            // be loaded as two missing files, after the others, and recorded as a batch. No file or folder of that name:
            // it is a usage error, and nothing is loaded.
            if (parse.GetValue(paths)!.Zip(inputs).FirstOrDefault(p => p.First.StartsWith('-') && !File.Exists(p.Second) && !Directory.Exists(p.Second))
                is ({ } unknown, _))
            {
                throw new UsageException($"unknown option '{unknown}' for 'qa load' (options: --db, --format)");
            }
            var warehouse = env.OpenWarehouse(parse.GetValue(db));
            // One load at a time per warehouse, whoever starts it (the nightly job, an upload, another qa load).
            using var exclusive = WaitForLoadLock(env, warehouse);
            LoadResult result;
            using (var progress = env.ErrorIsTerminal ? new TerminalProgress(env.Error, env.Clock, path => Display(env, path)) : null)
            {
                result = new FileLoader(warehouse, env.Clock, LoaderSettings.From(env.Configuration) with { Observer = progress }).Load(inputs);
            }
            if (parse.GetValue(format) == "json") WriteJson(env, result);
            else WriteText(env, result);
            // The assessment mart follows the data: every quarter whose facts changed is rescored (drafts only;
            // approved results never change).
            var after = AfterLoad.Run(warehouse, result.BatchId, Policies.Active(env, parse.GetValue(db), null), env.Clock);
            if (after.Rescored.Count > 0) env.Error.WriteLine($"rescored: {string.Join(", ", after.Rescored)}");
            return result.AnyRejected ? QaCommandLine.Failed : QaCommandLine.Ok;
        });
        return command;
    }

    private static LoadLock WaitForLoadLock(CliEnvironment env, WarehouseDb warehouse)
    {
        if (LoadLock.TryAcquire(warehouse) is { } free) return free;
        env.Error.WriteLine("another load is running on this warehouse; waiting for it to finish (up to an hour)…");
        return LoadLock.Acquire(warehouse, TimeSpan.FromHours(1));
    }

    private static void WriteJson(CliEnvironment env, LoadResult result)
    {
        var rows = result.Files.Select(f => new
        {
            file = Display(env, f.File),
            sheet = f.Sheet,
            kind = f.Kind,
            read = f.Read,
            loaded = f.Loaded,
            updated = f.Updated,
            unchanged = f.Unchanged,
            quarantined = f.Quarantined,
            rejected = f.Rejected,
            reason = f.Reason,
            warnings = f.Warnings,
            unknown_columns = f.UnknownColumns,
            encoding = f.Encoding,
            batch_id = result.BatchId,
        });
        env.Out.WriteLine(JsonSerializer.Serialize(rows, CliEnvironment.Json));
    }

    private static void WriteText(CliEnvironment env, LoadResult result)
    {
        foreach (var f in result.Files)
        {
            var name = Display(env, f.File) + (f.Sheet is null ? "" : $" [{f.Sheet}]");
            if (f.Rejected)
            {
                env.Out.WriteLine($"REJECTED  {name}: {f.Reason}");
                continue;
            }
            if (f.Kind is null)
            {
                env.Out.WriteLine($"skipped   {name}: {f.Reason}");
                continue;
            }
            env.Out.WriteLine($"loaded    {name} ({f.Kind}): read {f.Read}, new {f.Loaded}, updated {f.Updated}, unchanged {f.Unchanged}, " +
                              $"quarantined {f.Quarantined}" + (f.Warnings > 0 ? $", warnings {f.Warnings}" : "") +
                              (f.UnknownColumns.Count > 0 ? $"; ignored columns: {string.Join(", ", f.UnknownColumns)}" : ""));
        }
        var quarantined = result.Files.Sum(f => f.Quarantined);
        env.Out.WriteLine($"batch {result.BatchId}: {result.Files.Count} file(s)/sheet(s), {result.Files.Sum(f => f.Loaded)} new, " +
                          $"{result.Files.Sum(f => f.Updated)} updated, {quarantined} quarantined, {result.Files.Count(f => f.Rejected)} rejected");
        if (quarantined > 0) env.Out.WriteLine($"see the quarantined rows with: qa quarantine --batch {result.BatchId} [--out rows.csv]");
    }

    private static string Display(CliEnvironment env, string path)
    {
        var relative = Path.GetRelativePath(env.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
