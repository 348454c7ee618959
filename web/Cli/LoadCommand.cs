using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Warehouse.Schema;
using System.CommandLine;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa load PATH... [--db FILE] [--format text|json] [--dry-run]`: exit 0 when every file was read (even with
/// quarantined rows), 1 when a file was rejected whole. A dry run checks the files as the load would and stores nothing.</summary>
internal static class LoadCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files and folders (recursively) to load.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format("text", "json");
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Check the files as the load would (every rule, new/updated/unchanged against the warehouse), list the " +
                          "values it would quarantine and the stored rows it would change; store nothing.",
        };
        var command = new Command("load", "Load department files (CSV, XLSX) into the warehouse as one batch.") { paths, db, format, dryRun };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths)!.Select(p => Path.IsPathRooted(p) ? p : Path.Combine(env.WorkingDirectory, p)).ToList();
            // A PATH that names nothing is a mistyped command, not a file refused whole (exit 1, which the contract keeps
            // for a file that was read and could not be taken): said before anything is opened, so no batch records it
            // and the files typed correctly are not loaded without it. (A mistyped option was told before this ran.)
            if (parse.GetValue(paths)!.Zip(inputs).FirstOrDefault(p => !File.Exists(p.Second) && !Directory.Exists(p.Second)) is ({ } missing, _))
            {
                throw new UsageException($"no such file or folder: {missing} (nothing was loaded)");
            }
            var warehouse = env.OpenWarehouse(parse.GetValue(db));
            // One load at a time per warehouse, whoever starts it (the nightly job, an upload, another qa load).
            using var exclusive = WaitForLoadLock(env, warehouse);
            using var progress = env.ErrorIsTerminal ? new TerminalProgress(env.Error, env.Clock, path => Display(env, path)) : null;
            var loader = new FileLoader(warehouse, env.Clock, LoaderSettings.From(env.Configuration) with { Observer = progress });
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(dryRun))
            {
                // Written out from inside the check's transaction, the quarantined values and changes streamed as they are read.
                var checkedFiles = loader.Check(inputs, (result, rows) =>
                {
                    progress?.Clear();
                    if (json) LoadOutput.WriteCheckJson(env, result, rows);
                    else LoadOutput.WriteCheckText(env, result, rows);
                    return result;
                });
                return checkedFiles.AnyRejected ? QaCommandLine.Failed : QaCommandLine.Ok;
            }
            var loaded = loader.Load(inputs);
            progress?.Clear();
            if (json) LoadOutput.WriteJson(env, loaded);
            else LoadOutput.WriteText(env, loaded);
            // The assessment mart follows the data: every quarter whose facts changed is rescored (drafts only;
            // approved results never change).
            var after = AfterLoad.Run(warehouse, loaded.BatchId, Policies.Active(env, parse.GetValue(db), null), env.Clock, progress is null ? null : progress.AfterLoadStep);
            progress?.Clear();
            if (after.Rescored.Count > 0) env.Error.WriteLine($"rescored: {string.Join(", ", after.Rescored)}");
            return loaded.AnyRejected ? QaCommandLine.Failed : QaCommandLine.Ok;
        });
        return command;
    }

    private static LoadLock WaitForLoadLock(CliEnvironment env, WarehouseDb warehouse)
    {
        if (LoadLock.TryAcquire(warehouse) is { } free) return free;
        env.Error.WriteLine("another load is running on this warehouse; waiting for it to finish (up to an hour)…");
        return LoadLock.Acquire(warehouse, TimeSpan.FromHours(1));
    }

    internal static string Display(CliEnvironment env, string path)
    {
        var relative = Path.GetRelativePath(env.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
