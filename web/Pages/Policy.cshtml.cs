using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Pages;

/// <summary>The policy in force (every version of the shipped policy file, newest first), read on the server: the API
/// has no policy endpoint yet. The quarter's assessment and its approval are loaded by the page script.</summary>
public sealed class PolicyModel : PageModel
{
    public IReadOnlyList<ScoringPolicy> Versions { get; private set; } = [];
    public string Source { get; private set; } = "";

    public void OnGet()
    {
        var set = PolicyFile.Default;
        Versions = set.Versions.Reverse().ToList();
        Source = set.SourceName;
    }
}
