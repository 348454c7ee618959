using System.Diagnostics;
using System.Globalization;

namespace QualityAnalytics.Benchmarks;

/// <summary>The `dashboard` verb: the dashboard under load, on SQLite and on PostgreSQL in the same session. For each
/// provider a demo warehouse is made by the real `qa demo` (untimed), a real `qa serve` process serves it, and several
/// concurrent clients, signed in through the real sign-in form as the committee or as a department manager, replay
/// what the dashboard's pages ask of the API (web/wwwroot/js) for a fixed time. Providers are measured in turns, one
/// server at a time, so that both see the same machine; the latencies of every turn of a provider are pooled.</summary>
public static class DashboardBenchmark
{
    /// <param name="Complaints">Generated complaint rows loaded (by `qa load`, untimed) on top of the demo's, with their
    /// seven departments: the API then answers over a warehouse of that size; 0 keeps the demo alone.</param>
    public sealed record Options(int Clients, int Seconds, int Rounds, string Work, string? Postgres, string? Doc, IReadOnlyList<string> Providers,
        long Complaints = 0)
    {
        public static Options Parse(string[] args)
        {
            var clients = 8;
            var seconds = 30;
            var rounds = 2;
            var work = Path.Combine(Path.GetTempPath(), "qa-bench-dashboard");
            string? postgres = null;
            string? doc = Path.Combine(DashboardBenchmarkServer.RepositoryRoot(), "docs", "benchmarks.md");
            IReadOnlyList<string> providers = ["sqlite", "postgres"];
            long complaints = 0;
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--clients": clients = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seconds": seconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--work": work = Path.GetFullPath(Next()); break;
                    case "--postgres": postgres = Next(); break;
                    case "--providers": providers = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                    case "--doc": doc = Path.GetFullPath(Next()); break;
                    case "--no-doc": doc = null; break;
                    case "--complaints": complaints = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            if (clients < 1 || seconds < 1 || rounds < 1) throw new ArgumentException("--clients, --seconds and --rounds must be at least 1");
            if (providers.Any(p => p is not ("sqlite" or "postgres"))) throw new ArgumentException("--providers takes sqlite, postgres or both");
            // The loops are bounded in time (seconds × rounds per provider) and each client's in count too.
            if (seconds > 600) throw new ArgumentException("--seconds is at most 600");
            if (complaints < 0) throw new ArgumentException("--complaints must not be negative");
            return new Options(clients, seconds, rounds, work, postgres, doc, providers, complaints);
        }
    }

    /// <summary>A client stops after this many page visits even if its time is not up: a bound on the loop's count.</summary>
    public const int MaxVisitsPerClient = 100_000;

    public static int Run(Options options)
    {
        var root = DashboardBenchmarkServer.RepositoryRoot();
        var qa = DashboardBenchmarkServer.BuildQa(root);
        Directory.CreateDirectory(options.Work);
        var setups = new List<DashboardBenchmarkServer.Setup>();
        foreach (var provider in options.Providers)
        {
            var watch = Stopwatch.StartNew();
            var admin = provider == "postgres" ? options.Postgres ?? DashboardBenchmarkServer.StartDurablePostgres(root) : null;
            var setup = DashboardBenchmarkServer.Prepare(qa, provider, Path.Combine(options.Work, provider), admin);
            if (options.Complaints > 0) DashboardBenchmarkServer.LoadMoreComplaints(qa, setup, options.Complaints);
            setups.Add(setup);
            Console.WriteLine($"setup: {provider} demo warehouse{(options.Complaints > 0 ? $" + {options.Complaints:N0} complaints" : "")} in {watch.Elapsed.TotalSeconds:0} s (untimed)");
        }

        var results = setups.ToDictionary(s => s.Provider, s => new DashboardRun(s.Provider, s.Describe));
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var setup in setups)
            {
                using var server = DashboardBenchmarkServer.Start(qa, setup);
                var run = results[setup.Provider];
                run.LoadBefore.Add(DashboardMachine.LoadAverage());
                Console.WriteLine($"round {round}, {setup.Provider}: {options.Clients} clients for {options.Seconds} s against {server.Address} (load average {DashboardMachine.LoadAverage()})");
                var measured = DashboardLoad.Run(server.Address, options.Clients, TimeSpan.FromSeconds(options.Seconds), round).GetAwaiter().GetResult();
                run.Add(measured);
                run.LoadAfter.Add(DashboardMachine.LoadAverage());
                Console.WriteLine($"  {measured.Requests.Count:N0} requests in {measured.Elapsed.TotalSeconds:0.0} s, {measured.Errors.Count} errors" +
                                  (measured.Errors.Count > 0 ? ": " + string.Join("; ", measured.Errors.Take(5)) : ""));
            }
        }

        var table = DashboardReport.Table(results.Values.ToList());
        Console.WriteLine();
        Console.WriteLine(table);
        if (options.Doc is { } doc)
        {
            DashboardReport.UpdateDocument(doc, results.Values.ToList(), options, table);
            Console.WriteLine($"written to {doc}");
        }
        return results.Values.Any(r => r.Errors.Count > 0) ? 1 : 0;
    }
}
