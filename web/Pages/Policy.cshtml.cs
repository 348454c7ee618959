using System.Globalization;
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

    /// <summary>What is wrong with the data folder's policy.json, in the page's language; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
        try
        {
            var set = policies.Current();
            Versions = set.Versions.Reverse().ToList();
        }
        catch (PolicyValidationException ex)
        {
            // The working group edited policy.json and broke it: this is the page they come to, so it says what is wrong
            // (every problem, in the page's language) instead of failing as a whole.
            Problems = ex.ProblemsIn(CultureInfo.CurrentUICulture);
        }
        FromPolicyFile = policies.UsesPolicyFile;
    }
}
