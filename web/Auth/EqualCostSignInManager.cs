using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace QualityAnalytics.Web.Auth;

/// <summary>Identity's sign-in, except that every password sign-in checks one password hash, whoever it names.
/// Identity answers an unknown name, and a locked account, without hashing anything: measurably faster than a real name
/// with a wrong password, so a stopwatch told which names exist even though the words of the answer are the same. Here
/// those two paths check the password against a decoy hash first; what they answer, and the lockout, are Identity's.</summary>
public sealed class EqualCostSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // One decoy per process, made on first use by the hasher in service, so it costs what a stored hash costs (the hash
    // carries its own iteration count). Made once: hashing it per request would double the cost of that path instead.
    private static readonly Lock DecoyGate = new();
    private static string? _decoy;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is null) CheckAgainstDecoy(password);
        return await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity refuses a locked account (or one not allowed to sign in) before it looks at the password.
        if (await PreSignInCheck(user) is not null) CheckAgainstDecoy(password);
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void CheckAgainstDecoy(string password)
    {
        var hasher = UserManager.PasswordHasher;
        string decoy;
        lock (DecoyGate) decoy = _decoy ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(new AppUser(), decoy, password ?? "");
    }
}
