using Microsoft.Extensions.DependencyInjection;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The pages draw the targets of the policy in force, not numbers of their own: a policy that passes at 90 and
/// sets 48 hours, 5 working days, 90% satisfaction and a 95% on-time target is what the overview's cards and ranking and
/// the department page's lines show. A dashboard of its own, so the other browser tests keep the shipped policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyTargetsBrowserTests : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        var shipped = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"));
        var changed = shipped
            .Replace("\"pass_at\": 95", "\"pass_at\": 90", StringComparison.Ordinal)
            .Replace("\"reply_hours\": 24, \"solution_working_days\": 3, \"satisfaction_target\": 0.85, \"compliance_target\": 1.0",
                "\"reply_hours\": 48, \"solution_working_days\": 5, \"satisfaction_target\": 0.9, \"compliance_target\": 0.95", StringComparison.Ordinal);
        Assert.NotEqual(shipped, changed);
        Assert.Contains("\"reply_hours\": 48", changed, StringComparison.Ordinal);
        File.WriteAllText(_browser.Dashboard.Services.GetRequiredService<PolicyProvider>().FilePath, changed);
    }

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_overview_and_the_department_page_show_the_policys_targets()
    {
        await using var session = await _browser.SignIn("committee");
        await session.Open("/");
        Assert.StartsWith("目标 90.00", await session.Page.InnerTextAsync("[data-kpi=total] .target"), StringComparison.Ordinal);
        Assert.StartsWith("目标 90%", await session.Page.InnerTextAsync("[data-kpi=satisfaction] .target"), StringComparison.Ordinal);
        Assert.Equal("48 小时回复率", await session.Page.InnerTextAsync("[data-kpi=reply] .name"));
        Assert.StartsWith("目标 95%", await session.Page.InnerTextAsync("[data-kpi=reply] .target"), StringComparison.Ordinal);
        Assert.Equal("5 个工作日解决率", await session.Page.InnerTextAsync("[data-kpi=resolve] .name"));
        Assert.StartsWith("48 小时回复率、5 个工作日解决率：", await session.Page.InnerTextAsync("#kpis-as-of"), StringComparison.Ordinal);
        Assert.Equal(90, await session.Chart<double>("chart-ranking", "option.series[0].markLine.data[0].xAxis"));
        // A department at or above 90 is green now, as the grade that policy gives it.
        var colours = await session.Chart<string[]>("chart-ranking", "option.series[0].data.map(d => (d.value >= 90) + ':' + d.itemStyle.color)");
        Assert.All(colours, c => Assert.True(c is "true:#1a7f37" or "false:#c62828", c));

        await session.Open("/department?code=LOG");
        Assert.Equal(90, await session.Chart<double>("chart-trend", "option.series[0].markLine.data[0].yAxis"));
        Assert.Equal(0.9, await session.Chart<double>("chart-service", "option.series[0].markLine.data[0].yAxis"));
        Assert.Equal("考核办法的服务目标：投诉 48 小时内回复，第 5 个工作日结束前解决，按时率目标 95%；满意率目标 90%。",
            await session.Page.InnerTextAsync("#service-terms"));

        await session.Open("/?lang=en");
        Assert.Equal("Replied within 48 h", await session.Page.InnerTextAsync("[data-kpi=reply] .name"));
        Assert.Equal("Solved within 5 working days", await session.Page.InnerTextAsync("[data-kpi=resolve] .name"));
        Assert.Empty(session.Errors);
    }

    /// <summary>The late and overdue counts are flagged by the policy's deadlines, so Explore names those deadlines (48
    /// hours, 5 working days), in the measure picker and in the table's headings, in both languages.</summary>
    [Fact]
    public async Task Explore_names_the_late_counts_by_the_policys_deadlines()
    {
        await using var session = await _browser.SignIn("committee");
        const string url = "/explore?measures=replied_late,reply_overdue,resolved_late,resolve_overdue&x=quarter&visual=table";
        await session.Open(url);
        Assert.Equal(["季度", "超 48 小时回复", "超 48 小时未回复", "超 5 个工作日解决", "超 5 个工作日未解决"], await Headings(session));
        Assert.Equal("超 48 小时回复", (await session.Page.InnerTextAsync("label:has(input[data-measure=replied_late])")).Trim());
        Assert.Equal("超 5 个工作日未解决", (await session.Page.InnerTextAsync("label:has(input[data-measure=resolve_overdue])")).Trim());

        await session.Open(url + "&lang=en");
        Assert.Equal(["Quarter", "Replies over 48 h", "Unanswered past 48 h", "Solutions over 5 working days", "Unsolved past 5 working days"],
            await Headings(session));
        Assert.Empty(session.Errors);
    }

    private static async Task<string[]> Headings(Session session) =>
        (await session.Page.Locator("#table-explore th[data-col]").AllInnerTextsAsync()).Where(h => h.Length > 0).Take(5).Select(h => h.Trim()).ToArray();
}
