using System.Globalization;
using System.Text;

namespace QualityAnalytics.Benchmarks;

/// <summary>The dashboard benchmark's table (request types down, providers side by side) and its place in
/// docs/benchmarks.md: between the dashboard markers, which the run rewrites whole (both providers are always
/// measured in the same session, so there is nothing to keep from an earlier run).</summary>
public static class DashboardReport
{
    public const string Begin = "<!-- dashboard-results:begin (written by tests/QualityAnalytics.Benchmarks dashboard; edit outside the markers) -->";
    public const string End = "<!-- dashboard-results:end -->";
    public const string AllRequests = "all API requests";

    private static readonly string[] Order =
    [
        DashboardClient.OverviewQuery, DashboardClient.SlicedQuery, DashboardClient.DepartmentQuery, DashboardClient.Assessment,
        DashboardClient.Findings, DashboardClient.DepartmentAnalysis, DashboardClient.Notices, DashboardClient.RowsPage,
        DashboardClient.RowsSearch, DashboardClient.Matrix, DashboardClient.ComparedMatrix, DashboardClient.Reference, AllRequests,
        DashboardClient.OverviewPage, DashboardClient.DepartmentPage, DashboardClient.RowsPageVisit, DashboardClient.MatrixPage,
    ];

    public static string Table(IReadOnlyList<DashboardRun> runs)
    {
        var sb = new StringBuilder("| request type |");
        foreach (var run in runs) sb.Append(CultureInfo.InvariantCulture, $" {Name(run)} per s | p50 ms | p95 ms | p99 ms |");
        sb.Append("\n| --- |").Append(string.Concat(runs.Select(_ => " ---: | ---: | ---: | ---: |"))).Append('\n');
        foreach (var type in Order)
        {
            sb.Append("| ").Append(type.StartsWith("page:", StringComparison.Ordinal) || type == AllRequests ? $"**{type}**" : type).Append(" |");
            foreach (var run in runs)
            {
                var ms = Of(run, type).Order().ToArray();
                if (ms.Length == 0)
                {
                    sb.Append(" – | – | – | – |");
                    continue;
                }
                sb.Append(CultureInfo.InvariantCulture,
                    $" {ms.Length / run.Elapsed.TotalSeconds:0.0} | {Percentile(ms, 50):0.0} | {Percentile(ms, 95):0.0} | {Percentile(ms, 99):0.0} |");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static void UpdateDocument(string path, IReadOnlyList<DashboardRun> runs, DashboardBenchmark.Options options, string table)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            text = text.TrimEnd() + "\n\n## Dashboard: API under load, SQLite and PostgreSQL side by side\n\n" + Begin + "\n" + End + "\n";
            begin = text.IndexOf(Begin, StringComparison.Ordinal);
            end = text.IndexOf(End, StringComparison.Ordinal);
        }
        var block = new StringBuilder("\n");
        block.Append(CultureInfo.InvariantCulture,
            $"Machine: {DashboardMachine.Describe()}. Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {options.Clients} clients, {options.Rounds} turn(s) of {options.Seconds} s per provider, turns alternating between providers.\n\n");
        foreach (var run in runs)
        {
            var requests = Of(run, AllRequests).Count();
            block.Append(CultureInfo.InvariantCulture,
                $"- **{Name(run)}**: {run.Describe}; {requests:N0} API requests in {run.Elapsed.TotalSeconds:0} s, {run.Errors.Count} errors; " +
                $"API requests/s turn by turn {string.Join(" / ", run.TurnRates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}; " +
                $"load average (1, 5, 15 min) before each turn {string.Join(" / ", run.LoadBefore)}, after {string.Join(" / ", run.LoadAfter)}.\n");
        }
        block.Append('\n').Append(table);
        File.WriteAllText(path, text[..(begin + Begin.Length)] + block + text[end..]);
    }

    private static IEnumerable<double> Of(DashboardRun run, string type) => type == AllRequests
        ? run.Requests.Where(r => !r.Type.StartsWith("page:", StringComparison.Ordinal)).Select(r => r.Milliseconds)
        : run.Requests.Where(r => r.Type == type).Select(r => r.Milliseconds);

    private static string Name(DashboardRun run) => run.Provider == "postgres" ? "PostgreSQL" : "SQLite";

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>The machine, as the benchmark saw it.</summary>
public static class DashboardMachine
{
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKb = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))[9..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {memKb / 1024.0 / 1024.0:0.0} GiB, CPU \"{cpu}\", {Environment.OSVersion}, .NET {Environment.Version}; server, clients and PostgreSQL on the same machine");
    }
}
