using System.Diagnostics;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Benchmarks;

/// <summary>The rebuild of the dashboard's summary marts (and the complaint statuses) over every quarter of a loaded
/// warehouse, as the rescore job or the first load after an upgrade runs it: a copy of <c>--db</c> (e.g. the warehouse
/// `load --rows 1000000 --keep` leaves) is migrated, then <see cref="SummaryMartRefresher.Refresh"/> is timed, a few times
/// (each rebuild replaces what the previous one wrote). docs/benchmarks.md, "Marts: the complaint statuses".</summary>
internal static class MartsBenchmark
{
    /// <param name="source">A SQLite warehouse file (copied first), or a PostgreSQL connection string naming a loaded
    /// warehouse database (e.g. `load --provider postgres --keep`'s qa_bench_1000000_1), rebuilt in place.</param>
    public static int Run(string source, int repeat)
    {
        var postgres = WarehouseDb.IsPostgresConnectionString(source);
        var file = Path.Combine(Path.GetTempPath(), "qa-bench-marts.db");
        if (!postgres)
        {
            WarehouseDb.DeleteSqlite(file);
            File.Copy(source, file);
        }
        var warehouse = postgres ? WarehouseDb.Postgres(source, Path.Combine(Path.GetTempPath(), "qa-bench-marts-data")) : WarehouseDb.Sqlite(file);
        WarehouseInitializer.EnsureReady(warehouse);
        for (var run = 1; run <= repeat; run++)
        {
            // As the load's rebuild and the rescore job open it (on SQLite the file read through a memory map).
            using var db = warehouse.CreateMappedContext();
            var quarters = QuarterFactsReader.QuartersWithData(db);
            var watch = Stopwatch.StartNew();
            SummaryMartRefresher.Refresh(db, quarters, TimeProvider.System, PolicyFile.Default);
            Console.WriteLine($"run {run}: {quarters.Count} quarters, {Invariant.N0(db.Complaints.LongCount())} complaints, " +
                              $"{Invariant.N0(db.ComplaintStatuses.LongCount())} statuses: {watch.Elapsed.TotalSeconds:0.00} s");
        }
        if (!postgres) WarehouseDb.DeleteSqlite(file);
        return 0;
    }
}
