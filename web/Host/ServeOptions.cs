namespace QualityAnalytics.Web.Host;

/// <summary>How `qa serve` runs: the warehouse file, where to listen, and the limits.</summary>
public sealed record ServeOptions
{
    public required string WarehouseFile { get; init; }
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Uploads larger than this are refused with a clear message (default 50 MB).</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;
    public string IdentityFile => Auth.AuthStore.PathBeside(WarehouseFile);
    /// <summary>Where uploaded files are kept (under the warehouse's folder).</summary>
    public string UploadFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(WarehouseFile))!, "uploads");
}
