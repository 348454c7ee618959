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

        var listed = await session.Page.Locator("#reports td[data-col=quarter]").AllInnerTextsAsync();
        Assert.NotEmpty(listed);
        Assert.All(listed, q => Assert.Equal("2026Q1", q));

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
}
