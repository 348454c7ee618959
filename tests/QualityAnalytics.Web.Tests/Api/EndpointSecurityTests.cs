using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>Every endpoint requires a signed-in user; the whitelist refuses what it does not know; the roles gate
/// what they should.</summary>
public sealed class EndpointSecurityTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string> ApiRoutes => new(
        "/api/me", "/api/departments", "/api/quarters", "/api/model", "/api/query?measures=total", "/api/query/export?format=csv&measures=total",
        "/api/query/matrix?measures=total&rows=quarter", "/api/query/matrix/export?format=csv&measures=total&rows=quarter",
        "/api/rows/complaints", "/api/rows/complaints/export?format=csv", "/api/rows/complaints/counts?by=channel", "/api/assessments/2026Q2", "/api/assessments/2026Q2/LOG/explain",
        "/api/notes/2026Q2", "/api/data/batches", "/api/data/as-of", "/api/options/channel", "/api/openapi.json");

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task An_anonymous_caller_gets_401_from_every_api_route(string route)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(route)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/explore")]
    [InlineData("/data")]
    public async Task An_anonymous_browser_is_sent_to_the_sign_in_page(string page)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("committee")]
    [InlineData("wg")]
    [InlineData("log-manager")]
    [InlineData("viewer")]
    public async Task Every_role_can_read_the_api(string user)
    {
        var client = await app.SignedIn(user);
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/me")).RootElement;
        Assert.Equal(user, me.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/query?measures=total&dimensions=quarter")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/openapi.json")).StatusCode);
    }

    [Theory]
    [InlineData(null, "/login")]
    [InlineData("viewer", "/")]
    [InlineData("viewer", "/api/me")]
    [InlineData("viewer", "/api/no-such-route")]
    [InlineData("wg", "/hangfire")]
    [InlineData(null, "/css/site.css")]
    public async Task Every_answer_forbids_framing_sniffing_and_foreign_scripts(string? user, string route)
    {
        var client = user is null ? app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) : await app.SignedIn(user);
        var response = await client.GetAsync(route);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await DashboardFactory.Token(client, "/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["UserName"] = "viewer", ["Password"] = "wrong-password!", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_locked_account_answers_as_an_unknown_name_does()
    {
        // A user of its own: locking one of the shared users would fail the other tests for five minutes.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<QualityAnalytics.Web.Auth.AppUser>>();
            Assert.True((await users.CreateAsync(new QualityAnalytics.Web.Auth.AppUser { UserName = "to-be-locked" }, DashboardFactory.Password)).Succeeded);
        }
        async Task<string> Alert(string user, string password)
        {
            var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var token = await DashboardFactory.Token(client, "/login");
            var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
                { ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "role=\"alert\">([^<]*)<").Groups[1].Value;
        }
        var unknown = "";
        for (var i = 0; i < 6; i++)
        {
            await Alert("to-be-locked", "wrong-password!");
            unknown = await Alert("no-such-user", "wrong-password!");
        }
        Assert.NotEmpty(unknown);
        Assert.Equal(unknown, await Alert("to-be-locked", "wrong-password!"));
        // Locked: even the right password is refused, in the same words.
        Assert.Equal(unknown, await Alert("to-be-locked", DashboardFactory.Password));
    }

    [Fact]
    public async Task The_sign_in_form_rejects_a_post_without_the_antiforgery_token()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "viewer", ["Password"] = DashboardFactory.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/query?measures=password_hash", "Unknown measure")]
    [InlineData("/api/query?measures=total&dimensions=1;DROP TABLE fact_complaint", "Unknown dimension")]
    [InlineData("/api/query?measures=total,complaints", "different marts")]
    [InlineData("/api/query?measures=total&dimensions=channel", "cannot be split")]
    [InlineData("/api/query?measures=total&from=yesterday", "not a quarter")]
    [InlineData("/api/rows/users", "Unknown rows")]
    [InlineData("/api/rows/complaints?sort=password", "Cannot sort")]
    [InlineData("/api/rows/complaints/counts?by=password", "cannot be counted")]
    public async Task The_whitelist_refuses_what_it_does_not_know(string route, string message)
    {
        var client = await app.SignedIn("committee");
        var response = await client.GetAsync(route + (route.Contains('?') ? "&" : "?") + "lang=en"); // the words checked are the English ones
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_filter_value_is_data_not_sql()
    {
        var client = await app.SignedIn("committee");
        var response = await client.GetAsync("/api/query?measures=complaints&dimensions=department&department=LOG' OR '1'='1");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(json.GetProperty("rows").EnumerateArray());
        Assert.Equal(7, JsonDocument.Parse(await client.GetStringAsync("/api/query?measures=complaints&dimensions=department")).RootElement.GetProperty("rows").GetArrayLength());
    }
}
