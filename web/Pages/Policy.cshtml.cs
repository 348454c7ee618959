using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Pages;

/// <summary>The policy in force (every version, newest first), read on the server from the same provider that scores,
/// approves and explains: the data folder's policy.json when there is one, else the shipped defaults. The quarter's
/// assessment and its approval are loaded by the page script.</summary>
public sealed class PolicyModel(PolicyProvider policies) : PageModel
{
    public IReadOnlyList<ScoringPolicy> Versions { get; private set; } = [];
    /// <summary>Whether the data folder's policy.json is in force; the page names the file, never its server path.</summary>
    public bool FromPolicyFile { get; private set; }

    public void OnGet()
    {
        var set = policies.Current();
        Versions = set.Versions.Reverse().ToList();
        FromPolicyFile = policies.UsesPolicyFile;
    }
}
