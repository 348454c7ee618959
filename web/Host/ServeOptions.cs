namespace QualityAnalytics.Web.Host;

/// <summary>How `qa serve` runs: the warehouse file, where to listen, and the limits.</summary>
public sealed record ServeOptions
{
    public required string WarehouseFile { get; init; }
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Uploads larger than this are refused with a clear message (default 50 MB).</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;
    public string IdentityFile => Auth.AuthStore.PathBeside(WarehouseFile);
    /// <summary>Hangfire's storage: its own SQLite file beside the warehouse (never inside it).</summary>
    public string HangfireFile => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(WarehouseFile))!, "hangfire.db");
    /// <summary>Run the Hangfire server (the recurring jobs) in this process. Off for a dashboard-only instance.</summary>
    public bool RunJobs { get; init; } = true;
    /// <summary>Replaces the job storage (tests use Hangfire's in-memory storage); null means SQLite at <see cref="HangfireFile"/>.</summary>
    public Action<Hangfire.IGlobalConfiguration>? JobStorage { get; init; }
    /// <summary>Overrides the inbox the nightly load reads (default data/inbox beside the warehouse).</summary>
    public string? Inbox { get; init; }
    /// <summary>Where uploaded files are kept (under the warehouse's folder).</summary>
    public string UploadFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(WarehouseFile))!, "uploads");
}
