using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Benchmarks;

/// <summary>`score --departments 200 --quarters 12`: builds a warehouse of that size through the real loader (untimed),
/// then times scoring every quarter from the warehouse into the assessment mart (read facts, score, store), three times:
/// the first run (cold: JIT, empty caches) and two warm runs. Prints the numbers for docs/benchmarks.md.</summary>
internal static class ScoringBenchmark
{
    public static readonly Quarter Last = new(2026, 3);

    /// <summary>A warehouse of synthetic departments and quarters (ending 2026Q3), loaded through the real loader.</summary>
    public static (WarehouseDb Warehouse, string File, Quarter First, long Rows) Build(int departments, int quarters, string work)
    {
        Directory.CreateDirectory(work);
        var dbFile = Path.Combine(work, $"synthetic-{departments}.db");
        WarehouseDb.DeleteSqlite(dbFile);
        var warehouse = WarehouseDb.Sqlite(dbFile);
        WarehouseInitializer.EnsureReady(warehouse);
        var first = Enumerable.Range(1, quarters - 1).Aggregate(Last, (q, _) => q.Previous());
        var files = Generate(work, departments, first, Last);
        var load = Stopwatch.StartNew();
        var result = new FileLoader(warehouse, TimeProvider.System).Load(files);
        var rows = result.Files.Sum(f => f.Loaded);
        Console.WriteLine($"setup: {Invariant.N0(rows)} fact rows loaded in {load.Elapsed.TotalSeconds:0.0} s (untimed)");
        return (warehouse, dbFile, first, rows);
    }

    public static int Run(int departments, int quarters, string work)
    {
        var (warehouse, _, first, rows) = Build(departments, quarters, work);
        var last = Last;
        var clock = TimeProvider.System;

        var timings = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            using var db = warehouse.CreateContext();
            var watch = Stopwatch.StartNew();
            var scored = Quarter.Range(first, last).Select(q => AssessmentMart.Score(db, q, PolicyFile.Default, clock)).ToList();
            watch.Stop();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"run {run + 1}: {scored.Sum(s => s.Assessments.Count)} assessments ({departments} departments × {quarters} quarters) in {watch.Elapsed.TotalMilliseconds:0} ms");
        }
        // Warm process, empty mart: every row computed and inserted again (what a policy change or a first scoring costs).
        double fresh;
        using (var db = warehouse.CreateContext())
        {
            db.Assessments.ExecuteDelete();
            var watch = Stopwatch.StartNew();
            foreach (var q in Quarter.Range(first, last)) AssessmentMart.Score(db, q, PolicyFile.Default, clock);
            fresh = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"warm process, empty mart: {fresh:0} ms");
        }
        // Where the warm time goes: reading the facts, the pure engine, and the rest (fingerprint, storing the rows).
        using (var db = warehouse.CreateContext())
        {
            var read = Stopwatch.StartNew();
            var inputs = Quarter.Range(first, last).Select(q => QuarterFactsReader.Read(db, q)).ToList();
            read.Stop();
            var engine = Stopwatch.StartNew();
            foreach (var input in inputs) ScoringEngine.Score(input.Facts, PolicyFile.Default.For(input.Facts.Quarter));
            engine.Stop();
            Console.WriteLine($"warm breakdown: read facts {read.Elapsed.TotalMilliseconds:0} ms, engine {engine.Elapsed.TotalMilliseconds:0} ms, " +
                              $"fingerprint + store ≈ {Math.Min(timings[1], timings[2]) - read.Elapsed.TotalMilliseconds - engine.Elapsed.TotalMilliseconds:0} ms");
        }
        Console.WriteLine($"| {departments} × {quarters} | {Invariant.N0(rows)} | {timings[0]:0} | {fresh:0} | {Math.Min(timings[1], timings[2]):0} |");
        return 0;
    }

    private static List<string> Generate(string work, int departments, Quarter first, Quarter last)
    {
        var random = new Random(42);
        var inv = CultureInfo.InvariantCulture;
        var depts = new StringBuilder("code,name\n");
        var checks = new StringBuilder("check_id,department,month,kind,score\n");
        var questions = new StringBuilder("question,text,weight,scale\nQ1,服务态度,0.4,5\nQ2,响应速度,0.3,5\nQ3,综合满意度,0.3,10\n");
        var surveys = new StringBuilder("response_id,department,quarter,customer,question,score\n");
        var complaints = new StringBuilder("complaint_id,department,received_at,channel,valid,direct_deduction\n");
        var callbacks = new StringBuilder("callback_id,department,called_on,finding\n");
        for (var d = 0; d < departments; d++)
        {
            var code = "D" + d.ToString("D3", inv);
            depts.Append(inv, $"{code},部门{d}\n");
            foreach (var q in Quarter.Range(first, last))
            {
                foreach (var month in q.Months)
                {
                    checks.Append(inv, $"K-{code}-{month:yyyyMM}-S,{code},{month:yyyy-MM},self,{90 + random.Next(0, 100) / 10m}\n");
                    if (random.Next(3) == 0) checks.Append(inv, $"K-{code}-{month:yyyyMM}-P,{code},{month:yyyy-MM},spot,{88 + random.Next(0, 120) / 10m}\n");
                }
                for (var r = 0; r < 5; r++)
                    for (var question = 1; question <= 3; question++)
                        surveys.Append(inv, $"R-{code}-{q}-{r},{code},{q},客户{r},Q{question},{(question == 3 ? random.Next(6, 11) : random.Next(3, 6))}\n");
                for (var c = 0; c < random.Next(0, 6); c++)
                    complaints.Append(inv, $"C-{code}-{q}-{c},{code},{q.FirstDay.AddDays(random.Next(0, 90)):yyyy-MM-dd} 10:00,电话,{(random.Next(5) == 0 ? "否" : "是")},{(random.Next(10) == 0 ? "2" : "")}\n");
                for (var b = 0; b < 8; b++)
                    callbacks.Append(inv, $"B-{code}-{q}-{b},{code},{q.FirstDay.AddDays(random.Next(0, 90)):yyyy-MM-dd},{(random.Next(10) == 0 ? "记录不全" : "无")}\n");
            }
        }
        var files = new List<string>();
        foreach (var (name, sb) in new[] { ("departments", depts), ("questions", questions), ("checks", checks), ("surveys", surveys), ("complaints", complaints), ("callbacks", callbacks) })
        {
            var path = Path.Combine(work, name + ".csv");
            File.WriteAllText(path, sb.ToString());
            files.Add(path);
        }
        return files;
    }
}
