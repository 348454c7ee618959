using System.Text.Encodings.Web;
using System.Text.Json;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Cli;

/// <summary>What a verb needs from outside: where to write, the clock, the working folder, the settings. Tests pass their own.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Clock, string WorkingDirectory)
{
    public const string DefaultDb = "data/warehouse.db";
    public const string DefaultDataFolder = "data";

    /// <summary>The settings (appsettings.json and environment variables for the real `qa`): the Warehouse section says
    /// which database to use when --db does not (Warehouse:Provider sqlite|postgres, Warehouse:ConnectionString,
    /// Warehouse:File, Warehouse:DataFolder), and Jobs the schedules.</summary>
    public IConfiguration Configuration { get; init; } = new ConfigurationBuilder().Build();

    /// <summary>Whether <see cref="Error"/> is a terminal someone watches (progress lines go there); false for tests and
    /// for the real `qa` when standard error is redirected.</summary>
    public bool ErrorIsTerminal { get; init; }

    public static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Chinese names print as themselves, not as \uXXXX escapes: the output is read by people too.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>The warehouse named by --db (a file, or a PostgreSQL connection string "Host=…;Database=…"), else by the
    /// Warehouse settings, else data/warehouse.db under the working folder. Not opened.</summary>
    public WarehouseDb Warehouse(string? db)
    {
        var section = Configuration.GetSection("Warehouse");
        var dataFolder = section["DataFolder"] is { Length: > 0 } configured ? Resolve(configured) : null;
        if (db is not null)
        {
            return WarehouseDb.IsPostgresConnectionString(db)
                ? WarehouseDb.Postgres(db, dataFolder ?? Resolve(DefaultDataFolder))
                : WarehouseDb.Sqlite(Resolve(db));
        }
        var provider = section["Provider"] ?? "sqlite";
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            var cs = section["ConnectionString"];
            if (string.IsNullOrWhiteSpace(cs)) throw new UsageException("Warehouse:Provider is postgres but Warehouse:ConnectionString is not set.");
            return WarehouseDb.Postgres(cs, dataFolder ?? Resolve(DefaultDataFolder));
        }
        if (!provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"Warehouse:Provider '{provider}' is not one of sqlite, postgres.");
        return WarehouseDb.Sqlite(Resolve(section["File"] ?? DefaultDb));
    }

    /// <summary>Opens (creating and migrating when needed) the warehouse named by --db or the settings.</summary>
    public WarehouseDb OpenWarehouse(string? db)
    {
        var warehouse = Warehouse(db);
        WarehouseInitializer.EnsureReady(warehouse);
        return warehouse;
    }
}
