using System.Text.Json;
using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>"Keyboard reachable": the overview driven by the Tab key alone, as a person without a mouse would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardBrowserTests(BrowserFixture browser)
{
    /// <summary>What the keyboard must reach: every slicer, the language switch, and the keyboard's way to drill down
    /// from the ranking chart (a click on a bar opens the department): the assessment table's department links.</summary>
    private static readonly string[] MustReach =
    [
        "#slicer-from", "#slicer-to", "#slicer-department", "#slicer-grade", "#slicer-channel", "#slicer-category",
        ".account .lang", "#table-assessment td[data-col=department] a",
    ];

    [Fact]
    public async Task Tab_reaches_the_slicers_the_language_switch_and_the_drill_down_links_of_the_overview()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        var reached = new HashSet<string>();
        var path = new List<string>(); // where the focus went, for the failure message
        for (var i = 0; i < 200 && reached.Count < MustReach.Length; i++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            var focus = await session.Page.EvaluateAsync<string[]>(
                "selectors => [(a => a.tagName + (a.id ? '#' + a.id : '') + (a.getAttribute('href') ? '[' + a.getAttribute('href') + ']' : ''))(document.activeElement)]" +
                ".concat(selectors.filter(s => [...document.querySelectorAll(s)].includes(document.activeElement)))", MustReach);
            path.Add(focus[0]);
            reached.UnionWith(focus.Skip(1));
        }
        Assert.True(reached.Count == MustReach.Length,
            $"Tab never reached {string.Join(", ", MustReach.Except(reached))}; the focus went: {string.Join(" → ", path)}");

        // Enter on a focused department link drills to that department, as a click on its bar does.
        // Focused and pressed in one step (the locator's own press: focus, then the key), once the page has settled. With a
        // separate focus and key press a busy CI run once saw no navigation at all; one step leaves no moment between them.
        await session.Settled();
        var link = session.Page.Locator("#table-assessment td[data-col=department] a").First;
        var code = (await link.GetAttributeAsync("href"))!.Split("code=")[1].Split('&')[0];
        await link.PressAsync("Enter");
        await session.Arrived(url => url.Contains("/department?code=" + code, StringComparison.Ordinal));
        Assert.Contains($"({code})", await session.Page.InnerTextAsync("#department-title"), StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_chart_tells_a_screen_reader_what_it_shows_not_only_its_title()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        // The ranking's bars (department, total) as the chart holds them: a reader hears each, the total to 2 decimals.
        var bars = await session.Chart<string[][]>("chart-ranking",
            "option.yAxis[0].data.map((name, i) => { const v = option.series[0].data[i].value; return [name, Number.isInteger(v) ? String(v) : v.toFixed(2)]; })");
        var chart = session.Page.Locator("#chart-ranking");
        Assert.Equal("img", await chart.GetAttributeAsync("role"));
        var label = (await chart.GetAttributeAsync("aria-label"))!;
        Assert.StartsWith("部门排名（总分）。总分：", label, StringComparison.Ordinal);
        Assert.All(bars, bar => Assert.Contains($"{bar[0]} {bar[1]}", label, StringComparison.Ordinal));
        // The grade pie's one series is unnamed: its slices speak for themselves, with no empty "：" before them.
        Assert.Matches("^等次分布。(优秀|合格|不合格|未考核) \\d+", (await session.Page.GetAttributeAsync("#chart-grades", "aria-label"))!);

        // A rate reads as a percentage, and the forecast band's helper series (no tooltip, no point of its own) and the
        // quarters without a value are left out rather than read as "NaN".
        await session.Open("/department?code=LOG&lang=en");
        var service = (await session.Page.GetAttributeAsync("#chart-service", "aria-label"))!;
        Assert.StartsWith("Service targets. Satisfaction: ", service, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}Q\d \d+\.\d%", service);
        var trend = (await session.Page.GetAttributeAsync("#chart-trend", "aria-label"))!;
        Assert.DoesNotContain("NaN", trend, StringComparison.Ordinal);
        Assert.DoesNotContain("prediction interval", trend, StringComparison.Ordinal);
        Assert.Contains("forecast: ", trend, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Theory]
    [InlineData("zh-CN", "打开{0}的部门页")]
    [InlineData("en", "Open the department page of {0}")]
    public async Task Each_finding_s_link_names_the_department_it_opens_not_an_arrow(string language, string name)
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/?lang=" + language);
        var response = await session.Page.APIRequest.GetAsync("/api/findings/" + await session.Page.InputValueAsync("#slicer-to"));
        // The page lists the first 10 findings; those about a department link to it.
        var findings = (await response.JsonAsync())!.Value.EnumerateArray().Take(10)
            .Where(f => f.GetProperty("department").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(findings); // the demo's quarter has findings about departments

        var links = session.Page.Locator("#findings ol.ranked li a");
        Assert.Equal(findings.Count, await links.CountAsync());
        for (var i = 0; i < findings.Count; i++)
        {
            var department = findings[i].GetProperty("department_name").GetString()!;
            // The accessible name as the browser computes it, which a screen reader speaks: was "→" ("right arrow").
            await Assertions.Expect(links.Nth(i)).ToHaveAccessibleNameAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, name, department));
        }
        Assert.Empty(session.Errors);
    }

    /// <summary>A series longer than the summary's 24 points: a time series is told by its latest 24 points (the ones that
    /// matter now), a list of categories (biggest first, as the queries order them) by its first 24. Drawn by the page's
    /// own draw() with 30 months or 30 categories.</summary>
    [Theory]
    [InlineData("zh-CN", true, "测试图。数量：最近 24 个（共 30 个）：2025-01 7，", "2026-12 30。", "2024-12 ")]
    [InlineData("en", true, "Test chart. Count: the latest 24 of 30: 2025-01 7, ", "2026-12 30.", "2024-12 ")]
    [InlineData("zh-CN", false, "测试图。数量：类别1 1，", "类别24 24，等 6 项。", "类别25 ")]
    public async Task A_long_series_is_summarised_by_its_latest_points_when_it_is_a_time_series(string language, bool months, string start, string end, string leftOut)
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/?lang=" + language);
        var label = await session.Page.EvaluateAsync<string>(@"months => {
            const names = Array.from({ length: 30 }, (_, i) => months
                ? `${2024 + Math.floor((i + 6) / 12)}-${String((i + 6) % 12 + 1).padStart(2, '0')}` : (QA.lang === 'zh' ? '类别' : 'Category ') + (i + 1));
            const node = QA.el('div', { 'data-title': months ? (QA.lang === 'zh' ? '测试图' : 'Test chart') : '测试图', style: 'width:400px;height:200px' });
            document.body.append(node);
            QA.draw(node, { xAxis: { type: 'category', data: names }, yAxis: { type: 'value' },
                series: [{ type: 'bar', name: QA.lang === 'zh' ? '数量' : 'Count', data: names.map((_, i) => i + 1) }] });
            return node.getAttribute('aria-label');
        }", months);
        Assert.StartsWith(start, label, StringComparison.Ordinal);
        Assert.EndsWith(end, label, StringComparison.Ordinal);
        Assert.DoesNotContain(leftOut, label, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }
}
