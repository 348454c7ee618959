using System.Text.Encodings.Web;
using System.Text.Json;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Cli;

/// <summary>What a verb needs from outside: where to write, the clock, the working folder. Tests pass their own.</summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, TimeProvider Clock, string WorkingDirectory)
{
    public const string DefaultDb = "data/warehouse.db";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Chinese names print as themselves, not as \uXXXX escapes: the output is read by people too.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>Opens (creating and migrating when needed) the warehouse named by --db.</summary>
    public WarehouseDb OpenWarehouse(string? db)
    {
        var warehouse = WarehouseDb.Sqlite(Resolve(db ?? DefaultDb));
        WarehouseInitializer.EnsureReady(warehouse);
        return warehouse;
    }
}
