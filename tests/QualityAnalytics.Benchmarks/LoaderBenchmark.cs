using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace QualityAnalytics.Benchmarks;

/// <summary>One measured line of the results table.</summary>
public sealed record Measurement(long Rows, long FileBytes, string Database, string Tool, double Seconds, long PeakRssKb, string Note)
{
    public double RowsPerSecond => Rows / Seconds;
}

/// <summary>The database engines the loader benchmark can measure.</summary>
public enum Engine { Sqlite, Postgres }

/// <summary>The `load` verb: for each size, generate the file, then for each engine (each step <see cref="Options.Repeat"/>
/// times, the engines alternating, the best kept) load it into a fresh warehouse in a child process, reload it unchanged,
/// and import it with the engine's own bulk tool (sqlite3 .import, psql \copy).</summary>
public static class LoaderBenchmark
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55433;Username=qa;Database=postgres";

    public sealed record Options(IReadOnlyList<long> Rows, int Repeat, string Work, long ReloadMax, string? Doc, bool Keep,
        IReadOnlyList<Engine> Engines, string Postgres)
    {
        public static Options Parse(string[] args)
        {
            var rows = new List<long>();
            int repeat = 2;
            var work = Path.Combine(Path.GetTempPath(), "qa-bench");
            long reloadMax = 1_000_000;
            string? doc = Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
            var keep = false;
            IReadOnlyList<Engine> engines = [Engine.Sqlite];
            var postgres = DefaultPostgres;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--rows": rows.Add(long.Parse(Next().Replace("_", ""), CultureInfo.InvariantCulture)); break;
                    case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--work": work = Path.GetFullPath(Next()); break;
                    case "--reload-max": reloadMax = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--doc": doc = Path.GetFullPath(Next()); break;
                    case "--no-doc": doc = null; break;
                    case "--keep": keep = true; break;
                    case "--provider":
                        engines = Next() switch
                        {
                            "sqlite" => [Engine.Sqlite],
                            "postgres" => [Engine.Postgres],
                            "both" => [Engine.Sqlite, Engine.Postgres],
                            var other => throw new ArgumentException($"--provider {other}: sqlite, postgres or both"),
                        };
                        break;
                    case "--postgres": postgres = Next(); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            if (rows.Count == 0) rows.Add(1_000_000);
            if (repeat < 1) throw new ArgumentException("--repeat must be at least 1");
            return new Options(rows, repeat, work, reloadMax, doc, keep, engines, postgres);
        }
    }

    public static int Run(Options options)
    {
        Directory.CreateDirectory(options.Work);
        var postgres = options.Engines.Contains(Engine.Postgres) ? new PostgresServer(options.Postgres) : null;
        var all = new List<Measurement>();
        foreach (var rows in options.Rows)
        {
            var dir = Path.Combine(options.Work, rows.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            var complaints = Path.Combine(dir, "complaints.csv");
            var departments = Path.Combine(dir, "departments.csv");
            var marker = complaints + ".done";
            if (!File.Exists(marker))
            {
                Console.WriteLine($"generating {Invariant.N0(rows)} complaint rows in {complaints} ...");
                var watch = Stopwatch.StartNew();
                ComplaintFileGenerator.WriteDepartments(departments);
                var flawed = ComplaintFileGenerator.WriteComplaints(complaints, rows);
                File.WriteAllText(marker, flawed.ToString(CultureInfo.InvariantCulture));
                Console.WriteLine($"  {new FileInfo(complaints).Length / 1e6:0} MB in {watch.Elapsed.TotalSeconds:0.0} s");
            }
            var expectedQuarantined = long.Parse(File.ReadAllText(marker), CultureInfo.InvariantCulture);
            var bytes = new FileInfo(complaints).Length;

            // Read the file once, untimed: otherwise the first timed tool of run 1 (the loader) reads it from disk and
            // the tools after it from the page cache (fourth session: the 10M loader's run 1 took 57 s, run 2 37 s).
            WarmPageCache(complaints);
            var runs = options.Engines.ToDictionary(e => e, _ => new EngineRuns());
            // The engines alternate run by run, so that a busy spell on the shared machine does not fall on one alone.
            for (var r = 1; r <= options.Repeat; r++)
            {
                foreach (var engine in options.Engines)
                {
                    Console.WriteLine($"{Invariant.N0(rows)} rows, {Name(engine)}, run {r}:");
                    MeasureOnce(engine, postgres, dir, rows, r, complaints, departments, expectedQuarantined, options, runs[engine]);
                }
            }
            foreach (var (engine, measured) in runs) all.AddRange(measured.Best(rows, bytes, Name(engine), BaselineTool(engine)));
        }

        Console.WriteLine();
        Console.WriteLine(ResultsDocument.TableHeader);
        foreach (var m in ResultsDocument.Ordered(all)) Console.WriteLine(ResultsDocument.Row(m, options.Repeat, DateTime.UtcNow));
        if (options.Doc is not null)
        {
            ResultsDocument.Update(options.Doc, all, options.Repeat, postgres?.Describe());
            Console.WriteLine($"\nupdated {options.Doc}");
        }
        return 0;
    }

    public static string Name(Engine engine) => engine == Engine.Sqlite ? "SQLite" : "PostgreSQL";

    private static string BaselineTool(Engine engine) => engine == Engine.Sqlite ? SqliteImport.PlainTool : "psql \\copy (plain table)";

    /// <summary>One run on one engine: a fresh warehouse, the timed load, the reload (up to --reload-max rows), and the
    /// engine's bulk import of the same file.</summary>
    private static void MeasureOnce(Engine engine, PostgresServer? postgres, string dir, long rows, int r, string complaints, string departments,
        long expectedQuarantined, Options options, EngineRuns runs)
    {
        var warehouse = engine == Engine.Sqlite
            ? SqliteTarget(Path.Combine(dir, $"warehouse-{r}.db"))
            : PostgresTarget(postgres!, $"qa_bench_{rows}_{r}", Path.Combine(dir, $"pg-data-{r}"));
        RunChild(warehouse, complaints, departments, init: true);
        Settle();
        var f = RunChild(warehouse, complaints, null, init: false) ?? throw new InvalidOperationException("no result from the load");
        Check(f, rows, expectedQuarantined, reloaded: false);
        runs.Fresh.Add(f);
        Console.WriteLine($"  loader fresh  {f.Seconds,8:0.00} s {rows / f.Seconds,10:N0} rows/s  peak RSS {f.PeakRssKb / 1024.0,7:0} MB" +
                          $"  (loaded {Invariant.N0(f.Loaded)}, quarantined {Invariant.N0(f.Quarantined)}{(engine == Engine.Sqlite ? $"; checkpoint after it {f.CheckpointSeconds:0.00} s" : "")})");
        if (rows <= options.ReloadMax)
        {
            Settle();
            var u = RunChild(warehouse, complaints, null, init: false) ?? throw new InvalidOperationException("no result from the reload");
            Check(u, rows, expectedQuarantined, reloaded: true);
            runs.Reload.Add(u);
            Console.WriteLine($"  loader reload {u.Seconds,8:0.00} s {rows / u.Seconds,10:N0} rows/s  peak RSS {u.PeakRssKb / 1024.0,7:0} MB" +
                              $"  (unchanged {Invariant.N0(u.Unchanged)}, quarantined {Invariant.N0(u.Quarantined)})");
        }
        if (!options.Keep) warehouse.Delete();

        (double Seconds, long PeakKb) baseline;
        if (engine == Engine.Sqlite)
        {
            var raw = Path.Combine(dir, $"sqlite-import-{r}.db");
            DeleteDb(raw);
            Settle();
            baseline = SqliteImport.Run(raw, complaints, rows);
            if (!options.Keep) DeleteDb(raw);
            var rawStored = Path.Combine(dir, $"sqlite-import-stored-{r}.db");
            DeleteDb(rawStored);
            Settle();
            var stored = SqliteImport.Run(rawStored, complaints, rows, warehouseStorage: true);
            if (!options.Keep) DeleteDb(rawStored);
            runs.StoredBaseline.Add(stored);
            Console.WriteLine($"  {SqliteImport.WarehouseStorageTool,-28} {stored.Seconds,7:0.00} s {rows / stored.Seconds,10:N0} rows/s  peak RSS {stored.PeakKb / 1024.0,7:0} MB");
        }
        else
        {
            var database = $"qa_bench_copy_{rows}_{r}";
            Settle();
            baseline = PostgresCopy.Run(postgres!, database, complaints, rows);
            if (!options.Keep) postgres!.DropDatabase(database);
        }
        runs.Baseline.Add(baseline);
        Console.WriteLine($"  {BaselineTool(engine),-28} {baseline.Seconds,7:0.00} s {rows / baseline.Seconds,10:N0} rows/s  peak RSS {baseline.PeakKb / 1024.0,7:0} MB");
    }

    private static void WarmPageCache(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        stream.CopyTo(Stream.Null, 1 << 20);
    }

    /// <summary>Writes every dirty page to disk before a timed step, so that no step pays for the previous one's writeback.</summary>
    private static void Settle()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })!;
        sync.WaitForExit();
    }

    /// <summary>A warehouse to load into: a SQLite file, or a PostgreSQL database (connection string) with its data folder.</summary>
    private sealed record Target(string Db, string? Data, Action Delete);

    /// <summary>A new SQLite file (a previous run's is deleted first).</summary>
    private static Target SqliteTarget(string file)
    {
        DeleteDb(file);
        return new Target(file, null, () => DeleteDb(file));
    }

    /// <summary>A new PostgreSQL database (a previous run's is dropped first) and an empty data folder.</summary>
    private static Target PostgresTarget(PostgresServer server, string database, string data)
    {
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        return new Target(server.CreateDatabase(database), data, () =>
        {
            server.DropDatabase(database);
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        });
    }

    /// <summary>Every run of one engine at one size; the table keeps the fastest of each step.</summary>
    private sealed class EngineRuns
    {
        public List<ChildResult> Fresh { get; } = [];
        public List<ChildResult> Reload { get; } = [];
        public List<(double Seconds, long PeakKb)> Baseline { get; } = [];
        public List<(double Seconds, long PeakKb)> StoredBaseline { get; } = [];

        public IEnumerable<Measurement> Best(long rows, long bytes, string database, string baselineTool)
        {
            var fresh = Fresh.MinBy(x => x.Seconds)!;
            yield return new Measurement(rows, bytes, database, "qa loader, fresh warehouse", fresh.Seconds, fresh.PeakRssKb,
                $"loaded {Invariant.N0(fresh.Loaded)}, quarantined {Invariant.N0(fresh.Quarantined)}{CheckpointNote(database, fresh.CheckpointSeconds)}" +
                RunByRun(baselineTool));
            if (Reload.Count > 0)
            {
                var reload = Reload.MinBy(x => x.Seconds)!;
                yield return new Measurement(rows, bytes, database, "qa loader, reload (all unchanged)", reload.Seconds, reload.PeakRssKb,
                    $"unchanged {Invariant.N0(reload.Unchanged)}, quarantined {Invariant.N0(reload.Quarantined)}");
            }
            var baseline = Baseline.MinBy(x => x.Seconds);
            yield return new Measurement(rows, bytes, database, baselineTool, baseline.Seconds, baseline.PeakKb, "no validation, no indexes, no lineage");
            if (StoredBaseline.Count > 0)
            {
                var stored = StoredBaseline.MinBy(x => x.Seconds);
                yield return new Measurement(rows, bytes, database, SqliteImport.WarehouseStorageTool, stored.Seconds, stored.PeakKb, "no validation, no lineage");
            }
        }

        /// <summary>Each run's fresh load against the bulk tool of the same run, as a ratio of their seconds (below 1: the
        /// loader was faster). The best of each, in the table's columns, may come from different runs: on a shared host
        /// the pairs say more about which is faster than the two bests do.</summary>
        private string RunByRun(string baselineTool)
        {
            var ratios = Fresh.Zip(Baseline, (load, tool) => load.Seconds / tool.Seconds).ToList();
            if (ratios.Count == 0) return "";
            var faster = ratios.Count(r => r < 1);
            return string.Create(CultureInfo.InvariantCulture,
                $"; run by run against {baselineTool}: {string.Join(", ", ratios.Select(r => $"{r:0.00}×"))} (faster in {faster} of {ratios.Count})");
        }
    }

    /// <summary>Where `qa` runs the checkpoint that the load leaves (SQLite only; PostgreSQL's server checkpoints on its own).</summary>
    private static string CheckpointNote(string database, double seconds) =>
        database == "SQLite" ? $"; then the WAL's checkpoint {seconds:0.00} s (in `qa` beside the marts' rebuild)" : "";

    private static void Check(ChildResult r, long rows, long quarantined, bool reloaded)
    {
        var ok = !r.Rejected && r.Read == rows && r.Quarantined == quarantined &&
                 (reloaded ? r.Unchanged == rows - quarantined && r.Loaded == 0 && r.Updated == 0 : r.Loaded == rows - quarantined);
        if (!ok) throw new InvalidOperationException($"unexpected load counts: {JsonSerializer.Serialize(r)} (expected {quarantined} quarantined)");
    }

    private static ChildResult? RunChild(Target warehouse, string complaints, string? departments, bool init)
    {
        var (file, prefix) = SelfCommand();
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in prefix) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(ChildLoad.Verb);
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(warehouse.Db);
        if (warehouse.Data is not null)
        {
            psi.ArgumentList.Add("--data");
            psi.ArgumentList.Add(warehouse.Data);
        }
        psi.ArgumentList.Add("--complaints");
        psi.ArgumentList.Add(complaints);
        if (departments is not null)
        {
            psi.ArgumentList.Add("--departments");
            psi.ArgumentList.Add(departments);
        }
        if (init) psi.ArgumentList.Add("--init");
        using var process = Process.Start(psi)!;
        ChildResult? result = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ChildLoad.ResultPrefix, StringComparison.Ordinal))
                result = JsonSerializer.Deserialize<ChildResult>(line[ChildLoad.ResultPrefix.Length..]);
            else Console.WriteLine("  | " + line);
        }
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the child exited with {process.ExitCode}");
        return result;
    }

    /// <summary>This program again: its apphost, or `dotnet this.dll` when started through the muxer.</summary>
    private static (string File, string[] Prefix) SelfCommand()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (path, [Assembly.GetExecutingAssembly().Location])
            : (path, []);
    }

    private static void DeleteDb(string db)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(db + suffix);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QualityAnalytics.sln"))) return dir.FullName;
        }
        return Environment.CurrentDirectory;
    }
}
