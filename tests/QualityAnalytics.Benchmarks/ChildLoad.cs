using System.Diagnostics;
using System.Text.Json;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Benchmarks;

/// <summary>What one child process reports: the timed load's counts and seconds, the process's peak RSS, and the
/// seconds of the WAL's checkpoint run after the load (which `qa` runs beside the marts' rebuild: WarehouseDb.Checkpoint).</summary>
public sealed record ChildResult(double Seconds, long Read, long Loaded, long Updated, long Unchanged, long Quarantined, bool Rejected,
    long PeakRssKb, long RssBeforeLoadKb, double CheckpointSeconds);

/// <summary>The hidden verb run in a fresh process, so that the peak RSS it reports belongs to this one load alone.
/// The warehouse is prepared (migrations, date dimension, departments) by an earlier child with --init; the timed child
/// loads the complaints file through the real entry point, <see cref="FileLoader.Load"/>. --db is a SQLite file or a
/// PostgreSQL connection string (then --data names the warehouse's data folder).</summary>
public static class ChildLoad
{
    public const string Verb = "__child-load";
    public const string ResultPrefix = "RESULT ";

    /// <summary>With <paramref name="init"/>: create the warehouse and load the departments, untimed, and exit (EF Core's
    /// migrations cost memory that is not the load's). Without: load the complaints file, timed.</summary>
    public static int Run(string db, string? data, string complaints, string? departments, bool init)
    {
        var warehouse = WarehouseDb.IsPostgresConnectionString(db)
            ? WarehouseDb.Postgres(db, data ?? throw new ArgumentException("a PostgreSQL warehouse needs --data"))
            : WarehouseDb.Sqlite(db);
        if (init)
        {
            WarehouseInitializer.EnsureReady(warehouse);
            if (departments is not null)
            {
                var d = new FileLoader(warehouse, TimeProvider.System).Load([departments]);
                if (d.AnyRejected) throw new InvalidOperationException($"departments rejected: {d.Files[0].Reason}");
            }
            return 0;
        }
        var before = ProcStatus.Read("VmRSS");
        var writingThreadBefore = GC.GetAllocatedBytesForCurrentThread();
        using var sched = Environment.GetEnvironmentVariable("QA_BENCH_SCHEDSTAT") == "1" ? new ThreadSchedStats() : null;
        using var allocations = Environment.GetEnvironmentVariable("QA_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        using var jit = Environment.GetEnvironmentVariable("QA_BENCH_JIT") == "1" ? new JitSampler() : null;
        var watch = Stopwatch.StartNew();
        var result = new FileLoader(warehouse, TimeProvider.System).Load([complaints]);
        watch.Stop();
        if (sched is not null) Console.Error.WriteLine(sched.Report(watch.Elapsed.TotalSeconds));
        if (allocations is not null) Console.Error.WriteLine(allocations.Report());
        if (jit is not null) Console.Error.WriteLine(jit.Report());
        var peak = ProcStatus.Read("VmHWM");
        // Timed on its own, after the load, so that the figure beside the load's says what the checkpoint costs; in
        // `qa` it overlaps the marts' rebuild (AfterLoad.Run). Peak memory is read before: the checkpoint's connection
        // and its copying are not the load's.
        var checkpoint = Stopwatch.StartNew();
        warehouse.Checkpoint();
        checkpoint.Stop();
        var f = result.Files.Single();
        var child = new ChildResult(watch.Elapsed.TotalSeconds, f.Read, f.Loaded, f.Updated, f.Unchanged, f.Quarantined, f.Rejected,
            peak, before, checkpoint.Elapsed.TotalSeconds);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(child));
        Console.Error.WriteLine($"gc: pause {GC.GetTotalPauseDuration().TotalSeconds:0.000} s, gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / 1048576} MiB, " +
            $"{(GC.GetAllocatedBytesForCurrentThread() - writingThreadBefore) / 1048576} MiB of it by the loading (writing) thread");
        return f.Rejected ? 1 : 0;
    }
}

public static class ProcStatus
{
    /// <summary>A kB field of /proc/self/status (VmHWM is the peak resident set size; VmRSS the current one).</summary>
    public static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var digits = line[(field.Length + 1)..].Trim().Split(' ')[0];
            return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/self/status has no {field}");
    }
}
