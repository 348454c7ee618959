using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>A failed sign-in costs one password-hash check whatever the name: an unknown name or a locked account
/// answered without one, measurably faster than a real name with a wrong password, which let anyone with a stopwatch
/// tell which names exist. Counted through the hasher rather than timed: the count is what makes the times alike.</summary>
public sealed class SignInCostTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task An_unknown_name_checks_a_password_hash_once_as_a_real_name_with_a_wrong_password_does()
    {
        var hasher = new CountingPasswordHasher();
        await using var host = WithHasher(hasher);
        Assert.Equal(1, await ChecksOfOneSignIn(host, hasher, "viewer", "wrong-password!"));
        Assert.Equal(1, await ChecksOfOneSignIn(host, hasher, "no-such-user", "wrong-password!"));
    }

    [Fact]
    public async Task A_locked_account_checks_a_password_hash_once_too()
    {
        var hasher = new CountingPasswordHasher();
        await using var host = WithHasher(hasher);
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "locked-for-cost" };
            Assert.True((await users.CreateAsync(user, DashboardFactory.Password)).Succeeded);
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(100))).Succeeded);
        }
        Assert.Equal(1, await ChecksOfOneSignIn(host, hasher, "locked-for-cost", "wrong-password!"));
        Assert.Equal(1, await ChecksOfOneSignIn(host, hasher, "locked-for-cost", DashboardFactory.Password));
    }

    private WebApplicationFactory<DashboardStartup> WithHasher(CountingPasswordHasher hasher) =>
        app.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(_ => hasher)));

    /// <summary>How many password hashes one refused sign-in checked.</summary>
    private static async Task<int> ChecksOfOneSignIn(WebApplicationFactory<DashboardStartup> host, CountingPasswordHasher hasher, string user, string password)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await DashboardFactory.Token(client, "/login");
        var before = hasher.Verifications;
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // refused: the form again, with its one failure message
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return hasher.Verifications - before;
    }

    /// <summary>Identity's own hasher, counting its checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
