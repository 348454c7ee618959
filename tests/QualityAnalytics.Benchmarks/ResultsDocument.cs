using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace QualityAnalytics.Benchmarks;

/// <summary>Keeps the generated part of docs/benchmarks.md (between two markers) up to date: the machine, and one table
/// row per measurement, the engines side by side (for each size and step, SQLite's row then PostgreSQL's). Rows of
/// sizes or engines not measured in this run are kept, so 1M and 10M, or the engines, may be run separately.</summary>
public static class ResultsDocument
{
    public const string Begin = "<!-- loader-results:begin (written by tests/QualityAnalytics.Benchmarks; edit outside the markers) -->";
    public const string End = "<!-- loader-results:end -->";

    public const string TableHeader =
        "| rows | file size | database | tool | seconds | rows/s | peak RSS MB | measured (UTC) | notes |\n" +
        "| ---: | ---: | --- | --- | ---: | ---: | ---: | --- | --- |";

    public static string Row(Measurement m, int repeat, DateTime at) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {m.Rows:N0} | {m.FileBytes / 1e6:0} MB | {m.Database} | {m.Tool} | {m.Seconds:0.00} | {m.RowsPerSecond:N0} | {m.PeakRssKb / 1024.0:0} | " +
            $"{at:yyyy-MM-dd HH:mm} | best of {repeat}; {m.Note} |");

    /// <summary>Measurements in the table's order: by size, then step (fresh load, reload, bulk tool), then engine.</summary>
    public static IEnumerable<Measurement> Ordered(IEnumerable<Measurement> measurements) =>
        measurements.OrderBy(m => m.Rows).ThenBy(m => StepRank(m.Tool)).ThenBy(m => EngineRank(m.Database));

    /// <param name="server">The PostgreSQL server measured, if any (version and durability settings).</param>
    public static void Update(string path, IReadOnlyList<Measurement> measurements, int repeat, string? server)
    {
        var now = DateTime.UtcNow;
        var text = File.Exists(path) ? File.ReadAllText(path) : $"# Benchmarks\n\n## Loader: 1M and 10M complaint rows\n\n{Begin}\n{End}\n";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"{path} lacks the results markers");
        var old = text[(begin + Begin.Length)..end];

        // A row is replaced when this run measured its size on its engine; rows written before the database column
        // existed were SQLite's.
        var measured = measurements.Select(m => (Size(m.Rows), m.Database)).ToHashSet();
        var kept = old.Split('\n')
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| rows", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .Select(l => l.Split('|').Length == 11 ? l : l.Insert(IndexOfCell(l, 3), " SQLite |"))
            .Where(l => !measured.Contains((Cell(l, 1), Cell(l, 3))))
            .ToList();
        var rows = kept.Concat(measurements.Select(m => Row(m, repeat, now)))
            .OrderBy(l => long.Parse(Cell(l, 1).Replace(",", ""), CultureInfo.InvariantCulture))
            .ThenBy(l => StepRank(Cell(l, 4)))
            .ThenBy(l => EngineRank(Cell(l, 3)))
            .ToList();

        var block = new StringBuilder();
        block.Append("\n\n");
        block.Append(CultureInfo.InvariantCulture, $"Machine: {Machine()}. Last run {now:yyyy-MM-dd HH:mm} UTC.\n\n");
        // A run without PostgreSQL keeps the server line of the PostgreSQL rows it keeps.
        var serverLine = server is not null ? $"Server: {server}, same machine."
            : old.Split('\n').FirstOrDefault(l => l.StartsWith("Server: ", StringComparison.Ordinal) && rows.Any(r => Cell(r, 3) != LoaderBenchmark.Name(Engine.Sqlite)));
        if (serverLine is not null) block.Append(serverLine).Append("\n\n");
        block.Append(TableHeader).Append('\n');
        foreach (var r in rows) block.Append(r).Append('\n');
        File.WriteAllText(path, text[..(begin + Begin.Length)] + block + text[end..]);
    }

    private static string Size(long rows) => rows.ToString("N0", CultureInfo.InvariantCulture);

    private static string Cell(string line, int index) => line.Split('|')[index].Trim();

    /// <summary>Where cell <paramref name="index"/> (1-based, between pipes) begins in a table line.</summary>
    private static int IndexOfCell(string line, int index)
    {
        var at = -1;
        for (var i = 0; i < index; i++) at = line.IndexOf('|', at + 1);
        return at + 1;
    }

    private static int StepRank(string tool) =>
        tool.Contains("fresh", StringComparison.Ordinal) ? 0 : tool.Contains("reload", StringComparison.Ordinal) ? 1 : 2;

    private static int EngineRank(string database) => database == LoaderBenchmark.Name(Engine.Sqlite) ? 0 : 1;

    public static string Machine()
    {
        var cpu = Shell("lscpu").Split('\n').FirstOrDefault(l => l.StartsWith("Model name:", StringComparison.Ordinal))?["Model name:".Length..].Trim() ?? "?";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))[9..].Trim().Split(' ')[0];
        var mem = long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        var sqlite = Shell("sqlite3", "--version").Split(' ').FirstOrDefault() ?? "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores (nproc), {mem:0.0} GiB memory, CPU \"{cpu}\", {Environment.OSVersion}, .NET {Environment.Version}, sqlite3 shell {sqlite}, " +
            $"loader's SQLite {LoaderSqliteVersion()}");
    }

    private static string LoaderSqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private static string Shell(string file, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}

