using System.Diagnostics;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Benchmarks;

/// <summary>A hidden verb: the dashboard's analysis of one quarter, its read and its computation timed apart.</summary>
public static class AnalysisProfile
{
    public const string Verb = "__analysis";

    public static int Run(string db, string quarter)
    {
        var warehouse = WarehouseDb.Sqlite(db);
        var q = Quarter.Parse(quarter);
        var options = new AnalysisOptions();
        for (var i = 0; i < 3; i++)
        {
            using var context = warehouse.CreateContext();
            var w = Stopwatch.StartNew();
            var input = AnalysisInputReader.Read(context, q, options, PolicyFile.Default, TimeProvider.System);
            var read = w.Elapsed.TotalSeconds;
            var analysis = QuarterAnalyzer.Analyze(input, options);
            Console.WriteLine($"read {read:0.00} s ({input.Complaints.Count:N0} complaints), analyze {w.Elapsed.TotalSeconds - read:0.00} s, findings {analysis.Findings.Count}");
        }
        return 0;
    }
}
