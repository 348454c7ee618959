using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Host;

/// <summary>The policy in force for a warehouse: a policy.json in its data folder (how a company puts its own rules in place),
/// else the defaults that ship with the product. Read on each use, so an edited file takes effect without a restart.</summary>
public sealed class PolicyProvider(string dataFolder)
{
    public string FilePath { get; } = Path.Combine(Path.GetFullPath(dataFolder), "policy.json");

    public PolicySet Current() => File.Exists(FilePath) ? PolicyFile.Load(FilePath) : PolicyFile.Default;
}
