using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>第五条 on the overview: a provisional result (a component missing, the weights rescaled) is marked wherever
/// the page shows it — the ranking, the assessment table, the average-total card — and a department not assessed (未考核)
/// keeps its line in the ranking, so that nobody reads "no data" as "no problems". A dashboard of its own: the working
/// group uploads one self-check of 物流业务部 in October, which makes 2026Q4 a scored quarter where 物流业务部 has no
/// questionnaire (provisional) and the six other departments have neither (withheld); the other browser tests'
/// warehouse stays as it is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OverviewProvisionalBrowserTests : IAsyncLifetime
{
    private const string RankingNames = "option.yAxis[0].data";
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_provisional_result_is_marked_and_a_withheld_department_keeps_its_line()
    {
        await using (var wg = await _browser.SignIn("wg"))
        {
            await wg.Open("/data");
            var csv = "check_id,department,month,kind,score\nCK-2026-10-LOG,LOG,2026-10,self,96\n";
            await wg.Page.SetInputFilesAsync("#files", [new FilePayload { Name = "october-self-check.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) }]);
            await wg.AndSettle(() => wg.Page.ClickAsync("#upload button[type=submit]"));
            Assert.Equal(["1"], await wg.Page.Locator("#upload-result td[data-col=loaded]").AllInnerTextsAsync());
        }

        await using var session = await _browser.SignIn("committee");
        await session.Open("/?from=2026Q4&to=2026Q4");
        // The ranking: 物流业务部's bar marked provisional at the top, the six others below it with no bar, each named 未考核.
        var names = await session.Chart<string[]>("chart-ranking", RankingNames);
        Assert.Equal(7, names.Length);
        Assert.Equal("物流业务部（暂定）", names[^1]);
        Assert.All(names[..^1], name => Assert.EndsWith("（未考核）", name, StringComparison.Ordinal));
        var values = await session.Chart<double?[]>("chart-ranking", "option.series[0].data.map(d => d.value)");
        Assert.NotNull(values[^1]);
        Assert.All(values[..^1], Assert.Null);

        // The assessment table's total and the average-total card say so too.
        var totals = await session.Page.Locator("#table-assessment td[data-col=total]").AllInnerTextsAsync();
        Assert.Equal([values[^1]!.Value.ToString("0.00", CultureInfo.InvariantCulture) + "（暂定）"], totals.Where(total => total != "–"));
        Assert.Equal(7, totals.Count);
        // The six not assessed have no money decided either: "–", not 0.00.
        var amounts = await session.Page.Locator("#table-assessment td[data-col=amount]").AllInnerTextsAsync();
        Assert.Equal(6, amounts.Count(amount => amount == "–"));
        Assert.Equal("含暂定结果（数据不全）：物流业务部", await session.Page.InnerTextAsync("[data-kpi=total] .caveat"));
        await session.Screenshot("overview-provisional");

        await session.Open("/?from=2026Q4&to=2026Q4&lang=en");
        var english = await session.Chart<string[]>("chart-ranking", RankingNames);
        Assert.EndsWith(" (provisional)", english[^1], StringComparison.Ordinal);
        Assert.All(english[..^1], name => Assert.EndsWith(" (not assessed)", name, StringComparison.Ordinal));
        Assert.Equal("Includes provisional results (incomplete data): 物流业务部", await session.Page.InnerTextAsync("[data-kpi=total] .caveat"));

        // A quarter whose results are all complete marks none. Each visual names its period: the ranking and the grades
        // the range's last quarter, the trend and the complaint categories the whole range.
        await session.Open("/?from=2025Q4&to=2026Q3");
        async Task<string> Period(string id) => await session.Page.InnerTextAsync($"section:has(#{id}) h2 .period");
        Assert.Equal("2026Q3", await Period("chart-ranking"));
        Assert.Equal("2026Q3", await Period("chart-grades"));
        Assert.Equal("2025Q4–2026Q3", await Period("chart-trend"));
        Assert.Equal("2025Q4–2026Q3", await Period("chart-categories"));
        Assert.DoesNotContain(await session.Chart<string[]>("chart-ranking", RankingNames), name => name.Contains('（'));
        Assert.Equal(0, await session.Page.Locator("[data-kpi=total] .caveat").CountAsync());
        Assert.Empty(session.Errors);
    }
}
