using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Web.Tests.Scale;

/// <summary>Several `qa serve` instances behind one proxy: a sign-in on one is valid on the others, because the
/// data-protection keys that sign the cookie and the antiforgery tokens live in the shared database (schema auth).</summary>
public sealed class CrossInstanceSignInTests
{
    [PostgresFact]
    public async Task A_sign_in_on_one_instance_is_accepted_by_the_other_and_the_other_way_round()
    {
        await using var pair = await TwoInstances.Start();
        // Two hosts, not one host seen twice: nothing that signs or reads cookies, or runs jobs, is shared in memory.
        Assert.NotSame(pair.A.Service<IDataProtectionProvider>(), pair.B.Service<IDataProtectionProvider>());
        Assert.NotSame(pair.A.Service<JobStorage>(), pair.B.Service<JobStorage>());
        Assert.NotSame(pair.A.Service<JobActivator>(), pair.B.Service<JobActivator>());

        // Started side by side on a new database, they made one data-protection key between them, before serving
        // anything: two keys made at once would leave each instance signing with a key the other does not reload.
        Assert.Equal(1, Keys(pair));
        foreach (var instance in new[] { pair.A, pair.B })
        {
            var started = instance.Service<IEnumerable<IHostedService>>().Select(h => h.GetType().Name).ToList();
            Assert.Contains("DataProtectionKeySeed", started);
            Assert.Contains("DataProtectionHostedService", started);
            Assert.True(started.IndexOf("DataProtectionKeySeed") < started.IndexOf("DataProtectionHostedService"),
                "the key seed must start before data protection's own start-up: " + string.Join(", ", started));
        }

        // Both instances serve a page that uses the key ring before anyone signs in, at once, as behind a proxy.
        await Task.WhenAll(new[] { pair.A, pair.B }.Select(async instance =>
        {
            using var visitor = instance.Browser(new CookieContainer());
            await Api.DashboardFactory.Token(visitor, "/login");
        }));

        await SignedInOnIsAcceptedBy(pair, pair.A, pair.B);
        await SignedInOnIsAcceptedBy(pair, pair.B, pair.A);
        Assert.Equal(1, Keys(pair));
    }

    private static long Keys(TwoInstances pair) => pair.Count("SELECT count(*) FROM auth.\"DataProtectionKeys\"");

    private static async Task SignedInOnIsAcceptedBy(TwoInstances pair, DashboardInstance issuer, DashboardInstance other)
    {
        var jar = new CookieContainer();
        await TwoInstances.SignIn(issuer, jar);
        Assert.Contains(jar.GetCookies(issuer.Address), c => c.Name == "qa.auth");
        string token;
        using (var onIssuer = issuer.Browser(jar))
        {
            token = Json(await onIssuer.GetStringAsync("/api/me")).GetProperty("csrf_token").GetString()!;
        }

        using var onOther = other.Browser(TwoInstances.Carry(jar, issuer, other));
        // A state-changing call with the issuer's antiforgery token and cookie: the other instance verifies both.
        using (var run = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/rescore/run"))
        {
            run.Headers.Add("X-CSRF-TOKEN", token);
            var response = await onOther.SendAsync(run);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{other} answered {response.StatusCode} to a run with {issuer}'s cookie and token");
        }
        var me = await onOther.GetAsync("/api/me");
        Assert.True(me.StatusCode == HttpStatusCode.OK, $"{other} answered {me.StatusCode} to {issuer}'s cookie");
        var who = Json(await me.Content.ReadAsStringAsync());
        Assert.Equal(TwoInstances.User, who.GetProperty("name").GetString());
        Assert.Contains("working_group", who.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The controls: without the cookie, with a forged one, or without the token, the other instance refuses.
        using var stranger = other.Browser(new CookieContainer());
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/me")).StatusCode);
        var forgedJar = new CookieContainer();
        forgedJar.Add(other.Address, new Cookie("qa.auth", "CfDJ8" + new string('A', 300), "/"));
        using var forger = other.Browser(forgedJar);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forger.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await onOther.PostAsync("/api/jobs/rescore/run", null)).StatusCode);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
