using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace QualityAnalytics.Benchmarks;

/// <summary>One measured line of the results table.</summary>
public sealed record Measurement(long Rows, long FileBytes, string Tool, double Seconds, long PeakRssKb, string Note)
{
    public double RowsPerSecond => Rows / Seconds;
}

/// <summary>The `load` verb: for each size, generate the file, then (each step <see cref="Options.Repeat"/> times, the
/// best kept) load it into a fresh warehouse in a child process, reload it unchanged, and import it with sqlite3.</summary>
public static class LoaderBenchmark
{
    public sealed record Options(IReadOnlyList<long> Rows, int Repeat, string Work, long ReloadMax, string? Doc, bool Keep)
    {
        public static Options Parse(string[] args)
        {
            var rows = new List<long>();
            int repeat = 2;
            var work = Path.Combine(Path.GetTempPath(), "qa-bench");
            long reloadMax = 1_000_000;
            string? doc = Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
            var keep = false;
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
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            if (rows.Count == 0) rows.Add(1_000_000);
            if (repeat < 1) throw new ArgumentException("--repeat must be at least 1");
            return new Options(rows, repeat, work, reloadMax, doc, keep);
        }
    }

    public static int Run(Options options)
    {
        Directory.CreateDirectory(options.Work);
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

            var fresh = new List<ChildResult>();
            var reload = new List<ChildResult>();
            var import = new List<(double Seconds, long PeakKb)>();
            for (var r = 1; r <= options.Repeat; r++)
            {
                var db = Path.Combine(dir, $"warehouse-{r}.db");
                DeleteDb(db);
                RunChild(db, complaints, departments, init: true);
                var f = RunChild(db, complaints, null, init: false) ?? throw new InvalidOperationException("no result from the load");
                Check(f, rows, expectedQuarantined, reloaded: false);
                fresh.Add(f);
                Console.WriteLine($"  run {r}: loader fresh  {f.Seconds,8:0.00} s {rows / f.Seconds,10:N0} rows/s  peak RSS {f.PeakRssKb / 1024.0,7:0} MB" +
                                  $"  (loaded {Invariant.N0(f.Loaded)}, quarantined {Invariant.N0(f.Quarantined)})");
                if (rows <= options.ReloadMax)
                {
                    var u = RunChild(db, complaints, null, init: false) ?? throw new InvalidOperationException("no result from the reload");
                    Check(u, rows, expectedQuarantined, reloaded: true);
                    reload.Add(u);
                    Console.WriteLine($"  run {r}: loader reload {u.Seconds,8:0.00} s {rows / u.Seconds,10:N0} rows/s  peak RSS {u.PeakRssKb / 1024.0,7:0} MB" +
                                      $"  (unchanged {Invariant.N0(u.Unchanged)}, quarantined {Invariant.N0(u.Quarantined)})");
                }
                if (!options.Keep) DeleteDb(db);

                var raw = Path.Combine(dir, $"sqlite-import-{r}.db");
                DeleteDb(raw);
                var s = SqliteImport.Run(raw, complaints, rows);
                import.Add(s);
                Console.WriteLine($"  run {r}: sqlite3 .import {s.Seconds,7:0.00} s {rows / s.Seconds,10:N0} rows/s  peak RSS {s.PeakKb / 1024.0,7:0} MB");
                if (!options.Keep) DeleteDb(raw);
            }

            var bestFresh = fresh.MinBy(x => x.Seconds)!;
            all.Add(new Measurement(rows, bytes, "qa loader, fresh warehouse", bestFresh.Seconds, bestFresh.PeakRssKb,
                $"loaded {Invariant.N0(bestFresh.Loaded)}, quarantined {Invariant.N0(bestFresh.Quarantined)}"));
            if (reload.Count > 0)
            {
                var bestReload = reload.MinBy(x => x.Seconds)!;
                all.Add(new Measurement(rows, bytes, "qa loader, reload (all unchanged)", bestReload.Seconds, bestReload.PeakRssKb,
                    $"unchanged {Invariant.N0(bestReload.Unchanged)}, quarantined {Invariant.N0(bestReload.Quarantined)}"));
            }
            var bestImport = import.MinBy(x => x.Seconds);
            all.Add(new Measurement(rows, bytes, "sqlite3 .import (plain table)", bestImport.Seconds, bestImport.PeakKb,
                "no validation, no indexes, no lineage"));
        }

        Console.WriteLine();
        Console.WriteLine(ResultsDocument.TableHeader);
        foreach (var m in all) Console.WriteLine(ResultsDocument.Row(m, options.Repeat, DateTime.UtcNow));
        if (options.Doc is not null)
        {
            ResultsDocument.Update(options.Doc, all, options.Repeat);
            Console.WriteLine($"\nupdated {options.Doc}");
        }
        return 0;
    }

    private static void Check(ChildResult r, long rows, long quarantined, bool reloaded)
    {
        var ok = !r.Rejected && r.Read == rows && r.Quarantined == quarantined &&
                 (reloaded ? r.Unchanged == rows - quarantined && r.Loaded == 0 && r.Updated == 0 : r.Loaded == rows - quarantined);
        if (!ok) throw new InvalidOperationException($"unexpected load counts: {JsonSerializer.Serialize(r)} (expected {quarantined} quarantined)");
    }

    private static ChildResult? RunChild(string db, string complaints, string? departments, bool init)
    {
        var (file, prefix) = SelfCommand();
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in prefix) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(ChildLoad.Verb);
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(db);
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
