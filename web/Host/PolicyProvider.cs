using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Host;

/// <summary>The policy in force for a warehouse: a policy.json in its data folder (how a company puts its own rules in place),
/// else the defaults that ship with the product. Read on each use, so an edited file takes effect without a restart.</summary>
public sealed class PolicyProvider(string dataFolder)
{
    public const string FileName = "policy.json";

    /// <summary>Where the file is on the server: for the command line and the server's own checks, never for a browser
    /// (it shows the server's folder layout to anyone signed in).</summary>
    public string FilePath { get; } = Path.Combine(Path.GetFullPath(dataFolder), FileName);

    /// <summary>Whether the data folder's policy.json is in force (false: the built-in defaults).</summary>
    public bool UsesPolicyFile => File.Exists(FilePath);

    /// <summary>Where the policy in force comes from, as a code that stays the same in every language: "file" (the data
    /// folder's policy.json) or "built_in" (the shipped defaults).</summary>
    public static string SourceCode(bool fromPolicyFile) => fromPolicyFile ? "file" : "built_in";

    /// <summary>That source in the reader's language ("数据文件夹中的 policy.json", "the built-in defaults"): the Policy page and
    /// `/api/policy` both say it so.</summary>
    public static string SourceLabel(bool fromPolicyFile, IStringLocalizer text) =>
        fromPolicyFile ? text["Policy.SourceName.File", FileName] : text["Policy.SourceName.BuiltIn"];

    public PolicySet Current() => File.Exists(FilePath) ? PolicyFile.Load(FilePath) : PolicyFile.Default;
}
