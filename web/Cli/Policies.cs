using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Cli;

/// <summary>Which policy file is in force: --policy FILE when given; else a policy.json beside the warehouse (how a
/// company puts its own rules in place); else the defaults that ship with the product.</summary>
internal static class Policies
{
    public static PolicySet Active(CliEnvironment env, string? dbOption, string? policyOption)
    {
        if (policyOption is not null) return Load(env.Resolve(policyOption), policyOption);
        var beside = Path.Combine(env.Warehouse(dbOption).DataFolder, "policy.json");
        return File.Exists(beside) ? Load(beside, beside) : PolicyFile.Default;
    }

    private static PolicySet Load(string path, string shown)
    {
        if (!File.Exists(path)) throw new UsageException($"no such policy file: {shown}");
        try
        {
            return PolicyFile.Load(path);
        }
        catch (PolicyValidationException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
