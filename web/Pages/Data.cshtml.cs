using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Pages;

/// <summary>The data desk: the working group uploads; the committee reads the batches and quarantined rows.</summary>
[Authorize(Roles = Roles.WorkingGroup + "," + Roles.Committee)]
public sealed class DataModel : PageModel
{
    public bool CanUpload => User.IsInRole(Roles.WorkingGroup);

    public void OnGet() { }
}
