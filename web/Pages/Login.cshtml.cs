using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Pages;

/// <summary>Sign-in with ASP.NET Core Identity (hashed passwords, lockout after repeated failures). The form carries the
/// antiforgery token; a post without it is refused by Razor Pages.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Failed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            // One answer for a wrong password, an unknown name and a locked account: a name that exists is locked after
            // five wrong tries and one that does not never is, so a separate "locked" answer told anyone which names exist.
            Failed = true;
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
