namespace QualityAnalytics.Etl.Jobs;

/// <summary>Where the nightly load looks and where it puts what it has taken: the inbox, the archive (one folder per
/// batch) and the rejected files with their error reports. All under the warehouse's data folder by default.</summary>
public sealed record JobFolders(string Inbox, string Archive, string Rejected)
{
    public static JobFolders Beside(string warehouseFile)
    {
        var data = Path.GetDirectoryName(Path.GetFullPath(warehouseFile))!;
        return new JobFolders(Path.Combine(data, "inbox"), Path.Combine(data, "archive"), Path.Combine(data, "rejected"));
    }
}
