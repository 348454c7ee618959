namespace QualityAnalytics.Etl.Jobs;

/// <summary>Where the nightly load looks and where it puts what it has taken: the inbox, the archive (one folder per
/// batch) and the rejected files with their error reports. All under the warehouse's data folder by default.</summary>
public sealed record JobFolders(string Inbox, string Archive, string Rejected)
{
    /// <summary>The folders under a warehouse's data folder (<see cref="QualityAnalytics.Warehouse.Schema.WarehouseDb.DataFolder"/>).</summary>
    public static JobFolders In(string dataFolder) =>
        new(Path.Combine(dataFolder, "inbox"), Path.Combine(dataFolder, "archive"), Path.Combine(dataFolder, "rejected"));
}
