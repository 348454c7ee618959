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
        var link = session.Page.Locator("#table-assessment td[data-col=department] a").First;
        var code = (await link.GetAttributeAsync("href"))!.Split("code=")[1].Split('&')[0];
        await link.FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.WaitForURLAsync(url => url.Contains("/department?code=" + code, StringComparison.Ordinal));
        await session.Settled();
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
}
