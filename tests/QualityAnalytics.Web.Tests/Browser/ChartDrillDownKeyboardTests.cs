namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>A click on a bar or point of the category (Pareto) and trend charts opens the rows behind it; a person without
/// a mouse must reach the same rows. Each such chart carries its data as a table, folded under the chart, whose links open
/// the rows a click would: reached here with the Tab and Enter keys alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartDrillDownKeyboardTests(BrowserFixture browser)
{
    /// <summary>(page, chart, the link in the chart's data table, the rows page it opens, what the landing URL must carry
    /// given the first cell of the link's row: {0}).</summary>
    public static readonly TheoryData<string, string, string, string, string[]> Charts = new()
    {
        { "/", "chart-categories", "td[data-col=category] a", "/rows/complaints", ["category={0}"] },
        { "/", "chart-trend", "td[data-col=complaints] a", "/rows/complaints", ["from={0}", "to={0}"] },
        { "/department?code=LOG", "chart-categories", "td[data-col=category] a", "/rows/complaints", ["category={0}", "department=LOG"] },
        { "/department?code=LOG", "chart-service", "td[data-col=quarter] a", "/rows/complaints", ["from={0}", "to={0}", "department=LOG"] },
        { "/department?code=LOG", "chart-checks", "td[data-col=self] a", "/rows/checks", ["month={0}", "kind=self", "department=LOG"] },
        { "/department?code=LOG", "chart-checks", "td[data-col=spot] a", "/rows/checks", ["month={0}", "kind=spot", "department=LOG"] },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task The_rows_behind_a_chart_are_reached_by_keyboard(string page, string chart, string link, string rowsPath, string[] expected)
    {
        await using var session = await browser.SignIn("committee");
        await session.Open(page);
        var disclosure = $"[data-data-of={chart}] > summary";
        await TabTo(session, disclosure);
        await session.Page.Keyboard.PressAsync("Enter");
        Assert.True(await session.Page.EvaluateAsync<bool>($"() => document.querySelector('[data-data-of={chart}]').open"), "Enter did not open the chart's data");

        var target = $"[data-data-of={chart}] {link}";
        await TabTo(session, target);
        var row = await session.Page.EvaluateAsync<string>("() => document.activeElement.closest('tr').querySelector('td').innerText.trim()");
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Arrived(url => url.Contains(rowsPath + "?", StringComparison.Ordinal));

        var query = Uri.UnescapeDataString(new Uri(session.Page.Url).Query);
        Assert.All(expected, part => Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, part, row), query, StringComparison.Ordinal));
        Assert.NotEmpty(await session.Page.Locator("#rows-table tbody tr").AllInnerTextsAsync()); // rows behind a bar there are
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_chart_s_data_table_stays_folded_until_asked_for()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        var disclosure = session.Page.Locator("[data-data-of=chart-categories]");
        Assert.Null(await disclosure.GetAttributeAsync("open"));
        Assert.Equal("数据表与明细", (await disclosure.Locator("summary").InnerTextAsync()).Trim());
        await session.Open("/?lang=en");
        Assert.Equal("Data and rows", (await session.Page.Locator("[data-data-of=chart-categories] > summary").InnerTextAsync()).Trim());
        Assert.Empty(session.Errors);
    }

    /// <summary>Presses Tab until the focus is on an element matching the selector (the first such element reached).</summary>
    private static async Task TabTo(Session session, string selector)
    {
        var path = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            var at = await session.Page.EvaluateAsync<string>(
                "s => document.activeElement?.matches(s) ? '' : (a => a.tagName + (a.id ? '#' + a.id : '') + (a.getAttribute('href') ? '[' + a.getAttribute('href') + ']' : ''))(document.activeElement)",
                selector);
            if (at.Length == 0) return;
            path.Add(at);
        }
        Assert.Fail($"Tab never reached {selector}; the focus went: {string.Join(" → ", path.TakeLast(40))}");
    }
}
