namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The Reports page's quarter slicer filters the list of stored reports, as every slicer filters its page's
/// visuals (it only chose which quarter "generate" writes, so the list beside it showed every quarter whatever it said);
/// "all" lists every report, and generating writes the chosen quarter's, or the latest quarter's under "all".</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_quarter_slicer_filters_the_stored_reports_and_all_lists_them_all()
    {
        await using var session = await browser.SignIn("wg");
        await session.Open("/reports?quarter=2026Q2");
        await session.AndSettle(() => session.Page.ClickAsync("#generate button[type=submit]"));
        await session.Open("/reports?quarter=2026Q1");
        await session.AndSettle(() => session.Page.ClickAsync("#generate button[type=submit]"));

        // Settled means the list is drawn again with the new report in it, and the page still says what was written.
        var listed = await session.Page.Locator("#reports td[data-col=quarter]").AllInnerTextsAsync();
        Assert.NotEmpty(listed);
        Assert.All(listed, q => Assert.Equal("2026Q1", q));
        Assert.Contains("2026Q1-zh-CN.pdf", await session.Page.InnerTextAsync("#generate [role=status]"), StringComparison.Ordinal);

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-quarter", "2026Q2"));
        listed = await session.Page.Locator("#reports td[data-col=quarter]").AllInnerTextsAsync();
        Assert.NotEmpty(listed);
        Assert.All(listed, q => Assert.Equal("2026Q2", q));

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-quarter", ""));
        listed = await session.Page.Locator("#reports td[data-col=quarter]").AllInnerTextsAsync();
        Assert.Contains("2026Q1", listed);
        Assert.Contains("2026Q2", listed);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_reports_time_is_written_2026_07_08_08_30_in_Shanghai_in_English_too()
    {
        // A viewer in New York: the time is Shanghai's whatever the browser's zone.
        await using var session = await browser.SignIn("wg", timeZone: "America/New_York");
        await session.Open("/reports?quarter=2026Q2");
        await session.AndSettle(() => session.Page.ClickAsync("#generate button[type=submit]"));
        await session.Open("/reports?quarter=2026Q2&lang=en");

        var shown = await session.Page.Locator("#reports td[data-col=written_at]").AllInnerTextsAsync();
        Assert.NotEmpty(shown);
        // The stored reports' own times, as the API gives them (instants), in Shanghai to the minute: the page wrote
        // 7/8/2026, 08:30:00 in English and 2026/7/8 08:30:00 in Chinese.
        var response = await session.Page.APIRequest.GetAsync("/api/reports");
        var written = (await response.JsonAsync())!.Value.EnumerateArray().Where(r => r.GetProperty("quarter").GetString() == "2026Q2")
            .Select(r => r.GetProperty("written_at").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(written.Order(), shown.Order());
        Assert.All(shown, t => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", t));
        await session.Screenshot("reports-1280-en");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_menu_offers_the_reports_only_to_those_who_may_read_them()
    {
        await using (var manager = await browser.SignIn("log-manager"))
        {
            await manager.Open("/");
            Assert.Equal(0, await manager.Page.Locator("#main-nav a[href='/reports']").CountAsync());
            Assert.Equal(0, await manager.Page.Locator("#main-nav a[href='/data']").CountAsync());
            // Opened directly (an old bookmark), the page says why there is nothing for a manager, and where to look instead.
            await manager.Open("/reports");
            Assert.Contains("部门负责人请在“部门”页面查看本部门数据", await manager.Page.InnerTextAsync("main"), StringComparison.Ordinal);
            Assert.Empty(manager.Errors);
        }
        foreach (var user in new[] { "wg", "committee", "viewer" })
        {
            await using var session = await browser.SignIn(user);
            await session.Open("/");
            Assert.Equal(1, await session.Page.Locator("#main-nav a[href='/reports']").CountAsync());
        }
    }
}
