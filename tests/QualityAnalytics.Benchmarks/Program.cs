using System.Globalization;
using QualityAnalytics.Benchmarks;

// dotnet run -c Release --project tests/QualityAnalytics.Benchmarks -- load --rows 1000000 [--rows 10000000]
//   [--repeat 2] [--work /tmp/qa-bench] [--reload-max 1000000] [--doc docs/benchmarks.md | --no-doc] [--keep]
//   [--provider sqlite|postgres|both] [--postgres "Host=127.0.0.1;Port=55433;Username=qa;Database=postgres"]
try
{
    return args switch
    {
        [ChildLoad.Verb, ..] => ChildLoad.Run(Arg(args, "--db")!, Arg(args, "--data"), Arg(args, "--complaints")!, Arg(args, "--departments"), args.Contains("--init")),
        [AnalysisProfile.Verb, ..] => AnalysisProfile.Run(Arg(args, "--db")!, Arg(args, "--quarter")!),
        [StageProfile.Verb, ..] => StageProfile.Run(Arg(args, "--complaints")!, Arg(args, "--db")!, Arg(args, "--departments")!, Arg(args, "--pragmas")),
        ["load", ..] => LoaderBenchmark.Run(LoaderBenchmark.Options.Parse(args[1..])),
        [ReportBenchmark.ChildVerb, ..] => ReportBenchmark.Child(Arg(args, "--db")!, Arg(args, "--quarter")!, int.Parse(Arg(args, "--repeat") ?? "3", CultureInfo.InvariantCulture)),
        ["report", ..] => ReportBenchmark.Run(int.Parse(Arg(args, "--departments") ?? "7", CultureInfo.InvariantCulture), Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "qa-bench-report")),
        ["score", ..] => ScoringBenchmark.Run(int.Parse(Arg(args, "--departments") ?? "200", CultureInfo.InvariantCulture),
            int.Parse(Arg(args, "--quarters") ?? "12", CultureInfo.InvariantCulture), Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "qa-bench-score")),
        ["xlsx", ..] => WorkbookCheckBenchmark.Run(int.Parse(Arg(args, "--rows") ?? "200000", CultureInfo.InvariantCulture), Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "qa-bench-xlsx")),
        ["dashboard", ..] => DashboardBenchmark.Run(DashboardBenchmark.Options.Parse(args[1..])),
        ["marts", ..] when Arg(args, "--db") is { } db => MartsBenchmark.Run(db, int.Parse(Arg(args, "--repeat") ?? "2", CultureInfo.InvariantCulture)),
        ["touched", ..] when Arg(args, "--db") is { } db => TouchedQuartersBenchmark.Run(db, int.Parse(Arg(args, "--repeat") ?? "5", CultureInfo.InvariantCulture)),
        _ => Usage(),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: load --rows N [--rows M ...] [--repeat 2] [--work DIR] [--reload-max N] [--doc FILE | --no-doc] [--keep]");
    Console.Error.WriteLine("            [--provider sqlite|postgres|both] [--postgres ADMIN-CONNECTION-STRING]");
    Console.Error.WriteLine("       score [--departments 200] [--quarters 12] [--work DIR]");
    Console.Error.WriteLine("       report [--departments 7|200] [--work DIR]");
    Console.Error.WriteLine("       xlsx [--rows 200000] [--work DIR]");
    Console.Error.WriteLine("       marts --db WAREHOUSE.db|POSTGRES-CONNECTION [--repeat 2]   (a loaded warehouse, e.g. load --rows 1000000 --keep's)");
    Console.Error.WriteLine("       touched --db WAREHOUSE.db|POSTGRES-CONNECTION [--repeat 5]   (a loaded warehouse: a nightly load into it, its touched quarters timed)");
    Console.Error.WriteLine("       dashboard [--clients 8] [--seconds 30] [--rounds 2] [--providers sqlite,postgres] [--postgres ADMIN-CONNECTION] [--work DIR] [--complaints N] [--doc FILE | --no-doc]");
    return 2;
}

static string? Arg(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

internal static class Invariant
{
    public static string N0(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
