namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Explore's comparison with an earlier quarter: chosen beside the visual's type when the quarter is one of its
/// dimensions, it adds each measure's earlier value and its signed change to the table.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExploreComparisonBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Comparing_with_the_previous_quarter_adds_the_earlier_value_and_the_signed_change()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=quarter&visual=table");

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-compare", "previous"));

        Assert.Contains("compare=previous", session.Page.Url, StringComparison.Ordinal);
        var headings = await session.Page.Locator("#table-explore th").AllInnerTextsAsync();
        Assert.Equal(["季度", "投诉数", "投诉数（上季度）", "投诉数变化", "明细"], headings.Select(h => h.Trim().TrimEnd('▲', '▼', ' ')));
        var rows = await session.Page.EvaluateAsync<string[][]>(@"() => [...document.querySelectorAll('#table-explore tbody tr')].map(tr =>
            ['complaints', 'complaints_earlier', 'complaints_change'].map(c => tr.querySelector(`td[data-col=${c}]`).textContent))");
        Assert.NotEmpty(rows);
        foreach (var row in rows.Where(r => r[1] != "–"))
        {
            var change = long.Parse(row[0]) - long.Parse(row[1]);
            Assert.Equal(change > 0 ? $"+{change}" : $"{change}", row[2]);
        }
        Assert.Contains(rows, r => r[2].StartsWith('+'));
        await session.Screenshot("explore-compare-1280");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Clicking_the_change_heading_orders_the_lines_by_the_change_biggest_rise_first_and_the_export_follows()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=quarter&series=department&visual=table&compare=previous");
        async Task<long?[]> Changes() => (await session.Page.Locator("#table-explore tbody td[data-col=complaints_change]").AllInnerTextsAsync())
            .Select(v => v == "–" ? (long?)null : long.Parse(v.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        await session.AndSettle(() => session.Page.Locator("#table-explore thead th[data-col=complaints_change] button").ClickAsync());
        var descending = await Changes();
        var known = descending.TakeWhile(c => c is not null).ToList();
        Assert.True(known.Count > 3);
        Assert.Equal(known.OrderDescending(), known);
        Assert.All(descending.Skip(known.Count), c => Assert.Null(c));
        Assert.Equal("descending", await session.Page.GetAttributeAsync("#table-explore thead th[data-col=complaints_change]", "aria-sort"));
        Assert.Contains("order=complaints_change+desc", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains("order=complaints_change+desc", await session.Page.GetAttributeAsync("#table-explore >> xpath=ancestor::section >> [data-export=csv]", "href"), StringComparison.Ordinal);
        await session.Screenshot("explore-compare-sorted-1280");

        await session.AndSettle(() => session.Page.Locator("#table-explore thead th[data-col=complaints_change] button").ClickAsync());
        var ascending = (await Changes()).Where(c => c is not null).ToList();
        Assert.Equal(ascending.Order(), ascending);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_chart_by_quarter_draws_the_earlier_values_beside_the_current_ones()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=quarter&visual=line&compare=year");

        Assert.Equal(["投诉数", "投诉数（去年同期）"], await session.Chart<string[]>("chart-explore", "option.series.map(s => s.name)"));
        var earlier = await session.Page.Locator("#table-explore td[data-col=complaints_earlier]").AllInnerTextsAsync();
        var drawn = await session.Chart<double?[]>("chart-explore", "option.series[1].data");
        Assert.Equal(earlier.Select(v => v == "–" ? (double?)null : double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)), drawn);
        Assert.Equal("dashed", await session.Chart<string>("chart-explore", "option.series[1].lineStyle.type"));
        await session.Screenshot("explore-compare-line-1280");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Without_the_quarter_among_the_dimensions_there_is_nothing_to_compare_with()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=channel&visual=table&compare=previous");

        Assert.Equal(0, await session.Page.Locator("#slicer-compare").CountAsync());
        Assert.Equal(0, await session.Page.Locator("#table-explore th[data-col=complaints_change]").CountAsync());
        Assert.Empty(session.Errors);
    }
}
