using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The dashboard in a real headless Chromium: slicers cross-filter every visual, clicks drill to the rows,
/// exports download what is shown, the language switches, and a department manager sees only their department.
/// Charts are read through ECharts' own API (getOption) and tables through their cells.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser)
{
    private const string RankingNames = "option.yAxis[0].data";

    [Fact]
    public async Task A_slicer_filters_every_chart_and_the_table_and_lives_in_the_url()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        Assert.Equal(7, (await session.Chart<string[]>("chart-ranking", RankingNames)).Length);
        var complaintsBefore = await session.Chart<double>("chart-categories", "option.series[0].data.reduce((a, b) => a + b, 0)");
        var trendBefore = await session.Chart<double?[]>("chart-trend", "option.series[0].data");

        await session.AndSettle(() => session.Page.SelectOptionAsync("#slicer-department", "LOG"));

        Assert.Equal(["物流业务部"], await session.Chart<string[]>("chart-ranking", RankingNames));
        var complaintsAfter = await session.Chart<double>("chart-categories", "option.series[0].data.reduce((a, b) => a + b, 0)");
        Assert.True(complaintsAfter > 0 && complaintsAfter < complaintsBefore, $"complaints {complaintsBefore} → {complaintsAfter}");
        var expected = await Api(session, "/api/query?measures=complaints&dimensions=category&department=LOG");
        Assert.Equal(expected.GetProperty("rows").EnumerateArray().Sum(r => r[1].GetDouble()), complaintsAfter);
        var trendAfter = await session.Chart<double?[]>("chart-trend", "option.series[0].data");
        Assert.NotEqual(trendBefore, trendAfter);
        var lines = await Api(session, "/api/query?measures=total&dimensions=quarter&department=LOG");
        Assert.Equal(lines.GetProperty("rows").EnumerateArray().Select(r => (double?)r[1].GetDouble()).TakeLast(trendAfter.Length), trendAfter);
        var departments = await session.Page.Locator("#table-assessment td[data-col=department]").AllInnerTextsAsync();
        Assert.Equal(["物流业务部 (LOG)"], departments);
        Assert.Contains("department=LOG", session.Page.Url, StringComparison.Ordinal);

        // The URL is the view: reloading (or sharing the link) shows the same filtered page.
        await session.Open(session.Page.Url);
        Assert.Equal("LOG", await session.Page.InputValueAsync("#slicer-department"));
        Assert.Single(await session.Chart<string[]>("chart-ranking", RankingNames));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Clicking_a_category_bar_opens_the_complaints_of_that_category()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/?department=LOG");
        var category = await session.Chart<string>("chart-categories", "option.xAxis[0].data[0]");
        await session.Page.Locator("#chart-categories").ScrollIntoViewIfNeededAsync();
        // A click during the bars' entry animation (longer on a busy machine) can land above a bar still growing, as a
        // person's might: click again at the bar's centre until the page navigates, as a person would.
        // A navigation that a slow machine finishes only after the wait below gave up has left the chart's page: then
        // there is nothing more to click (the page it went to is checked after the loop).
        static bool Navigated(string url) => url.Contains("/rows/complaints", StringComparison.Ordinal);
        for (var attempt = 1; !Navigated(session.Page.Url); attempt++)
        {
            var point = await session.Page.EvaluateAsync<double[]?>(
                "() => { const e = document.getElementById('chart-categories'); if (!e) return null; const c = echarts.getInstanceByDom(e); " +
                "const bar = c.getModel().getSeriesByIndex(0).getData().getItemLayout(0); return [bar.x + bar.width / 2, bar.y + bar.height / 2]; }");
            if (point is null) break;
            var box = (await session.Page.Locator("#chart-categories").BoundingBoxAsync())!;
            await session.Page.Mouse.ClickAsync((float)(box.X + point[0]), (float)(box.Y + point[1]));
            try
            {
                await session.Navigated(Navigated, 5_000);
                break;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
        await session.Arrived(Navigated, 30_000);

        Assert.Contains("category=" + Uri.EscapeDataString(category), session.Page.Url, StringComparison.Ordinal);
        var categories = await session.Page.Locator("#rows-table td[data-col=category]").AllInnerTextsAsync();
        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.Equal(category, c));
        Assert.All(await session.Page.Locator("#rows-table td[data-col=department]").AllInnerTextsAsync(), d => Assert.Equal("LOG", d));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_on_time_reply_card_opens_the_quarters_complaints_and_their_status_narrows_them()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/?department=LOG");
        var quarter = (await session.Page.InnerTextAsync("#overview-quarter")).Trim();

        var card = (await session.Page.InnerTextAsync("[data-kpi=reply] .value")).Trim();
        await session.Page.ClickAsync("[data-kpi=reply] .value a");
        await session.Arrived(url => url.Contains("/rows/complaints", StringComparison.Ordinal), 30_000);
        Assert.Contains("department=LOG", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains(await session.Page.Locator("th[data-col=reply_status]").AllInnerTextsAsync(), h => h == "回复情况");
        // The tally above the rows gives back the card's rate.
        Assert.EndsWith("按时率 " + card, (await session.Page.InnerTextAsync("[data-tally=reply_status]")).Trim(), StringComparison.Ordinal);

        var from = Uri.UnescapeDataString(session.Page.Url.Split("from=")[1].Split('&')[0]);
        Assert.Contains(from, quarter, StringComparison.Ordinal);
        // The first of the statuses that the quarter's LOG complaints have, misses first.
        var (status, word, total) = (await Task.WhenAll(new[] { ("late", "超时完成"), ("overdue", "超时未完成"), ("on_time", "按时完成") }.Select(async s =>
            (s.Item1, s.Item2, (await Api(session, $"/api/rows/complaints?department=LOG&from={from}&to={from}&reply_status={s.Item1}")).GetProperty("total").GetInt32()))))
            .First(s => s.Item3 > 0);

        await session.AndSettle(() => session.Page.ClickAsync($"[data-tally=reply_status] [data-status={status}]"));
        Assert.Equal(status, await session.Page.InputValueAsync("#slicer-reply_status"));
        var shown = await session.Page.Locator("#rows-table td[data-col=reply_status]").AllInnerTextsAsync();
        Assert.Equal(Math.Min(50, total), shown.Count);
        Assert.All(shown, s => Assert.Equal(word, s));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Exports_download_the_rows_with_the_filters_on_the_page()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/rows/complaints?department=LOG&from=2025Q1&to=2026Q2");
        var total = await Api(session, "/api/rows/complaints?department=LOG&from=2025Q1&to=2026Q2");

        var csv = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("#exports [data-export=csv]"));
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("投诉编号", lines[0], StringComparison.Ordinal);
        Assert.Equal(total.GetProperty("total").GetInt32(), lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(",LOG,", line, StringComparison.Ordinal));
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);

        var xlsx = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("#exports [data-export=xlsx]"));
        var zip = await File.ReadAllBytesAsync((await xlsx.PathAsync())!);
        Assert.Equal("PK"u8.ToArray(), zip[..2]);

        // A chart's export carries the chart's own query (the slicers included).
        await session.Open("/?department=LOG");
        var href = await session.Page.GetAttributeAsync("#chart-categories >> xpath=.. >> [data-export=csv]", "href");
        Assert.Contains("department=LOG", href, StringComparison.Ordinal);
        Assert.Contains("measures=complaints", href, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Switching_to_English_changes_the_pages_the_charts_and_the_api_labels()
    {
        await using var session = await browser.SignIn("viewer");
        await session.Open("/");
        Assert.Equal("zh-CN", await session.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("平均总分", await session.Page.InnerTextAsync("[data-kpi=total] .name"));

        await session.Page.ClickAsync(".account .lang");
        await session.Settled();
        Assert.Equal("en", await session.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Overview", await session.Page.InnerTextAsync("nav a[href='/']"));
        Assert.Equal("Average total", await session.Page.InnerTextAsync("[data-kpi=total] .name"));
        Assert.Equal("Department", await session.Page.InnerTextAsync("#table-assessment th[data-col=department]"));
        Assert.Contains("Complaints", await session.Chart<string[]>("chart-categories", "option.series.map(s => s.name)"));

        // The choice sticks (culture cookie) on the next page, including the API's English column labels.
        await session.Open("/rows/complaints");
        Assert.Equal("Complaint", await session.Page.InnerTextAsync("th[data-col=complaint_id]"));
        Assert.Equal("Previous", await session.Page.InnerTextAsync("#pager button >> nth=0"));
        Assert.DoesNotContain("投诉编号", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        // The contract's channels are words of the page's language (the filter keeps the stored value); data stays as stored.
        Assert.Contains("Phone", await session.Page.Locator("td[data-col=channel]").AllInnerTextsAsync());
        Assert.DoesNotContain("电话", await session.Page.Locator("td[data-col=channel]").AllInnerTextsAsync());
        var channels = await session.Page.Locator("#slicer-channel option").EvaluateAllAsync<string[][]>("os => os.map(o => [o.value, o.textContent])");
        Assert.Contains(channels, o => o[0] == "意见箱" && o[1] == "Suggestion box");
        await session.Screenshot("overview-en-rows-1280");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_department_manager_sees_only_their_department_everywhere()
    {
        await using var session = await browser.SignIn("log-manager");
        await session.Open("/");
        Assert.Equal(["物流业务部"], await session.Chart<string[]>("chart-ranking", RankingNames));
        Assert.Equal(["", "LOG"], await session.Page.Locator("#slicer-department option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        Assert.Equal(["物流业务部 (LOG)"], await session.Page.Locator("#table-assessment td[data-col=department]").AllInnerTextsAsync());

        await session.Open("/rows/complaints?page_size=200");
        var departments = await session.Page.Locator("#rows-table td[data-col=department]").AllInnerTextsAsync();
        Assert.NotEmpty(departments);
        Assert.All(departments, d => Assert.Equal("LOG", d));

        await session.Open("/department?code=STO");
        Assert.Contains("LOG", await session.Page.InnerTextAsync("#department-title"), StringComparison.Ordinal);
        await session.Open("/notes");
        Assert.Equal(["LOG"], await session.Page.Locator("[data-department]").EvaluateAllAsync<string[]>("s => s.map(x => x.dataset.department)"));
        Assert.DoesNotContain("/data", await session.Page.Locator("nav a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));

        await session.Page.GotoAsync("/data");
        Assert.Contains("/denied", session.Page.Url, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_number_explains_itself_and_its_row_ids_open_the_rows()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/department?code=LOG&q=2026Q2");
        await session.AndSettle(() => session.Page.ClickAsync("[data-kpi=complaint_score] button.explain"));
        var dialog = session.Page.Locator("#explain-dialog");
        Assert.True(await dialog.IsVisibleAsync());
        // In the page's language (zh-CN by default); the API gives the English with ?lang=en.
        Assert.Contains("C = 100 − 10 × 2 件有效投诉", await dialog.InnerTextAsync(), StringComparison.Ordinal);
        var english = await Api(session, "/api/assessments/2026Q2/LOG/explain?lang=en");
        Assert.Contains(english.GetProperty("explanation").EnumerateArray(),
            l => l.GetProperty("formula").GetString()!.StartsWith("C = 100 − 10 × 2 valid", StringComparison.Ordinal));

        await dialog.Locator("a", new LocatorLocatorOptions { HasText = "TS-2026Q2-LOG-01" }).First.ClickAsync();
        await session.Arrived(url => url.Contains("complaint_id=TS-2026Q2-LOG-01", StringComparison.Ordinal));
        Assert.Equal(["TS-2026Q2-LOG-01"], await session.Page.Locator("#rows-table td[data-col=complaint_id]").AllInnerTextsAsync());
        Assert.Equal(1, await session.Page.Locator("#chips [data-chip=complaint_id]").CountAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_callback_deduction_opens_the_callbacks_behind_it()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/department?code=MET&q=2026Q3");
        await session.AndSettle(() => session.Page.ClickAsync("[data-kpi=callback_deduction] button.explain"));
        var links = session.Page.Locator("#explain-dialog [data-component=K] .ids a");
        Assert.True(await links.CountAsync() > 0, "the callbacks behind K are not links");
        var id = await links.First.InnerTextAsync();

        await links.First.ClickAsync();
        await session.Arrived(url => url.Contains("/rows/callbacks", StringComparison.Ordinal));
        Assert.Equal("回访明细", await session.Page.InnerTextAsync("h1"));
        Assert.Equal([id], await session.Page.Locator("#rows-table td[data-col=callback_id]").AllInnerTextsAsync());
        Assert.Equal(1, await session.Page.Locator("#chips [data-chip=callback_id]").CountAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_department_page_lists_the_complaints_that_missed_a_target_and_opens_them()
    {
        await using var session = await browser.SignIn("committee");
        var expected = new List<string>();
        string department = "";
        foreach (var code in new[] { "BID", "LOG", "MET", "MKT", "ORD", "STO", "WUH" })
        {
            var late = (await Api(session, $"/api/analysis/2026Q3/departments/{code}")).GetProperty("late").EnumerateArray()
                .Select(l => l.GetProperty("complaintId").GetString()!).ToList();
            if (late.Count > expected.Count) (department, expected) = (code, late);
        }
        Assert.NotEmpty(expected);

        await session.Open($"/department?code={department}&to=2026Q3");
        Assert.Equal("未按时处理的投诉（2026Q3）", await session.Page.InnerTextAsync("#late-complaints >> xpath=.. >> h2"));
        var ids = await session.Page.Locator("#late-complaints td[data-col=complaintId]").AllInnerTextsAsync();
        Assert.Equal(expected, ids);
        Assert.All(await session.Page.Locator("#late-complaints td[data-col=status]").AllInnerTextsAsync(), v => Assert.Contains(v, new[] { "超时完成", "超时未完成" }));
        // A solution is due by the end of a working day: "…-27 24:00", not the next day's 00:00.
        var solutionDues = await session.Page.Locator("#late-complaints tr:has(td[data-col=target]:text-is('解决')) td[data-col=dueText]").AllInnerTextsAsync();
        Assert.NotEmpty(solutionDues);
        Assert.All(solutionDues, d => Assert.EndsWith(" 24:00", d, StringComparison.Ordinal));

        await session.Page.Locator("#late-complaints td[data-col=complaintId] a").First.ClickAsync();
        await session.Arrived(url => url.Contains("complaint_id=", StringComparison.Ordinal));
        Assert.Equal([ids[0]], await session.Page.Locator("#rows-table td[data-col=complaint_id]").AllInnerTextsAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_overview_lists_every_visible_departments_complaints_that_missed_a_target()
    {
        await using var committee = await browser.SignIn("committee");
        var expected = (await Api(committee, "/api/analysis/2026Q3/late")).EnumerateArray().Select(l => l.GetProperty("complaintId").GetString()!).ToList();
        Assert.NotEmpty(expected);
        await committee.Open("/?to=2026Q3");
        Assert.Equal(expected, await committee.Page.Locator("#late-complaints td[data-col=complaintId]").AllInnerTextsAsync());
        Assert.True(await committee.Page.Locator("#late-complaints td[data-col=departmentCode] a").CountAsync() > 0);

        // The department slicer narrows it, as it narrows every visual of the page.
        var department = (await Api(committee, "/api/analysis/2026Q3/late")).EnumerateArray().First().GetProperty("departmentCode").GetString()!;
        await committee.Open($"/?to=2026Q3&department={department}");
        var narrowed = await committee.Page.Locator("#late-complaints td[data-col=departmentCode]").AllInnerTextsAsync();
        Assert.NotEmpty(narrowed);
        Assert.All(narrowed, d => Assert.EndsWith($"({department})", d, StringComparison.Ordinal));
        Assert.Empty(committee.Errors);
    }

    [Fact]
    public async Task A_finding_with_several_clauses_lists_them_one_per_line_with_the_department_link_last()
    {
        await using var committee = await browser.SignIn("committee");
        var ranked = (await Api(committee, "/api/findings/2026Q3")).EnumerateArray().Take(10).ToList();
        var index = ranked.FindIndex(f => f.GetProperty("evidence_zh_clauses").GetArrayLength() > 2);
        Assert.True(index >= 0, "the demo's 2026Q3 has a finding with several clauses (武汉业务部's decline)");
        var clauses = ranked[index].GetProperty("evidence_zh_clauses").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(ranked[index].GetProperty("evidence_zh").GetString(), string.Join("；", clauses));

        await committee.Open("/?to=2026Q3");

        var item = committee.Page.Locator("#findings ol.ranked > li").Nth(index);
        var lines = (await item.Locator("ul.evidence > li").AllInnerTextsAsync()).ToList();
        Assert.Equal(clauses.Count, lines.Count);
        Assert.Equal(clauses[..^1], lines[..^1]);
        Assert.Equal(clauses[^1] + " →", lines[^1]); // the link to the department ends the last line
        Assert.Equal(1, await item.Locator("ul.evidence > li").Last.Locator("a").CountAsync());
        // A finding of one clause stays one line after its title.
        var single = ranked.FindIndex(f => f.GetProperty("evidence_zh_clauses").GetArrayLength() == 1);
        Assert.True(single >= 0);
        Assert.Equal(0, await committee.Page.Locator("#findings ol.ranked > li").Nth(single).Locator("ul.evidence").CountAsync());
        await committee.Screenshot("overview-findings-1280");

        // The same in English, from the English clauses.
        await committee.Open("/?to=2026Q3&lang=en");
        var english = ranked[index].GetProperty("evidence_en_clauses").EnumerateArray().Select(c => c.GetString()!).ToList();
        var englishLines = (await committee.Page.Locator("#findings ol.ranked > li").Nth(index).Locator("ul.evidence > li").AllInnerTextsAsync()).ToList();
        Assert.Equal([.. english[..^1], english[^1] + " →"], englishLines);
        await committee.Screenshot("overview-findings-1280-en");
        Assert.Empty(committee.Errors);
    }

    [Fact]
    public async Task The_english_findings_name_each_department_as_the_tables_do_by_name_and_code()
    {
        // The review's B14: "WUH failed the assessment" beside a ranking chart labelled 武汉业务部. The English findings
        // name a department as 武汉业务部 (WUH), the report's and the tables' form; the Chinese ones by its name alone.
        await using var committee = await browser.SignIn("committee");
        var ranked = (await Api(committee, "/api/findings/2026Q3")).EnumerateArray().Take(10)
            .Where(f => f.GetProperty("department").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(ranked);

        await committee.Open("/?to=2026Q3&lang=en");
        var titles = await committee.Page.Locator("#findings ol.ranked > li > strong").AllInnerTextsAsync();
        foreach (var f in ranked)
        {
            var label = $"{f.GetProperty("department_name").GetString()} ({f.GetProperty("department").GetString()})";
            Assert.StartsWith(label, f.GetProperty("title_en").GetString(), StringComparison.Ordinal);
            Assert.Contains(f.GetProperty("title_en").GetString(), titles);
        }
        await committee.Open("/?to=2026Q3&lang=zh-CN");
        var chinese = await committee.Page.Locator("#findings ol.ranked > li > strong").AllInnerTextsAsync();
        foreach (var f in ranked)
        {
            Assert.DoesNotContain(f.GetProperty("department").GetString()!, f.GetProperty("title_zh").GetString(), StringComparison.Ordinal);
            Assert.Contains(f.GetProperty("title_zh").GetString(), chinese);
        }
        Assert.Empty(committee.Errors);
    }

    [Fact]
    public async Task A_checks_deduction_count_opens_the_items_it_lost_points_for()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/rows/checks?sort=deductions&dir=desc");
        var link = session.Page.Locator("#rows-table td[data-col=deductions] a").First;
        var count = int.Parse(await link.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 0);
        var check = await session.Page.Locator("#rows-table td[data-col=check_id]").First.InnerTextAsync();

        await link.ClickAsync();
        await session.Arrived(url => url.Contains("/rows/deductions", StringComparison.Ordinal));
        Assert.Equal("扣分明细", await session.Page.InnerTextAsync("h1"));
        // The navigation still shows where the reader is: in the checks (the section), not on the checks page itself.
        Assert.Equal("true", await session.Page.GetAttributeAsync("#main-nav a[href='/rows/checks']", "aria-current"));
        var checks = await session.Page.Locator("#rows-table td[data-col=check_id]").AllInnerTextsAsync();
        Assert.Equal(count, checks.Count);
        Assert.All(checks, c => Assert.Equal(check, c));
        Assert.Equal(1, await session.Page.Locator("#chips [data-chip=check_id]").CountAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_department_manager_sees_only_their_departments_callbacks()
    {
        await using var session = await browser.SignIn("log-manager");
        await session.Open("/rows/callbacks");
        var departments = await session.Page.Locator("#rows-table td[data-col=department]").AllInnerTextsAsync();
        Assert.NotEmpty(departments);
        Assert.All(departments, d => Assert.Equal("LOG", d));
        // Findings in the page's words (the contract's 无 / 记录不全 / 与实际不符), not as stored (none, incomplete, mismatch).
        var findings = (await session.Page.Locator("#rows-table td[data-col=finding]").AllInnerTextsAsync()).Distinct().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains(f, new[] { "无", "记录不全", "与实际不符" }));
        Assert.Empty(session.Errors);
    }

    private static async Task<JsonElement> Api(Session session, string url)
    {
        var response = await session.Page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }
}
