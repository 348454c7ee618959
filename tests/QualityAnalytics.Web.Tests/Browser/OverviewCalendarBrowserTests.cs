using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The overview's "resolved on time" card says when the quarter's solution deadlines count days in a year whose
/// holidays are not imported yet (the shipped calendar ends with 2026), so that nobody reads a weekday-only count as the
/// official one. A dashboard of its own: the working group uploads a complaint of 29 December, which makes 2026Q4 a
/// scored quarter, and the other browser tests' warehouse stays as it is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewCalendarBrowserTests : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_on_time_card_of_a_quarter_reaching_an_unimported_year_says_so()
    {
        await using (var wg = await _browser.SignIn("wg"))
        {
            await wg.Open("/data");
            var csv = "complaint_id,department,received_at,channel,valid\nTS-DEC-29,LOG,2026-12-29 09:00,电话,是\n"; // its 3rd working day is in 2027
            await wg.Page.SetInputFilesAsync("#files", [new FilePayload { Name = "late-december.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) }]);
            await wg.AndSettle(() => wg.Page.ClickAsync("#upload button[type=submit]"));
            Assert.Equal(["1"], await wg.Page.Locator("#upload-result td[data-col=loaded]").AllInnerTextsAsync());
        }

        await using var session = await _browser.SignIn("committee");
        await session.Open("/?to=2026Q4");
        Assert.Equal("2027 年节假日未导入，时限暂按周一至周五计", await session.Page.InnerTextAsync("[data-kpi=resolve] .caveat"));
        await session.Screenshot("overview-calendar-caveat");
        await session.Open("/?to=2026Q4&lang=en");
        Assert.Equal("2027: holidays not imported, deadlines counted Monday to Friday", await session.Page.InnerTextAsync("[data-kpi=resolve] .caveat"));

        // The department page says it too, naming the policy's working days: §7's 3, then a policy.json's 5.
        const string notice = "section.card:has(#chart-service) .notice";
        await session.Open("/department?code=LOG&to=2026Q4&lang=zh-CN");
        Assert.Equal("2027 年的法定节假日与调休尚未导入：落在该年的“3 个工作日内解决”时限暂按周一至周五计算。", await session.Page.InnerTextAsync(notice));
        var shipped = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"));
        var fiveDays = shipped.Replace("\"solution_working_days\": 3,", "\"solution_working_days\": 5,", StringComparison.Ordinal);
        Assert.NotEqual(shipped, fiveDays);
        File.WriteAllText(_browser.Dashboard.Services.GetRequiredService<PolicyProvider>().FilePath, fiveDays);
        await session.Open("/department?code=LOG&to=2026Q4");
        Assert.Equal("2027 年的法定节假日与调休尚未导入：落在该年的“5 个工作日内解决”时限暂按周一至周五计算。", await session.Page.InnerTextAsync(notice));

        // A quarter whose deadlines all fall in imported years has no caveat, and no other card has one.
        await session.Open("/?to=2026Q3");
        Assert.Equal(0, await session.Page.Locator(".kpi .caveat").CountAsync());
        Assert.Empty(session.Errors);
    }
}
