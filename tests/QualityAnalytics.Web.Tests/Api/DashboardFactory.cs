using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Cli;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Cli;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The real dashboard (same host builder as `qa serve`) over a demo warehouse made by the real `qa demo`,
/// with one user per role. Shared by the tests of a class: they only read, or write what they clean up.</summary>
public partial class DashboardFactory : WebApplicationFactory<DashboardStartup>
{
    public const string Password = "correct-horse-battery";
    private readonly CliRun _qa = new();

    public DashboardFactory()
    {
        try
        {
            var (exit, output, error) = _qa.Run("demo");
            if (exit != 0) throw new InvalidOperationException(output + error);
            foreach (var (name, role, dept) in Users)
            {
                var args = new List<string> { "user", "add", name, "--role", role, "--password", Password };
                if (dept is not null) args.AddRange(["--department", dept]);
                var result = _qa.Run([.. args]);
                // The demo already made a user of this name and role (committee, viewer): give it the tests' password.
                if (result.Exit != 0) result = _qa.Run("user", "reset", name, "--password", Password);
                if (result.Exit != 0) throw new InvalidOperationException(result.Error);
            }
        }
        catch
        {
            // xunit never disposes a fixture whose constructor threw: drop its database (PostgreSQL pass) here.
            _qa.Dispose();
            throw;
        }
    }

    public static readonly (string Name, string Role, string? Department)[] Users =
    [
        ("committee", Roles.Committee, null), ("wg", Roles.WorkingGroup, null), ("log-manager", Roles.DepartmentManager, "LOG"), ("viewer", Roles.Viewer, null),
    ];

    public FakeTimeProvider Clock => _qa.Clock;
    public string Folder => _qa.Folder;

    /// <summary>Runs `qa` on the dashboard's warehouse, in its folder (a load whose files no upload could send: two of
    /// one name from two folders).</summary>
    public (int Exit, string Out, string Error) Qa(params string[] args) => _qa.Run(args);

    /// <summary>Writes a file under the dashboard's folder.</summary>
    public string Write(string relativePath, string text) => _qa.Write(relativePath, text);
    public ServeOptions Options => new() { Warehouse = _qa.Warehouse, Urls = "http://127.0.0.1:0", MaxUploadBytes = 2 * 1024 * 1024 };

    protected override IHostBuilder CreateHostBuilder() => DashboardHost.CreateBuilder(Options, Clock);

    /// <summary>A client signed in through the real sign-in form (antiforgery token and all).</summary>
    public async Task<HttpClient> SignedIn(string user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await Token(client, "/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in of {user} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>The antiforgery token of a page (the hidden form field, or the csrf-token meta tag).</summary>
    public static async Task<string> Token(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on " + page);
    }

    [GeneratedRegex("(?:name=\"__RequestVerificationToken\" type=\"hidden\" value=\"|name=\"csrf-token\" content=\")([^\"]+)\"")]
    private static partial Regex TokenPattern();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _qa.Dispose();
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}
