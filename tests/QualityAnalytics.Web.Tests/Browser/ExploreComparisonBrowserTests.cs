using System.Globalization;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Explore's comparison with an earlier quarter: chosen beside the visual's type, it adds each measure's earlier
/// value and its signed change to the table, the chart and the matrix; by quarter each line stands beside its earlier
/// quarter, otherwise the whole range beside the range moved back, which the page names.</summary>
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
            // A fall is written with the minus sign (−), as the cards and the report write it, not the hyphen.
            Assert.Equal(change > 0 ? $"+{change}" : change < 0 ? $"\u2212{-change}" : "0", row[2]);
        }
        Assert.Contains(rows, r => r[2].StartsWith('+'));
        Assert.Contains(rows, r => r[2].StartsWith('\u2212'));
        await session.Screenshot("explore-compare-1280");
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
    public async Task Without_the_quarter_among_the_dimensions_the_table_says_which_quarters_it_is_compared_with()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=channel&visual=table");
        var (from, to) = (await session.Page.InputValueAsync("#slicer-from"), await session.Page.InputValueAsync("#slicer-to"));

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-compare", "year"));

        var notice = await session.Page.Locator("#table-explore >> xpath=ancestor::section >> .notice").InnerTextAsync();
        Assert.Contains($"对比期：{Back(from, 4)}–{Back(to, 4)}", notice, StringComparison.Ordinal);
        // The range starts at the first quarter with data (the page's default): the year before it has none, and the page says so.
        var first = await session.Page.Locator("#slicer-from option").First.GetAttributeAsync("value");
        Assert.Equal(first, from);
        Assert.Contains($"其中 {Back(from, 4)}–{Back(from, 1)} 没有数据，对比期不完整", notice, StringComparison.Ordinal);
        Assert.Equal(1, await session.Page.Locator("#table-explore th[data-col=complaints_change]").CountAsync());
        await session.Screenshot("explore-compare-range-1280");

        await session.Open("/explore?measures=complaints&x=channel&visual=table&compare=year&lang=en");
        var english = await session.Page.Locator("#table-explore >> xpath=ancestor::section >> .notice").InnerTextAsync();
        Assert.Contains($"Compared with {Back(from, 4)}–{Back(to, 4)} (the chosen quarters moved back; change = now − then). There are no data for {Back(from, 4)}–{Back(from, 1)}", english, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_compared_matrix_sets_each_number_beside_its_earlier_value_whose_link_opens_the_earlier_rows()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=quarter&series=channel&visual=matrix&compare=previous");

        var table = session.Page.Locator("#table-explore table.matrix");
        Assert.Equal(["投诉数", "投诉数（上季度）", "投诉数变化"], (await table.Locator("thead tr").Nth(1).Locator("th").AllInnerTextsAsync()).Take(3));
        var quarter = (await table.Locator("tbody tr").Last.GetAttributeAsync("data-row"))!;
        string Cell(string measure) => $"tbody tr[data-row='{quarter}'] td[data-column='电话'][data-measure='{measure}']";
        var now = long.Parse(await table.Locator(Cell("complaints")).InnerTextAsync(), CultureInfo.InvariantCulture);
        var then = long.Parse(await table.Locator(Cell("complaints_earlier")).InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(now - then > 0 ? $"+{now - then}" : $"{now - then}", await table.Locator(Cell("complaints_change")).InnerTextAsync());
        Assert.Equal(0, await table.Locator(Cell("complaints_change") + " a").CountAsync()); // a difference has no rows of its own
        await session.Screenshot("explore-matrix-compare-1280");

        await table.Locator(Cell("complaints_earlier") + " a").ClickAsync();
        await session.Arrived(url => url.Contains("/rows/complaints?", StringComparison.Ordinal));
        Assert.Contains($"from={Back(quarter, 1)}&to={Back(quarter, 1)}", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal($"共 {then:N0} 条", await session.Page.InnerTextAsync("#rows-total"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task An_absent_earlier_count_is_0_where_that_quarter_has_data_and_an_absent_rate_stays_empty_as_the_footnote_says()
    {
        await using var session = await browser.SignIn("committee");
        const string url = "/explore?measures=complaints,reply_on_time_rate&x=quarter&series=channel&visual=table&compare=previous";
        await session.Open(url);
        var first = await session.Page.Locator("#slicer-from option").First.GetAttributeAsync("value");
        Assert.Equal(first, await session.Page.InputValueAsync("#slicer-from")); // the default range starts at the first quarter with data

        var rows = await session.Page.EvaluateAsync<Dictionary<string, string>[]>(@"() => [...document.querySelectorAll('#table-explore tbody tr')].map(tr =>
            Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map(td => [td.dataset.col, td.textContent])))");
        // Before the first quarter with data there is nothing to compare with: no earlier count, no change.
        var firstRows = rows.Where(r => r["quarter"] == first).ToList();
        Assert.NotEmpty(firstRows);
        Assert.All(firstRows, r => Assert.Equal(("–", "–"), (r["complaints_earlier"], r["complaints_change"])));
        // A channel the quarter before lacks, though that quarter has data, had 0 complaints then: its change is its count;
        // an on-time rate of nothing is no 0%, so it and its change stay "–".
        var absent = rows.Where(r => r["quarter"] != first && r["complaints_earlier"] == "0").ToList();
        Assert.NotEmpty(absent);
        Assert.All(absent, r =>
        {
            Assert.Equal("+" + r["complaints"], r["complaints_change"]);
            Assert.Equal(("–", "–"), (r["reply_on_time_rate_earlier"], r["reply_on_time_rate_change"]));
        });
        var notice = await session.Page.Locator("#table-explore >> xpath=ancestor::section >> .notice").InnerTextAsync();
        Assert.Contains("计数记为 0", notice, StringComparison.Ordinal);
        Assert.Contains("平均分、比率记为“–”", notice, StringComparison.Ordinal);
        await session.Screenshot("explore-compare-absent-1280");
        await session.Page.SetViewportSizeAsync(375, 800);
        await session.Screenshot("explore-compare-absent-375");

        await session.Open(url + "&lang=en");
        var english = await session.Page.Locator("#table-explore >> xpath=ancestor::section >> .notice").InnerTextAsync();
        Assert.Contains("a count is 0 there (that quarter has data, just none of this item)", english, StringComparison.Ordinal);
        await session.Screenshot("explore-compare-absent-375-en");
        Assert.Empty(session.Errors);
    }

    /// <summary>The quarter so many quarters before ("2026Q1", 1 → "2025Q4").</summary>
    private static string Back(string quarter, int quarters)
    {
        var index = int.Parse(quarter[..4], CultureInfo.InvariantCulture) * 4 + (quarter[5] - '1') - quarters;
        return $"{index / 4}Q{index % 4 + 1}";
    }
}
