using System.Net;
using System.Text.Json;
using QualityAnalytics.Warehouse.Quality;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>/api/data/tests: the data tests of `qa verify` for the data desk, each rule in both languages; the working
/// group and the committee only (they judge the whole warehouse, not one department's rows).</summary>
public sealed class DataTestsApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_data_desk_runs_every_data_test_with_its_rule_in_both_languages()
    {
        var wg = await app.SignedIn("wg");
        var results = JsonDocument.Parse(await wg.GetStringAsync("/api/data/tests")).RootElement.EnumerateArray().ToList();

        Assert.Equal(DataTests.All.Select(t => t.Name), results.Select(r => r.GetProperty("test").GetString()));
        Assert.All(results, r => Assert.NotEqual("fail", r.GetProperty("status").GetString()));
        var mart = results.Single(r => r.GetProperty("test").GetString() == "equality:mart_complaint_summary");
        Assert.StartsWith("投诉汇总表", mart.GetProperty("rule_zh").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("the complaint mart", mart.GetProperty("rule_en").GetString(), StringComparison.Ordinal);
        // The English page showed "(第八条)" and "the 题号 of question_key": no Chinese in an English rule.
        Assert.DoesNotContain(results.Select(r => r.GetProperty("rule_en").GetString()!), rule => rule.Any(c => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef'));
        Assert.Contains("a check with deductions scores 100 − Σ points (Article 8)", results.Select(r => r.GetProperty("rule_en").GetString()));
    }

    [Fact]
    public async Task A_department_manager_cannot_run_them()
    {
        var manager = await app.SignedIn("log-manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/data/tests")).StatusCode);
    }
}
