using System.Diagnostics;
using System.Text;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Benchmarks;

/// <summary>Finding the quarters a nightly-sized load touched, in a large warehouse: a copy of <c>--db</c> (e.g. the
/// warehouse `load --rows 1000000 --keep` leaves) is migrated, a file of a few complaints is loaded into it through the
/// loader, and <see cref="SummaryMartRefresher.QuartersTouchedBy"/> is timed for that batch in alternation: from the trail
/// the loader left (<c>source_file.fact_id_before</c>, <c>row_change.quarter_key</c>), and with the trail cleared, as a
/// batch loaded by the version before it is read (the scan of every fact by <c>batch_id</c>). docs/benchmarks.md,
/// "The quarters a load touched".</summary>
internal static class TouchedQuartersBenchmark
{
    /// <param name="source">A SQLite warehouse file (copied first), or a PostgreSQL connection string naming a loaded
    /// warehouse database (loaded into in place).</param>
    public static int Run(string source, int repeat)
    {
        var postgres = WarehouseDb.IsPostgresConnectionString(source);
        var work = Path.Combine(Path.GetTempPath(), "qa-bench-touched");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var file = Path.Combine(work, "warehouse.db");
        if (!postgres) File.Copy(source, file);
        var warehouse = postgres ? WarehouseDb.Postgres(source, Path.Combine(work, "data")) : WarehouseDb.Sqlite(file);
        WarehouseInitializer.EnsureReady(warehouse);

        var nightly = Path.Combine(work, "nightly.csv");
        var code = ComplaintFileGenerator.Departments[0].Code;
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(nightly, "complaint_id,department,received_at,channel,valid\n" +
            $"N-{stamp}-1,{code},2026-11-02 09:30,电话,是\nN-{stamp}-2,{code},2026-11-03 14:10,邮件,是\n", new UTF8Encoding(false));
        var nightlyBatch = new FileLoader(warehouse, TimeProvider.System).Load([nightly]).BatchId;
        long largest;
        using (var db = warehouse.CreateContext())
        {
            // The bulk load that filled the warehouse: its rows are nearly all of the table, the trail's worst case.
            largest = db.LoadBatches.OrderByDescending(b => b.Loaded).Select(b => b.Id).First();
            Console.WriteLine($"nightly batch {nightlyBatch} (2 complaints) and bulk batch {largest} " +
                              $"({Invariant.N0(db.LoadBatches.Single(b => b.Id == largest).Loaded)} rows) in a warehouse of {Invariant.N0(db.Complaints.LongCount())} complaints");
        }
        foreach (var (name, batchId) in new[] { ("nightly", nightlyBatch), ("bulk", largest) })
        {
            for (var run = 1; run <= repeat; run++)
            {
                var trail = Time(warehouse, batchId, out var quarters);
                var trailOf = SetTrail(warehouse, batchId, clear: true);
                var scan = Time(warehouse, batchId, out var scanned);
                SetTrail(warehouse, batchId, clear: false, trailOf);
                if (!quarters.SequenceEqual(scanned)) throw new InvalidOperationException("the two ways found different quarters");
                Console.WriteLine($"{name} run {run}: {quarters.Count} quarter(s): from the trail {trail * 1000:0.0} ms, by the scan {scan * 1000:0.0} ms");
            }
        }
        if (!postgres) WarehouseDb.DeleteSqlite(file);
        return 0;
    }

    private static double Time(WarehouseDb warehouse, long batchId, out IReadOnlyList<Warehouse.Model.Quarter> quarters)
    {
        // As AfterLoad opens it (on SQLite the file read through a memory map).
        using var db = warehouse.CreateMappedContext();
        var watch = Stopwatch.StartNew();
        quarters = SummaryMartRefresher.QuartersTouchedBy(db, batchId);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Clears the batch's <c>fact_id_before</c> (returning what it was), or puts it back.</summary>
    private static long? SetTrail(WarehouseDb warehouse, long batchId, bool clear, long? value = null)
    {
        using var connection = warehouse.OpenConnection();
        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT fact_id_before FROM source_file WHERE batch_id = {batchId} AND kind = 'complaints'";
        var before = read.ExecuteScalar() is { } stored and not DBNull ? Convert.ToInt64(stored, System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        using var write = connection.CreateCommand();
        write.CommandText = $"UPDATE source_file SET fact_id_before = {(clear ? "NULL" : value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))} " +
                            $"WHERE batch_id = {batchId} AND kind = 'complaints'";
        write.ExecuteNonQuery();
        return before;
    }
}
