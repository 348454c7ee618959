using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Host;

/// <summary>How `qa serve` runs: the warehouse, where to listen, and the limits.</summary>
public sealed record ServeOptions
{
    public required WarehouseDb Warehouse { get; init; }
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Uploads larger than this are refused with a clear message (default 50 MB).</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;
    /// <summary>Hangfire's storage on SQLite: its own file in the data folder (never inside the warehouse). On
    /// PostgreSQL the jobs live in the warehouse database's `hangfire` schema, shared by every instance.</summary>
    public string HangfireFile => Path.Combine(Warehouse.DataFolder, "hangfire.db");
    /// <summary>Run the Hangfire server (the recurring jobs) in this process. Off for a dashboard-only instance.</summary>
    public bool RunJobs { get; init; } = true;
    /// <summary>Makes this host's job storage instead (tests use Hangfire's in-memory storage); null means the warehouse's provider.</summary>
    public Func<Hangfire.JobStorage>? JobStorage { get; init; }
    /// <summary>Overrides the inbox the nightly load reads (default data/inbox).</summary>
    public string? Inbox { get; init; }
    /// <summary>How long an upload waits for another load (the nightly load, another upload) to finish before it is
    /// answered 409 Conflict (default 2 minutes: a browser request should not hang for the length of a big load).</summary>
    public TimeSpan UploadLockWait { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Where uploaded files are kept (in the data folder).</summary>
    public string UploadFolder => Path.Combine(Warehouse.DataFolder, "uploads");
}
