using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Defects a user met on the pages: stray text, untranslated values, a layout that paired a tick with the wrong
/// measure, numbers shown as unknown or in the wrong unit, keyboard focus lost, a save that left its card stale, and a
/// filter the slicers did not show.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageDetailsBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("viewer")]
    [InlineData("log-manager")]
    public async Task The_findings_of_a_user_without_notices_show_no_stray_null(string user)
    {
        await using var session = await browser.SignIn(user);
        await session.Open("/");
        var findings = await session.Page.InnerTextAsync("#findings");
        Assert.NotEmpty(findings.Trim());
        Assert.DoesNotContain("null", findings, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_complaints_satisfaction_is_a_word_of_the_pages_language()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/rows/complaints?page_size=200");
        var chinese = (await session.Page.Locator("td[data-col=satisfaction]").AllInnerTextsAsync()).Where(v => v != "–").Distinct().ToList();
        Assert.NotEmpty(chinese);
        Assert.All(chinese, v => Assert.Contains(v, new[] { "满意", "基本满意", "不满意" }));

        await session.Open("/rows/complaints?page_size=200&lang=en");
        var english = (await session.Page.Locator("td[data-col=satisfaction]").AllInnerTextsAsync()).Where(v => v != "–").Distinct().ToList();
        Assert.All(english, v => Assert.Contains(v, new[] { "Satisfied", "Neutral", "Dissatisfied" }));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Each_measure_tick_sits_beside_its_own_label_in_explore()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore");
        // Each tick's width and the gap to its own label: a 120 px wide checkbox drew its 16 px tick in the middle,
        // as near the label before it as its own.
        var ticks = await session.Page.EvaluateAsync<double[][]>(@"() => [...document.querySelectorAll('#measures label.check')].map(l => {
            const box = l.querySelector('input').getBoundingClientRect();
            const range = document.createRange(); range.selectNodeContents(l); const text = [...range.getClientRects()].pop();
            return [box.width, text.left - box.right];
        })");
        Assert.NotEmpty(ticks);
        Assert.All(ticks, tick =>
        {
            Assert.True(tick[0] <= 24, $"a tick {tick[0]} px wide");
            Assert.True(tick[1] <= 12, $"a tick {tick[1]} px from its label");
        });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_quarter_without_complaints_counts_zero_and_rates_change_in_points()
    {
        await using var session = await browser.SignIn("committee");
        var none = await Api(session, "/api/query?measures=complaints&dimensions=quarter&department=STO&channel=意见箱&from=2026Q2&to=2026Q3");
        Assert.Equal(0, none.GetProperty("rows").GetArrayLength()); // the case: no complaints, so no mart row, in either quarter

        await session.Open("/?department=STO&channel=意见箱");
        Assert.Equal("0", await session.Page.InnerTextAsync("[data-kpi=complaints] .value"));
        Assert.Equal("较上季度 ±0", await session.Page.InnerTextAsync("[data-kpi=complaints] [data-delta=quarter]"));

        await session.Open("/");
        var delta = await session.Page.InnerTextAsync("[data-kpi=satisfaction] [data-delta=quarter]");
        Assert.Matches(@"^较上季度 [+−±]\d+\.\d 个百分点$", delta);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Each_card_also_compares_with_the_same_quarter_a_year_before()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        var to = await session.Page.EvaluateAsync<string>("() => QA.quarterRange().then(r => r.to)");
        var yearAgo = await session.Page.EvaluateAsync<string>($"() => QA.shiftQuarter('{to}', -4)");
        var totals = await Api(session, $"/api/query?measures=total&dimensions=quarter&from={yearAgo}&to={to}");
        decimal TotalOf(string quarter) => totals.GetProperty("rows").EnumerateArray()
            .Single(r => r[0].GetString() == quarter)[1].GetDecimal();
        var change = TotalOf(to) - TotalOf(yearAgo);
        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        Assert.Equal($"较去年同期 {sign}{Math.Abs(change):0.00}", await session.Page.InnerTextAsync("[data-kpi=total] [data-delta=year]"));
        Assert.StartsWith("较上季度 ", await session.Page.InnerTextAsync("[data-kpi=total] [data-delta=quarter]"), StringComparison.Ordinal);

        // The first quarter of the data has no year before it: the card says so instead of a change.
        var first = await session.Page.EvaluateAsync<string>("() => QA.quarterRange().then(r => r.all[0])");
        await session.Open($"/?from={first}&to={first}");
        Assert.Equal("无去年同期数据", await session.Page.InnerTextAsync("[data-kpi=total] [data-delta=year]"));

        await session.Open("/?lang=en");
        Assert.Matches(@"^[+−±][\d.]+ on the same quarter last year$", await session.Page.InnerTextAsync("[data-kpi=total] [data-delta=year]"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_departments_cards_compare_with_its_quarter_before_and_a_year_before_a_falling_deduction_being_good_news()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/department?code=LOG");
        var quarter = await session.Page.InputValueAsync("#slicer-q");
        async Task<JsonElement> Log(int back)
        {
            var q = await session.Page.EvaluateAsync<string>($"() => QA.shiftQuarter('{quarter}', {-back})");
            return (await Api(session, $"/api/assessments/{q}")).GetProperty("assessments").EnumerateArray().Single(a => a.GetProperty("department").GetString() == "LOG");
        }
        var (now, before, yearBefore) = (await Log(0), await Log(1), await Log(4));
        static string Change(decimal change, string format) =>
            (change > 0 ? "+" : change < 0 ? "−" : "±") + Math.Abs(change).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        decimal Field(JsonElement a, string field) => a.GetProperty(field).GetDecimal();

        foreach (var (card, field, format) in new[] { ("total", "total", "0.00"), ("amount", "amount", "#,0.00"), ("self_check", "self_check", "0.00"), ("callback_deduction", "callback_deduction", "0.00") })
        {
            Assert.Equal($"较上季度 {Change(Field(now, field) - Field(before, field), format)}", await session.Page.InnerTextAsync($"[data-kpi={card}] [data-delta=quarter]"));
            Assert.Equal($"较去年同期 {Change(Field(now, field) - Field(yearBefore, field), format)}", await session.Page.InnerTextAsync($"[data-kpi={card}] [data-delta=year]"));
        }
        // Higher is better for a score, lower for a deduction: the colour says which way is good news.
        async Task<string?> Tone(string card, string against) => await session.Page.GetAttributeAsync($"[data-kpi={card}] [data-delta={against}]", "class");
        var totalChange = Field(now, "total") - Field(yearBefore, "total");
        if (totalChange != 0) Assert.Contains(totalChange > 0 ? "up" : "down", await Tone("total", "year"), StringComparison.Ordinal);
        var deductionChanges = new[] { ("quarter", Field(now, "callback_deduction") - Field(before, "callback_deduction")), ("year", Field(now, "callback_deduction") - Field(yearBefore, "callback_deduction")) };
        foreach (var (against, change) in deductionChanges.Where(c => c.Item2 != 0))
        {
            Assert.Contains(change < 0 ? "up" : "down", await Tone("callback_deduction", against), StringComparison.Ordinal);
        }

        // The first quarter of the data has no quarter before it: the card says so.
        var first = await session.Page.EvaluateAsync<string>("() => QA.quarterRange().then(r => r.all[0])");
        await session.Open($"/department?code=LOG&from={first}&q={first}");
        Assert.Equal("无上季度数据", await session.Page.InnerTextAsync("[data-kpi=total] [data-delta=quarter]"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Sorting_and_paging_by_keyboard_keep_the_focus_on_the_control()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/rows/complaints");
        var sort = "#rows-table th[data-col=received_at] button";
        await session.Page.FocusAsync(sort);
        await session.AndSettle(() => session.Page.Keyboard.PressAsync("Enter"));
        Assert.Equal("ascending", await session.Page.GetAttributeAsync("#rows-table th[data-col=received_at]", "aria-sort"));
        Assert.True(await session.Page.EvaluateAsync<bool>($"() => document.activeElement === document.querySelector('{sort}')"), "focus left the sort header");
        await session.AndSettle(() => session.Page.Keyboard.PressAsync("Enter"));
        Assert.Equal("descending", await session.Page.GetAttributeAsync("#rows-table th[data-col=received_at]", "aria-sort"));

        await session.Page.FocusAsync("#pager [data-pager=next]");
        await session.AndSettle(() => session.Page.Keyboard.PressAsync("Enter"));
        Assert.Contains("page=2", session.Page.Url, StringComparison.Ordinal);
        Assert.True(await session.Page.EvaluateAsync<bool>("() => document.activeElement?.closest('#pager') !== null"), "focus left the pager");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_note_not_written_yet_says_so_once_to_a_reader()
    {
        // The committee reads the notes: a card with nothing written showed 原因分析 – / 改进措施 – / 尚未填写。
        await using var session = await browser.SignIn("committee");
        foreach (var (url, none) in new[] { ("/notes", "尚未填写。"), ("/notes?lang=en", "Not written yet.") })
        {
            await session.Open(url);
            var cards = session.Page.Locator("section[data-department]");
            Assert.True(await cards.CountAsync() > 0);
            var unwritten = 0;
            foreach (var card in await cards.AllAsync())
            {
                var text = await card.InnerTextAsync();
                if (!text.Contains(none, StringComparison.Ordinal)) continue;
                unwritten++;
                Assert.Equal(0, await card.Locator("h3, p.note-text").CountAsync());
                Assert.Equal(2, text.Split(none).Length); // said once
            }
            Assert.True(unwritten > 0, "no card without notes to check");
        }
        await session.Screenshot("notes-unwritten-1280");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_survey_answers_score_is_shown_as_given_not_with_two_decimals()
    {
        // Answers are points (5, 4.5 of 5): they showed as 5.00 / 5.00.
        await using var session = await browser.SignIn("committee");
        await session.Open("/rows/surveys");
        var answer = await session.Page.EvaluateAsync<System.Text.Json.JsonElement>("fetch('/api/rows/surveys').then(r => r.json())");
        var names = answer.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        foreach (var column in new[] { "score", "scale" })
        {
            var given = answer.GetProperty("rows").EnumerateArray().Select(r => r[names.IndexOf(column)])
                .Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "–").ToList();
            Assert.NotEmpty(given);
            Assert.Equal(given, await session.Page.Locator($"#rows-table td[data-col={column}]").AllInnerTextsAsync());
        }
        Assert.DoesNotContain("5.00", await session.Page.Locator("#rows-table td[data-col=score]").AllInnerTextsAsync());
        await session.Screenshot("surveys-score-1280");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_saved_note_no_longer_says_it_is_not_written()
    {
        await using var session = await browser.SignIn("wg");
        await session.Open("/notes?quarter=2025Q1&department=MET");
        var card = session.Page.Locator("[data-department=MET]");
        Assert.Equal("尚未填写。", await card.Locator(":scope > p.hint").InnerTextAsync());
        await session.Page.FillAsync("#causes-MET", "计量器具校准滞后");
        await session.Page.FillAsync("#solutions-MET", "每月校准一次");
        await session.AndSettle(() => card.Locator("button[type=submit]").ClickAsync());
        var line = await card.Locator(":scope > p.hint").InnerTextAsync();
        Assert.Contains("更新", line, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未填写", line, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_filter_the_slicers_cannot_show_is_dropped_rather_than_silently_applied()
    {
        await using var session = await browser.SignIn("log-manager");
        await session.Open("/rows/complaints?department=BID");
        Assert.Equal("", await session.Page.InputValueAsync("#slicer-department")); // the select can only say "all"…
        var departments = await session.Page.Locator("#rows-table td[data-col=department]").AllInnerTextsAsync();
        Assert.NotEmpty(departments);                                              // …and the rows are all the manager may see
        Assert.All(departments, d => Assert.Equal("LOG", d));
        Assert.DoesNotContain("department=BID", session.Page.Url, StringComparison.Ordinal);

        await session.Open("/department?code=BID");
        Assert.Contains("code=LOG", session.Page.Url, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_quarter_range_given_backwards_is_read_as_the_range_it_names()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/rows/complaints?from=2026Q2&to=2025Q3");

        Assert.Equal(("2025Q3", "2026Q2"), (await session.Page.InputValueAsync("#slicer-from"), await session.Page.InputValueAsync("#slicer-to")));
        Assert.NotEmpty(await session.Page.Locator("#rows-table td[data-col=complaint_id]").AllInnerTextsAsync());
        Assert.Contains("from=2025Q3", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains("to=2026Q2", session.Page.Url, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Explore_names_departments_on_its_axis()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=total&x=department&visual=bar");

        var axis = await session.Chart<string[]>("chart-explore", "option.xAxis[0].data");
        Assert.Contains("物流业务部", axis);
        Assert.DoesNotContain("LOG", axis);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_rankings_pass_line_is_labelled_above_the_plot_not_over_the_top_bar()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        // Along the vertical line (ECharts' insideEndTop) the label ran over the best department's bar.
        Assert.Equal("end", await session.Chart<string>("chart-ranking", "option.series[0].markLine.label.position"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Explore_charts_every_chosen_measure_when_grouped_by_a_second_dimension()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=bar");

        var names = await session.Chart<string[]>("chart-explore", "option.series.map(s => s.name)");
        var channels = await session.Page.Locator("#table-explore td[data-col=channel]").AllInnerTextsAsync();
        var expected = channels.Distinct().SelectMany(c => new[] { $"{c} · 投诉数", $"{c} · 有效投诉" }).Order(StringComparer.Ordinal);
        Assert.Equal(expected, names.Order(StringComparer.Ordinal));

        // One measure keeps the plain names of the groups.
        await session.Open("/explore?measures=complaints&x=quarter&series=channel&visual=bar");
        Assert.Equal(channels.Distinct().Order(StringComparer.Ordinal),
            (await session.Chart<string[]>("chart-explore", "option.series.map(s => s.name)")).Order(StringComparer.Ordinal));
        Assert.Empty(session.Errors);
    }

    private static async Task<JsonElement> Api(Session session, string url)
    {
        var response = await session.Page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }
}
