namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The browser's Back and Forward step through the filter states a user chose, as in a BI tool: each slicer
/// change (and cross-filter click) is a history entry, and going back draws the page of that entry's URL again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryBrowserTests(BrowserFixture browser)
{
    private const string RankingNames = "option.yAxis[0].data";

    [Fact]
    public async Task Back_undoes_slicer_changes_one_by_one_and_forward_redoes_them()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        var start = session.Page.Url;
        var entries = await session.Page.EvaluateAsync<int>("() => history.length");
        var everyDepartment = await session.Chart<string[]>("chart-ranking", RankingNames);
        Assert.True(everyDepartment.Length > 1);
        var channel = await session.Page.Locator("#slicer-channel option").Nth(1).GetAttributeAsync("value");

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-department", "LOG"));
        var oneDepartment = session.Page.Url;
        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-channel", channel!));
        Assert.Contains("channel=", session.Page.Url, StringComparison.Ordinal);
        // One entry per change, none for the page's first drawing.
        Assert.Equal(entries + 2, await session.Page.EvaluateAsync<int>("() => history.length"));

        await session.AndSettle(() => session.Page.GoBackAsync());
        Assert.Equal(oneDepartment, session.Page.Url);
        Assert.Equal("LOG", await session.Page.InputValueAsync("#slicer-department"));
        Assert.Equal("", await session.Page.InputValueAsync("#slicer-channel"));
        Assert.Equal(["物流业务部"], await session.Chart<string[]>("chart-ranking", RankingNames));

        await session.AndSettle(() => session.Page.GoBackAsync());
        Assert.Equal(start, session.Page.Url);
        Assert.Equal("", await session.Page.InputValueAsync("#slicer-department"));
        Assert.Equal(everyDepartment, await session.Chart<string[]>("chart-ranking", RankingNames));
        Assert.Equal(everyDepartment.Length, await session.Page.Locator("#table-assessment td[data-col=department]").CountAsync());

        await session.AndSettle(() => session.Page.GoForwardAsync());
        Assert.Equal(oneDepartment, session.Page.Url);
        Assert.Equal(["物流业务部 (LOG)"], await session.Page.Locator("#table-assessment td[data-col=department]").AllInnerTextsAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_cross_filter_click_in_explore_is_undone_by_back()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=channel&visual=bar");
        var start = session.Page.Url;
        var channels = await session.Chart<string[]>("chart-explore", "option.xAxis[0].data");
        Assert.True(channels.Length > 1);

        // The click ECharts would report for the first bar, through the chart's own event (a canvas has no elements).
        await session.AndSettle(() => session.Page.EvaluateAsync(
            "() => { echarts.getInstanceByDom(document.getElementById('chart-explore')).trigger('click', { dataIndex: 0, seriesIndex: 0 }); }"));
        Assert.Contains("channel=", session.Page.Url, StringComparison.Ordinal);
        Assert.Single(await session.Chart<string[]>("chart-explore", "option.xAxis[0].data"));

        await session.AndSettle(() => session.Page.GoBackAsync());
        Assert.Equal(start, session.Page.Url);
        Assert.Equal(channels, await session.Chart<string[]>("chart-explore", "option.xAxis[0].data"));
        Assert.Equal("", await session.Page.InputValueAsync("#slicer-channel"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_link_with_a_stale_filter_is_corrected_in_place_without_an_entry_to_go_back_to()
    {
        await using var session = await browser.SignIn("committee");
        var entries = await session.Page.EvaluateAsync<int>("() => history.length");
        await session.Open("/?department=NOPE");
        Assert.DoesNotContain("department=", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal(entries + 1, await session.Page.EvaluateAsync<int>("() => history.length"));
        Assert.Empty(session.Errors);
    }
}
