using System.CommandLine;
using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa demo`: a realistic demo warehouse made from generated department files (CSV in GB18030 and UTF-8,
/// XLSX), loaded through the same loader as real data, then scored.</summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var files = new Option<string>("--files") { Description = "Where to write the generated files.", DefaultValueFactory = _ => "data/demo-files" };
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed gives the same files).", DefaultValueFactory = _ => 20260710 };
        var serve = new Option<bool>("--serve") { Description = "Serve the dashboard at the end (use --serve false to stop after the report).", DefaultValueFactory = _ => true };
        var urls = new Option<string>("--urls") { Description = "Where to serve.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("demo", "Make a realistic demo warehouse: generate the departments' files, load, score, report, then serve them.") { db, files, seed, serve, urls };
        command.SetAction(async (parse, cancel) =>
        {
            // The demo always starts from an empty warehouse, so that running it twice gives the same result.
            var warehouse = env.Warehouse(parse.GetValue(db));
            WarehouseReset.Empty(warehouse);
            var folder = env.Resolve(parse.GetValue(files)!);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            var manifest = DemoDataGenerator.Generate(new DemoOptions(folder, parse.GetValue(seed)));
            env.Out.WriteLine($"demo: {manifest.Files.Count} files for {manifest.FirstQuarter}–{manifest.LastQuarter} written to {parse.GetValue(files)}");

            WarehouseInitializer.EnsureReady(warehouse);
            var result = new FileLoader(warehouse, env.Clock, LoaderSettings.From(env.Configuration) with { LoadedBy = "demo" }).Load([folder]);
            env.Out.WriteLine($"demo: loaded batch {result.BatchId}: {result.Files.Sum(f => f.Loaded)} rows, " +
                              $"{result.Files.Sum(f => f.Quarantined)} quarantined (the generator plants {manifest.BadRows.Count} bad rows), " +
                              $"{result.Files.Count(f => f.Rejected)} file(s) rejected");
            foreach (var step in DemoSteps.After(env, warehouse, manifest)) step();
            var shown = warehouse.FilePath is { } file ? Path.GetRelativePath(env.WorkingDirectory, file) : warehouse.Describe();
            env.Out.WriteLine($"demo: warehouse at {shown}; try 'qa quarantine', 'qa batches'.");
            await DemoUsers.Ensure(env, warehouse);
            if (result.AnyRejected) return QaCommandLine.Failed;
            if (parse.GetValue(serve)) await ServeCommand.Run(env, new Host.ServeOptions { Warehouse = warehouse, Urls = parse.GetValue(urls)! }, cancel);
            return QaCommandLine.Ok;
        });
        return command;
    }
}
