using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Wide tables and charts on a laptop and a phone (the review's B9, B10, B3, B4, B8): a table scrolls sideways
/// inside its card with its first column held in view, each list page's key value is on a phone's screen without
/// scrolling, a chart's legend names every series instead of paging them away, each service rate is drawn against its own
/// target, and a count of nothing is 0 where "–" is kept for no data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WideTableBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_wide_table_scrolls_inside_its_card_with_its_first_column_held_in_view()
    {
        await using var session = await browser.SignIn("committee", 1280);
        await session.Open("/rows/complaints");

        var layout = await session.Page.EvaluateAsync<JsonElement>("""
            () => {
                const wrap = document.querySelector('#rows-table .table-wrap');
                const cell = () => document.querySelector('#rows-table tbody tr td:first-child');
                const before = cell().getBoundingClientRect().left;
                const scrollable = wrap.scrollWidth - wrap.clientWidth;
                wrap.scrollLeft = scrollable;
                return { wrapWidth: wrap.clientWidth, tableWidth: wrap.querySelector('table').scrollWidth, scrollable,
                         position: getComputedStyle(cell()).position, before, after: cell().getBoundingClientRect().left,
                         wrapLeft: wrap.getBoundingClientRect().left, pageOverflow: document.documentElement.scrollWidth - innerWidth };
            }
            """);
        Assert.True(layout.GetProperty("tableWidth").GetDouble() > layout.GetProperty("wrapWidth").GetDouble(), layout.ToString());
        Assert.True(layout.GetProperty("scrollable").GetDouble() > 0, layout.ToString());
        Assert.True(layout.GetProperty("pageOverflow").GetDouble() <= 0, "the page itself scrolls sideways: " + layout);
        Assert.Equal("sticky", layout.GetProperty("position").GetString());
        // Scrolled to the far end, the complaint's id is still where it was, at the card's left edge.
        Assert.Equal(layout.GetProperty("before").GetDouble(), layout.GetProperty("after").GetDouble(), 1);
        Assert.True(layout.GetProperty("after").GetDouble() - layout.GetProperty("wrapLeft").GetDouble() < 2, layout.ToString());
        // Scrolled, the frame says there is more to the left (the shade beside the held column), and no more to the right.
        await session.Page.WaitForFunctionAsync("() => document.querySelector('#rows-table .table-frame').classList.contains('more-left')");
        Assert.False(await session.Page.EvaluateAsync<bool>("() => document.querySelector('#rows-table .table-frame').classList.contains('more-right')"));

        // B9: at 1280 px both statuses and both deadlines are in view before any scrolling.
        await session.Open("/rows/complaints");
        foreach (var column in new[] { "reply_status", "solution_status", "reply_due", "solution_due" })
            Assert.True(await InView(session, $"#rows-table td[data-col={column}]"), $"{column} is off the card at 1280 px");
        Assert.Empty(session.Errors);
    }

    /// <summary>Each list page's key value (what its rows are there for), and the page's one action, inside a 375 px screen.</summary>
    public static readonly TheoryData<string, string> KeyValues = new()
    {
        { "/rows/complaints", "#rows-table td[data-col=reply_status]" },
        { "/rows/complaints", "#rows-table td[data-col=solution_status]" },
        { "/rows/checks", "#rows-table td[data-col=score]" },
        { "/rows/surveys", "#rows-table td[data-col=score]" },
        { "/rows/callbacks", "#rows-table td[data-col=deduction]" },
        // In English the findings are longer words (Does not match): they wrap, and the deduction stays on screen.
        { "/rows/callbacks?lang=en", "#rows-table td[data-col=deduction]" },
        { "/rows/surveys?lang=en", "#rows-table td[data-col=score]" },
        { "/rows/deductions", "#rows-table td[data-col=points]" },
        { "/policy", "#assessment td[data-col=total]" },
        { "/policy", "#assessment td[data-col=grade]" },
        { "/reports", "#reports td[data-col=file] a" },
        { "/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=bar", "td[data-col=rows_behind] a" },
    };

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task On_a_phone_explores_table_shows_the_first_number_between_the_held_columns(string lang)
    {
        await using var session = await browser.SignIn("committee", 375);
        await session.Open("/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=bar&lang=" + lang);
        // The first column and the link column are held in place as the table scrolls: the number must be between them,
        // wholly visible, not under the link's column (its words had covered the number on a phone).
        var box = await session.Page.EvaluateAsync<double[]>(@"() => {
            const row = document.querySelector('#table-explore tbody tr');
            const r = sel => row.querySelector(sel).getBoundingClientRect();
            return [r('td:first-child').right, r('td[data-col=complaints]').left, r('td[data-col=complaints]').right, r('td[data-col=rows_behind]').left];
        }");
        Assert.True(box[1] >= box[0] - 1 && box[2] <= box[3] + 1, $"{lang}: number at {box[1]}–{box[2]}, held columns end at {box[0]} and start at {box[3]}");
        // The link keeps its name for a screen reader, though it shows an arrow.
        var link = session.Page.Locator("#table-explore td[data-col=rows_behind] a").First;
        Assert.Equal(lang == "zh" ? "查看明细" : "Show rows", await link.GetAttributeAsync("aria-label"));
        Assert.Equal("→", (await link.InnerTextAsync()).Trim());
        await session.Screenshot("explore-table-phone-" + lang);
        Assert.Empty(session.Errors);
    }

    [Theory]
    [MemberData(nameof(KeyValues))]
    public async Task On_a_phone_each_list_pages_key_value_is_on_screen_without_scrolling(string url, string cell)
    {
        await using var session = await browser.SignIn("committee", 375);
        await session.Open(url);
        Assert.True(await session.Page.Locator(cell).CountAsync() > 0, $"{url}: no {cell}");
        Assert.True(await InView(session, cell), $"{url}: {cell} is off a 375 px screen");
        Assert.Empty(session.Errors);
    }

    [Theory]
    [InlineData("/", "chart-trend")]
    [InlineData("/department?code=LOG", "chart-trend")]
    [InlineData("/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=bar", "chart-explore")]
    public async Task On_a_phone_a_charts_legend_names_every_series_above_the_plot(string url, string chart)
    {
        await using var session = await browser.SignIn("committee", 375);
        await session.Open(url);
        var legend = await session.Page.EvaluateAsync<JsonElement>("""
            id => {
                const chart = echarts.getInstanceByDom(document.getElementById(id));
                const model = chart.getModel().getComponent('legend');
                const view = chart.getViewOfComponentModel(model);
                const box = view.group.getBoundingRect();
                const names = [...new Set(chart.getOption().series.map(s => s.name).filter(Boolean))];
                return { type: model.option.type, items: view.getContentGroup().children().length, names: names.length,
                         right: view.group.x + box.x + box.width, bottom: view.group.y + box.y + box.height, width: chart.getWidth(),
                         plotTop: chart.getModel().getComponent('grid').coordinateSystem.getRect().y, lines: Number(document.getElementById(id).dataset.legendLines) };
            }
            """, chart);
        Assert.Equal("plain", legend.GetProperty("type").GetString());
        // Every series has its item drawn (a paged legend draws only a page's), inside the chart and above the plot.
        Assert.Equal(legend.GetProperty("names").GetInt32(), legend.GetProperty("items").GetInt32());
        Assert.True(legend.GetProperty("lines").GetInt32() > 1, "at 375 px these legends wrap: " + legend);
        Assert.True(legend.GetProperty("right").GetDouble() <= legend.GetProperty("width").GetDouble(), legend.ToString());
        Assert.True(legend.GetProperty("bottom").GetDouble() <= legend.GetProperty("plotTop").GetDouble(), "the legend runs into the plot: " + legend);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_overviews_trend_names_both_of_its_axes_with_their_units()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        Assert.Equal(["得分（分）", "投诉数（件）"], await session.Chart<string[]>("chart-trend", "option.yAxis.map(a => a.name)"));
        // The complaints' bars are read against the right-hand axis, the one named for them.
        Assert.Equal(1, await session.Chart<int>("chart-trend", "option.series.find(s => s.type === 'bar').yAxisIndex"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Each_service_rate_is_drawn_against_its_own_target_named_for_what_it_applies_to()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/department?code=LOG");
        var quarter = await session.Page.InputValueAsync("#slicer-to");
        var targets = (await (await session.Page.APIRequest.GetAsync("/api/targets/" + quarter)).JsonAsync())!.Value;
        var satisfaction = targets.GetProperty("satisfaction_target").GetDouble();
        var onTime = targets.GetProperty("compliance_target").GetDouble();
        Assert.NotEqual(satisfaction, onTime); // the policy's 85% and 100%

        var lines = await session.Page.EvaluateAsync<JsonElement>("""
            () => echarts.getInstanceByDom(document.getElementById('chart-service')).getOption().series
                .map(s => ({ name: s.name, lines: (s.markLine?.data || []).map(d => ({ at: d.yAxis ?? d[0]?.yAxis, label: s.markLine.label.formatter })) }))
            """);
        var bySeries = lines.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("lines").EnumerateArray().ToList());
        var satisfactionLine = Assert.Single(bySeries["处理满意率"]);
        Assert.Equal(satisfaction, satisfactionLine.GetProperty("at").GetDouble());
        Assert.Equal("满意率目标 85%", satisfactionLine.GetProperty("label").GetString());
        var onTimeLine = Assert.Single(bySeries["按时回复率"]);
        Assert.Equal(onTime, onTimeLine.GetProperty("at").GetDouble());
        Assert.Equal("按时回复率、按时解决率目标 100%", onTimeLine.GetProperty("label").GetString());
        Assert.Empty(bySeries["按时解决率"]); // read against the on-time line above, which names it
        Assert.Empty(session.Errors);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task In_a_matrix_a_count_of_nothing_is_0_and_a_rate_of_nothing_is_a_dash(string language)
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/?lang=" + language);
        await session.Open("/explore?measures=complaints,reply_on_time_rate&x=department&series=quarter&visual=matrix");
        var counts = await session.Page.Locator("table.matrix td[data-measure=complaints]").AllInnerTextsAsync();
        Assert.NotEmpty(counts);
        Assert.DoesNotContain("–", counts);
        // The demo has departments without a complaint in some quarter: that count is 0, and its on-time rate (of no
        // complaints) has no value, "–".
        var empty = await session.Page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('table.matrix tbody td[data-measure=complaints]')].filter(td => td.textContent === '0')
                .map(td => [td.textContent, td.nextElementSibling.dataset.measure, td.nextElementSibling.textContent])
            """);
        Assert.NotEmpty(empty);
        Assert.All(empty, cell => Assert.Equal(["0", "reply_on_time_rate", "–"], cell));
        Assert.Empty(session.Errors);
    }

    /// <summary>Whether the first element the selector finds lies wholly inside the screen and inside its table's visible part.</summary>
    private static Task<bool> InView(Session session, string selector) => session.Page.EvaluateAsync<bool>("""
        selector => {
            const cell = document.querySelector(selector).getBoundingClientRect();
            const wrap = document.querySelector(selector).closest('.table-wrap').getBoundingClientRect();
            return cell.left >= 0 && cell.right <= innerWidth && cell.left >= wrap.left - 1 && cell.right <= wrap.right + 1;
        }
        """, selector);
}
