using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Api;

public sealed class AnalysisApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Findings_are_ranked_and_a_manager_sees_only_their_departments()
    {
        var committee = await app.SignedIn("committee");
        var all = JsonDocument.Parse(await committee.GetStringAsync("/api/findings/2026Q2")).RootElement;
        Assert.Contains(all.EnumerateArray(), f => f.GetProperty("department").GetString() == "WUH" && f.GetProperty("kind").GetString() == "trend_declining");
        // Each finding's evidence also comes as its clauses, in both languages, which the sentence joins.
        var decline = all.EnumerateArray().First(f => f.GetProperty("department").GetString() == "WUH" && f.GetProperty("kind").GetString() == "trend_declining");
        var zh = decline.GetProperty("evidence_zh_clauses").EnumerateArray().Select(c => c.GetString()).ToList();
        var en = decline.GetProperty("evidence_en_clauses").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.True(zh.Count > 1, string.Join(" | ", zh));
        Assert.Equal(zh.Count, en.Count);
        Assert.Equal(decline.GetProperty("evidence_zh").GetString(), string.Join("；", zh));
        Assert.Equal(decline.GetProperty("evidence_en").GetString(), string.Join("; ", en));
        Assert.Contains(all.EnumerateArray(), f => f.GetProperty("department").ValueKind == JsonValueKind.Null);
        Assert.Equal(Enumerable.Range(1, all.GetArrayLength()), all.EnumerateArray().Select(f => f.GetProperty("rank").GetInt32()));

        var manager = await app.SignedIn("log-manager");
        var own = JsonDocument.Parse(await manager.GetStringAsync("/api/findings/2026Q2")).RootElement;
        Assert.All(own.EnumerateArray(), f => Assert.Equal("LOG", f.GetProperty("department").GetString()));
    }

    [Fact]
    public async Task A_department_analysis_has_trends_with_a_forecast_and_is_scoped()
    {
        var manager = await app.SignedIn("log-manager");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/analysis/2026Q2/departments/WUH")).StatusCode);
        var committee = await app.SignedIn("committee");
        var wuh = JsonDocument.Parse(await committee.GetStringAsync("/api/analysis/2026Q3/departments/WUH")).RootElement;
        var total = wuh.GetProperty("trends").GetProperty("metrics").EnumerateArray().First(m => m.GetProperty("metric").GetString() == "total");
        Assert.Equal("declining", total.GetProperty("direction").GetString());
        Assert.True(total.GetProperty("forecast").GetProperty("upper").GetDouble() > total.GetProperty("forecast").GetProperty("lower").GetDouble());
    }

    [Fact]
    public async Task The_what_if_compares_another_policy_without_storing_and_needs_the_token()
    {
        var committee = await app.SignedIn("committee");
        var policy = (await committee.GetStringAsync("/api/policy"));
        Assert.Contains("2013-07", policy);
        var json = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"))
            .Replace("\"version\": \"2013-07\"", "\"version\": \"strict\"").Replace("\"reward_per_point\": 2000", "\"reward_per_point\": 1000");
        var bare = await committee.PostAsync("/api/assessments/2026Q2/what-if", new StringContent(json));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);

        committee.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await DashboardFactory.Token(committee, "/"));
        var before = await committee.GetStringAsync("/api/assessments/2026Q2");
        var response = await committee.PostAsync("/api/assessments/2026Q2/what-if", new StringContent(json));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sto = body.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("department").GetString() == "STO");
        Assert.Equal(9200m, sto.GetProperty("stored").GetProperty("amount").GetDecimal());
        Assert.Equal(4600m, sto.GetProperty("what_if").GetProperty("amount").GetDecimal());
        Assert.Equal(before, await committee.GetStringAsync("/api/assessments/2026Q2"));

        var bad = await committee.PostAsync("/api/assessments/2026Q2/what-if", new StringContent(json.Replace("\"self_check\": 0.40", "\"self_check\": 0.50")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("上传的考核办法文件有 1 处问题：", problem, StringComparison.Ordinal); // in the page's language
        Assert.Contains("versions[0].weights：self_check + survey + complaint = 1.1，必须恰好为 1", problem, StringComparison.Ordinal); // the file's key, the page's language
        var broken = await committee.PostAsync("/api/assessments/2026Q2/what-if?lang=en", new StringContent("{ not json"));
        Assert.Contains("The policy file has 1 problem(s): ", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_rows_are_reachable_for_the_K_explanation_and_scoped()
    {
        var manager = await app.SignedIn("log-manager");
        var page = await manager.GetFromJsonAsync<JsonElement>("/api/rows/callbacks?from=2026Q2&to=2026Q2");
        Assert.True(page.GetProperty("total").GetInt64() > 0);
        Assert.All(page.GetProperty("rows").EnumerateArray(), r => Assert.Equal("LOG", r[1].GetString()));
    }
}
