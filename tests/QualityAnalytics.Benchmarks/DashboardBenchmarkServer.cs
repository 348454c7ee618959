using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace QualityAnalytics.Benchmarks;

/// <summary>The server side of the dashboard benchmark: the real `qa` (built in Release), its demo warehouse on either
/// provider, and a `qa serve` process of its own, so that the server's CPU and memory are apart from the clients'.</summary>
public sealed class DashboardBenchmarkServer : IDisposable
{
    public const string DatabaseName = "qa_bench_dashboard";
    /// <summary>The durable server the benchmarks share (no QA_PG_FAST: every commit is durable, as in production).</summary>
    public const string DurablePort = "55433";

    /// <summary>How to point `qa` at one provider's warehouse: its --db, and the environment (the data folder).</summary>
    public sealed record Setup(string Provider, string WorkingDirectory, string Db, IReadOnlyDictionary<string, string> Environment, string Describe);

    private readonly Process _process;

    private DashboardBenchmarkServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "QualityAnalytics.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("run the benchmark from inside the repository (QualityAnalytics.sln not found)");
    }

    /// <summary>Builds `qa` in Release (incremental: quick when nothing changed) and returns its qa.dll.</summary>
    public static string BuildQa(string root)
    {
        var project = Path.Combine(root, "web", "QualityAnalytics.Web.csproj");
        Run("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "q"], root, new Dictionary<string, string>());
        var qa = Path.Combine(root, "web", "bin", "Release", "net10.0", "qa.dll");
        return File.Exists(qa) ? qa : throw new InvalidOperationException($"the build made no {qa}");
    }

    /// <summary>Starts (or finds running) the durable PostgreSQL server of scripts/postgres.sh on port 55433 and returns
    /// its admin connection string.</summary>
    public static string StartDurablePostgres(string root)
    {
        var output = Run("bash", [Path.Combine(root, "scripts", "postgres.sh")], root, new Dictionary<string, string> { ["QA_PG_PORT"] = DurablePort, ["QA_PG_FAST"] = "" });
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
    }

    /// <summary>A fresh demo warehouse made by `qa demo --serve false`: a SQLite file under the work folder, or the
    /// database qa_bench_dashboard (dropped and made anew) on the given server.</summary>
    public static Setup Prepare(string qa, string provider, string work, string? postgresAdmin)
    {
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        Setup setup;
        if (provider == "postgres")
        {
            var admin = postgresAdmin ?? throw new ArgumentException("no PostgreSQL server");
            Admin(admin, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
            Admin(admin, $"CREATE DATABASE {DatabaseName}");
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName }.ConnectionString;
            var data = Path.Combine(work, "data");
            setup = new Setup(provider, work, cs, new Dictionary<string, string> { ["Warehouse__DataFolder"] = data }, $"PostgreSQL {ServerVersion(cs)} (durable server, port {new NpgsqlConnectionStringBuilder(cs).Port})");
        }
        else
        {
            using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
            sqlite.Open();
            setup = new Setup(provider, work, Path.Combine(work, "data", "warehouse.db"), new Dictionary<string, string>(), $"SQLite {sqlite.ServerVersion} (WAL)");
        }
        Run("dotnet", ["exec", qa, "demo", "--serve", "false", "--db", setup.Db], work, setup.Environment);
        return setup;
    }

    /// <summary>Loads generated complaints (and their seven departments) into the prepared warehouse through the real
    /// `qa load`, which also rebuilds the marts and rescores the quarters they touch.</summary>
    public static void LoadMoreComplaints(string qa, Setup setup, long rows)
    {
        var folder = Path.Combine(setup.WorkingDirectory, "more");
        Directory.CreateDirectory(folder);
        ComplaintFileGenerator.WriteDepartments(Path.Combine(folder, "departments.csv"));
        ComplaintFileGenerator.WriteComplaints(Path.Combine(folder, "complaints.csv"), rows);
        Run("dotnet", ["exec", qa, "load", "--db", setup.Db, folder], setup.WorkingDirectory, setup.Environment);
    }

    /// <summary>Starts `qa serve` on a free port and waits until its sign-in page answers.</summary>
    public static DashboardBenchmarkServer Start(string qa, Setup setup)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", ["exec", qa, "serve", "--db", setup.Db, "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = setup.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (name, value) in setup.Environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        // Drained so that the server never blocks on a full pipe; kept for the error message if it dies.
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DashboardBenchmarkServer(process, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("qa serve exited: " + string.Join('\n', log));
            try
            {
                if (probe.GetAsync("/login").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
            {
                server.Dispose();
                throw new TimeoutException("qa serve did not answer within 120 s: " + string.Join('\n', log));
            }
            Thread.Sleep(250);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServerVersion(string cs)
    {
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        return connection.PostgreSqlVersion.ToString();
    }

    private static void Admin(string cs, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Run(string file, string[] args, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{output}\n{error.Result}");
        return output;
    }
}
