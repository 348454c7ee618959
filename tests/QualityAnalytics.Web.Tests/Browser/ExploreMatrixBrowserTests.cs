using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The explore page's matrix and its way to the rows: a manager picks two dimensions and sees every value of
/// the one across the top with the totals of each line and column, clicks a number and lands on exactly the rows it
/// counts; the flat table's lines open their rows too.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExploreMatrixBrowserTests(BrowserFixture browser)
{
    private const string Matrix = "/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=matrix";

    [Fact]
    public async Task A_matrix_shows_a_column_per_value_with_totals_and_each_number_opens_its_rows()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open(Matrix);

        // The chart is hidden; the builder names the dimensions rows and columns.
        Assert.False(await session.Page.IsVisibleAsync("#chart-explore"));
        Assert.Equal(["行维度", "列维度"], await BuilderLabels(session));
        var table = session.Page.Locator("#table-explore table.matrix");
        var groups = (await table.Locator("thead tr").First.Locator("th").AllInnerTextsAsync()).ToList();
        Assert.Equal("季度", groups[0]);
        Assert.Equal("合计", groups[^1]);
        Assert.Contains("电话", groups);
        Assert.Equal(["投诉数", "有效投诉"], (await table.Locator("thead tr").Nth(1).Locator("th").AllInnerTextsAsync()).Take(2));
        Assert.Equal("合计", (await table.Locator("tfoot th").InnerTextAsync()).Trim());

        // The phone complaints of the last quarter: the number links to the rows page, which counts as many.
        var quarter = await table.Locator("tbody tr").Last.GetAttributeAsync("data-row");
        var cell = table.Locator($"tbody tr[data-row='{quarter}'] td[data-column='电话'][data-measure='complaints'] a");
        var count = long.Parse(await cell.InnerTextAsync(), CultureInfo.InvariantCulture);
        await cell.ClickAsync();
        await session.Arrived(url => url.Contains("/rows/complaints?", StringComparison.Ordinal));
        Assert.Contains($"from={quarter}", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal($"共 {count:N0} 条", await session.Page.InnerTextAsync("#rows-total"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Switching_from_a_chart_to_a_matrix_renames_the_two_dimensions()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=quarter&series=channel&visual=bar");
        Assert.Equal(["横轴维度", "分组维度"], await BuilderLabels(session));

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-visual", "matrix"));

        Assert.Equal(["行维度", "列维度"], await BuilderLabels(session));
        Assert.True(await session.Page.IsVisibleAsync("#table-explore table.matrix"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Ordering_the_table_by_a_measure_orders_the_chart_too()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints&x=department&visual=bar");

        await session.AndSettle(() => session.Page.Locator("#table-explore th[data-col=complaints] button").ClickAsync());

        var counts = (await session.Page.Locator("#table-explore td[data-col=complaints]").AllInnerTextsAsync()).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(counts.OrderDescending(), counts);
        var bars = await session.Chart<long[]>("chart-explore", "option.series[0].data");
        Assert.Equal(counts, bars);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_colour_scale_shades_each_measures_cells_from_its_smallest_to_its_largest_and_leaves_the_totals()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open(Matrix);
        Assert.Equal(0, await session.Page.Locator("#table-explore td[data-heat]").CountAsync()); // off unless asked

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-heat", "1"));

        Assert.Contains("heat=1", session.Page.Url, StringComparison.Ordinal);
        foreach (var measure in new[] { "complaints", "valid_complaints" })
        {
            var cells = await session.Page.EvaluateAsync<double[][]>($@"() => [...document.querySelectorAll('#table-explore tbody td[data-measure={measure}]:not(.total)')]
                .filter(td => td.textContent !== '–').map(td => [Number(td.textContent), Number(td.dataset.heat)])");
            Assert.NotEmpty(cells);
            var (smallest, largest) = (cells.Min(c => c[0]), cells.Max(c => c[0]));
            Assert.All(cells, c => Assert.Equal((c[0] - smallest) / (largest - smallest), c[1], 3));
        }
        Assert.Equal(0, await session.Page.Locator("#table-explore td.total[data-heat], #table-explore tfoot td[data-heat]").CountAsync());
        Assert.Contains("颜色越深，数值越大", await session.Page.InnerTextAsync("#table-explore"), StringComparison.Ordinal);
        await session.Screenshot("explore-matrix-heat-1280");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Shares_of_each_columns_total_stand_beside_the_counts_and_link_nowhere()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open(Matrix);

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-share", "column"));

        Assert.Contains("share=column", session.Page.Url, StringComparison.Ordinal);
        var table = session.Page.Locator("#table-explore table.matrix");
        Assert.Equal(["投诉数", "有效投诉", "投诉数占列合计", "有效投诉占列合计"], (await table.Locator("thead tr").Nth(1).Locator("th").AllInnerTextsAsync()).Take(4));
        var quarter = await table.Locator("tbody tr").Last.GetAttributeAsync("data-row");
        var count = long.Parse(await table.Locator($"tbody tr[data-row='{quarter}'] td[data-column='电话'][data-measure='complaints']").InnerTextAsync(), CultureInfo.InvariantCulture);
        var column = long.Parse(await table.Locator("tfoot td[data-column='电话'][data-measure='complaints']").InnerTextAsync(), CultureInfo.InvariantCulture);
        var share = table.Locator($"tbody tr[data-row='{quarter}'] td[data-column='电话'][data-measure='complaints_share']");
        Assert.Equal((Math.Round((decimal)count / column, 4, MidpointRounding.AwayFromZero) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", await share.InnerTextAsync());
        Assert.Equal(0, await share.Locator("a").CountAsync());
        Assert.Equal("100.0%", await session.Page.InnerTextAsync("#table-explore tfoot td[data-column='电话'][data-measure='complaints_share']"));
        Assert.Contains("share=column", await session.Page.GetAttributeAsync("#table-explore >> xpath=ancestor::section >> [data-export=csv]", "href"), StringComparison.Ordinal);
        await session.Screenshot("explore-matrix-share-1280");
        Assert.Empty(session.Errors);
    }

    private static async Task<string[]> BuilderLabels(Session session) =>
        (await session.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#builder label')].map(l => l.firstChild.textContent.trim())")).Take(2).ToArray();

    [Fact]
    public async Task The_matrix_reads_in_english_and_looks_right()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open(Matrix);
        await session.Screenshot("explore-matrix-1280");
        await session.Open(Matrix + "&lang=en");
        var groups = await session.Page.Locator("#table-explore table.matrix thead tr").First.Locator("th").AllInnerTextsAsync();
        Assert.Equal("Quarter", groups[0]);
        Assert.Contains("Phone", groups);
        Assert.Equal("Total", groups[^1]);
        await session.Screenshot("explore-matrix-1280-en");
        // The export buttons give the matrix as shown.
        Assert.StartsWith("/api/query/matrix/export?", await session.Page.Locator("#table-explore").Locator("xpath=ancestor::section").Locator("[data-export=csv]").GetAttributeAsync("href"),
            StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_managers_matrix_by_department_is_their_department_and_its_total()
    {
        await using var session = await browser.SignIn("log-manager");
        await session.Open("/explore?measures=total,amount&x=department&series=quarter&visual=matrix");

        var lines = await session.Page.Locator("#table-explore table.matrix tbody th").AllInnerTextsAsync();
        Assert.Equal(["物流业务部"], lines);
        // An assessment's number opens the department's page for that quarter.
        var link = await session.Page.Locator("#table-explore tbody td[data-measure=total] a").First.GetAttributeAsync("href");
        Assert.StartsWith("/department?code=LOG", link, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Each_line_of_the_flat_table_opens_the_rows_it_counts()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=checks&x=month&series=kind&visual=table");

        var first = session.Page.Locator("#table-explore tbody tr").First;
        var checks = long.Parse(await first.Locator("td[data-col=checks]").InnerTextAsync(), CultureInfo.InvariantCulture);
        var month = await first.Locator("td[data-col=month]").InnerTextAsync();
        await first.Locator("td[data-col=rows_behind] a").ClickAsync();
        await session.Arrived(url => url.Contains("/rows/checks?", StringComparison.Ordinal));
        Assert.Contains($"month={month}", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal($"共 {checks:N0} 条", await session.Page.InnerTextAsync("#rows-total"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_count_of_no_rows_is_a_number_not_a_link_in_the_matrix_on_the_overview_and_in_the_tally()
    {
        // One quarter by department and category: a department without a complaint of some category is a cell of 0.
        const string quarter = "2026Q3";
        await using var session = await browser.SignIn("committee");
        await session.Open($"/explore?measures=complaints,reply_on_time_rate&x=department&series=category&visual=matrix&from={quarter}&to={quarter}");
        var counts = session.Page.Locator("#table-explore tbody td[data-measure=complaints]");
        var zero = counts.Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^0$") });
        Assert.True(await zero.CountAsync() > 0, "the matrix has no cell of 0 complaints to look at");
        // A 0 stays 0 and opens nothing; the rate of no complaints stays "–"; every other count opens its rows.
        Assert.Equal(0, await zero.Locator("a").CountAsync());
        var nonZero = await counts.Filter(new LocatorFilterOptions { HasNotTextRegex = new Regex("^0$") }).CountAsync();
        Assert.Equal(nonZero, await counts.Locator("a").CountAsync());
        var cell = zero.First;
        var department = await cell.EvaluateAsync<string>("td => td.closest('tr').dataset.row");
        var category = await cell.GetAttributeAsync("data-column");
        Assert.Equal("–", await cell.EvaluateAsync<string>("td => td.nextElementSibling.textContent"));
        await session.Screenshot("explore-matrix-zero-1280");
        await session.Open($"/explore?measures=complaints,reply_on_time_rate&x=department&series=category&visual=matrix&from={quarter}&to={quarter}&lang=en");
        Assert.Equal(0, await zero.Locator("a").CountAsync());
        await session.Screenshot("explore-matrix-zero-1280-en");

        // The rows page it linked to had nothing in it.
        var slice = $"from={quarter}&to={quarter}&department={department}&category={Uri.EscapeDataString(category!)}";
        await session.Open($"/rows/complaints?{slice}&lang=zh-CN");
        Assert.Equal("共 0 条", await session.Page.InnerTextAsync("#rows-total"));

        // The overview's complaint card under the same slicers: 0, not a link (the department's card with complaints is one).
        await session.Open($"/?{slice}");
        Assert.Equal("0", (await session.Page.InnerTextAsync("[data-kpi=complaints] .value")).Trim());
        Assert.Equal(0, await session.Page.Locator("[data-kpi=complaints] .value a").CountAsync());
        // The trend's data table, whose count links as a click on its bar does: that quarter's 0 is plain too.
        var trendCount = session.Page.Locator($"[data-data-of=chart-trend] tr:has(td:text-is('{quarter}')) td[data-col=complaints]");
        Assert.Equal("0", (await trendCount.TextContentAsync())?.Trim()); // folded under the chart: its text, not its rendering
        Assert.Equal(0, await trendCount.Locator("a").CountAsync());
        await session.Open($"/?from={quarter}&to={quarter}&department={department}");
        Assert.Equal(1, await session.Page.Locator("[data-kpi=complaints] .value a").CountAsync());
        Assert.Equal(1, await session.Page.Locator($"[data-data-of=chart-trend] tr:has(td:text-is('{quarter}')) td[data-col=complaints] a").CountAsync());

        // The rows page's tally of one complaint: its status a button that narrows to it, the others' 0 plain text.
        await session.Open("/rows/complaints?complaint_id=TS-2025Q1-STO-02");
        var tally = session.Page.Locator("[data-tally=reply_status]");
        Assert.Equal(1, await tally.Locator("button[data-status]").CountAsync());
        Assert.Equal(3, await tally.Locator("span[data-status]").CountAsync());
        Assert.All(await tally.Locator("span[data-status]").AllInnerTextsAsync(), t => Assert.EndsWith(" 0", t, StringComparison.Ordinal));
        await session.Page.SetViewportSizeAsync(375, 900);
        await session.Screenshot("rows-tally-one-375");
        Assert.Empty(session.Errors);
    }
}
