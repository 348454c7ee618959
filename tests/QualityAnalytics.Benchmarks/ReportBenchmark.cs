using System.Diagnostics;
using System.Text.Json;
using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Benchmarks;

/// <summary>`report --departments 7|200`: the quarterly report generated from a warehouse, whole (reading the marts and
/// facts, the analysis, charts, layout, font subset, PDF). The warehouse is made untimed: the demo's seven departments,
/// or 200 synthetic departments × 12 quarters through the loader. The report runs in a fresh child process that
/// generates it several times (the first call is cold: JIT, ScottPlot and HarfBuzz first use) and reports its own peak
/// resident set (VmHWM), so the memory figure is the report's alone.</summary>
internal static class ReportBenchmark
{
    public const string ChildVerb = "__report-child";
    private const string Prefix = "REPORT-RESULT ";

    public sealed record ChildResult(double[] Seconds, long Bytes, long PeakKb);

    public static int Run(int departments, string work)
    {
        string dbFile;
        Quarter quarter;
        if (departments == 7)
        {
            (dbFile, quarter) = Demo(work);
        }
        else
        {
            var built = ScoringBenchmark.Build(departments, 12, work);
            using var db = built.Warehouse.CreateContext();
            SummaryMartRefresher.Refresh(db, Quarter.Range(built.First, ScoringBenchmark.Last), TimeProvider.System, PolicyFile.Default);
            foreach (var q in Quarter.Range(built.First, ScoringBenchmark.Last)) AssessmentMart.Score(db, q, PolicyFile.Default, TimeProvider.System);
            (dbFile, quarter) = (built.File, ScoringBenchmark.Last);
        }
        var repeat = departments == 7 ? 6 : 2;
        var exe = Environment.ProcessPath!;
        var args = new List<string>();
        if (exe.EndsWith("dotnet", StringComparison.Ordinal)) args.Add(typeof(ReportBenchmark).Assembly.Location);
        args.AddRange([ChildVerb, "--db", dbFile, "--quarter", quarter.ToString(), "--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var child = Process.Start(new ProcessStartInfo(exe, args) { RedirectStandardOutput = true })!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').First(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        var result = JsonSerializer.Deserialize<ChildResult>(line[Prefix.Length..])!;
        var warm = result.Seconds.Skip(1).ToArray();
        Console.WriteLine($"{departments} departments, {quarter}: cold {result.Seconds[0]:0.00} s; warm min {warm.Min():0.00} / mean {warm.Average():0.00} / max {warm.Max():0.00} s; " +
                          $"{result.Bytes / 1024} KB; peak RSS {result.PeakKb / 1024} MB");
        Console.WriteLine($"| {departments} | {result.Seconds[0]:0.00} | {warm.Min():0.00} | {warm.Average():0.00} | {warm.Max():0.00} | {result.Bytes / 1024} KB | {result.PeakKb / 1024} |");
        return 0;
    }

    /// <summary>The child: generate the report N times, print the timings, the size and VmHWM.</summary>
    public static int Child(string dbFile, string quarter, int repeat)
    {
        var warehouse = WarehouseDb.Sqlite(dbFile);
        var seconds = new List<double>();
        byte[] pdf = [];
        for (var i = 0; i < repeat; i++)
        {
            using var db = warehouse.CreateContext();
            var watch = Stopwatch.StartNew();
            pdf = QuarterlyReport.Generate(db, Quarter.Parse(quarter), new ReportOptions(), PolicyFile.Default, TimeProvider.System);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine(Prefix + JsonSerializer.Serialize(new ChildResult([.. seconds], pdf.Length, ProcStatus.Read("VmHWM"))));
        return 0;
    }

    private static (string, Quarter) Demo(string work)
    {
        var folder = Path.Combine(work, "demo-files");
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        var manifest = DemoDataGenerator.Generate(new DemoOptions(folder));
        var dbFile = Path.Combine(work, "demo.db");
        WarehouseDb.DeleteSqlite(dbFile);
        var warehouse = WarehouseDb.Sqlite(dbFile);
        WarehouseInitializer.EnsureReady(warehouse);
        var result = new FileLoader(warehouse, TimeProvider.System).Load([folder]);
        using var db = warehouse.CreateContext();
        var quarters = Quarter.Range(manifest.FirstQuarter, manifest.LastQuarter).ToList();
        SummaryMartRefresher.Refresh(db, quarters, TimeProvider.System, PolicyFile.Default);
        foreach (var q in quarters) AssessmentMart.Score(db, q, PolicyFile.Default, TimeProvider.System);
        Console.WriteLine($"setup: demo warehouse, batch {result.BatchId} (untimed)");
        return (dbFile, new Quarter(2026, 2));
    }
}
