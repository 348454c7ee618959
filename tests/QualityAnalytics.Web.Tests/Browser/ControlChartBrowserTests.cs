namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The department's XmR control chart flags every rule violation with its red ring at any width: on a phone
/// ECharts would leave out the symbols of a crowded category axis, and the chart would then flag nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ControlChartBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_point_that_breaks_a_rule_is_drawn_at_any_width(int width)
    {
        await using var session = await browser.SignIn("committee", width);
        await session.Open("/department?code=LOG");
        // For each point: whether the page marks it as breaking a rule, and whether ECharts drew a symbol for it.
        var points = await session.Page.EvaluateAsync<bool[][]>("""
            () => {
                const chart = echarts.getInstanceByDom(document.getElementById('chart-control'));
                const data = chart.getModel().getSeriesByIndex(0).getData();
                return chart.getOption().series[0].data.map((d, i) => [!!d.label?.show, !!data.getItemGraphicEl(i) && !data.getItemGraphicEl(i).invisible]);
            }
            """);
        var broken = points.Where(p => p[0]).ToList();
        Assert.NotEmpty(broken); // the demo's 物流业务部 has a month beyond its limits (2026-06)
        Assert.All(broken, p => Assert.True(p[1], "a violation's symbol is drawn"));
        Assert.Empty(session.Errors);
    }
}
