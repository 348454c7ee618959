using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Cli;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>Runs `qa` in-process, exactly as Program.cs does, in a working folder of its own with a fake clock. Its
/// warehouse is data/warehouse.db there, or (in the PostgreSQL pass) a fresh database named by the Warehouse settings,
/// as an operator would configure it.</summary>
internal sealed class CliRun : IDisposable
{
    /// <param name="settings">More settings, as appsettings.json or environment variables would give them.</param>
    public CliRun(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "qa-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Warehouse = TestDatabases.OnPostgres
            ? WarehouseDb.Postgres(TestDatabases.NewPostgresDatabase(), Path.Combine(Folder, CliEnvironment.DefaultDataFolder))
            : WarehouseDb.Sqlite(Path.Combine(Folder, CliEnvironment.DefaultDb));
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(TestDatabases.Settings(Warehouse))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
    }

    /// <summary>The warehouse `qa` uses when no --db is given (not created until a verb first opens it).</summary>
    public WarehouseDb Warehouse { get; }
    public IConfiguration Configuration { get; }

    public string Folder { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 7, 8, 0, 30, 0, TimeSpan.Zero));

    /// <summary>Run as if standard error were a terminal someone watches (progress lines).</summary>
    public bool ErrorIsTerminal { get; init; }

    public (int Exit, string Out, string Error) Run(params string[] args) => Run(new StringWriter(), args);

    /// <summary>Runs with the error stream written to <paramref name="error"/> as it goes (a test can watch a verb that
    /// is still running: `qa load` saying that it waits).</summary>
    public (int Exit, string Out, string Error) Run(StringWriter error, params string[] args)
    {
        var output = new StringWriter();
        var exit = RunTo(output, error, args);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs with standard output written to <paramref name="output"/> (a test can watch how it is written).</summary>
    public int RunTo(TextWriter output, TextWriter error, params string[] args)
    {
        // Tests never serve: `qa demo` ends by serving the dashboard unless told not to.
        if (args is ["demo", ..] && !args.Contains("--serve")) args = [.. args, "--serve", "false"];
        return QaCommandLine.RunAsync(args, new CliEnvironment(output, error, Clock, Folder) { Configuration = Configuration, ErrorIsTerminal = ErrorIsTerminal }).GetAwaiter().GetResult();
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(Warehouse);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A StringWriter that one thread may read while another writes (a verb's error stream watched as it runs).</summary>
internal sealed class LiveTranscript : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value)
    {
        lock (_gate) base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate) base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate) base.Write(buffer);
    }

    public override void Write(string? value)
    {
        lock (_gate) base.Write(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_gate) base.WriteLine(value);
    }

    public override string ToString()
    {
        lock (_gate) return base.ToString();
    }
}
