using System.Text;
using Microsoft.Playwright;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The committee's what-if on the policy page: another policy file scored beside the results in force, with
/// nothing stored.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_policy_file_is_compared_with_the_policy_in_force_on_the_policy_page()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/policy?quarter=2026Q2");
        var policy = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"))
            .Replace("\"version\": \"2013-07\"", "\"version\": \"lenient\"").Replace("\"complaint_cost_per_valid\": 10", "\"complaint_cost_per_valid\": 5");
        await session.Page.SetInputFilesAsync("#what-if-policy", new FilePayload { Name = "lenient.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(policy) });
        // The comparison is not one of the page's slicer-driven renders: wait for its own table.
        await session.Page.ClickAsync("#what-if button[type=submit]");
        await session.Page.WaitForSelectorAsync("#what-if-result table");

        var names = await session.Page.Locator("#what-if-result td[data-col=name]").AllInnerTextsAsync();
        var whatIf = await session.Page.Locator("#what-if-result td[data-col=what_total]").AllInnerTextsAsync();
        Assert.Equal("91.20", whatIf[names.ToList().IndexOf("物流业务部")]);
        Assert.Contains("lenient", await session.Page.InnerTextAsync("#what-if-status"));
        // The change in money is signed as every change on the pages: a rise +1,500.00, a fall −…, none 0.00.
        var stored = await session.Page.Locator("#what-if-result td[data-col=stored_amount]").AllInnerTextsAsync();
        var whatIfAmounts = await session.Page.Locator("#what-if-result td[data-col=what_amount]").AllInnerTextsAsync();
        var changes = await session.Page.Locator("#what-if-result td[data-col=change]").AllInnerTextsAsync();
        static decimal Amount(string shown) => decimal.Parse(shown.Replace('\u2212', '-').Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < changes.Count; i++)
        {
            if (stored[i] == "–" || whatIfAmounts[i] == "–") continue;
            var change = Amount(whatIfAmounts[i]) - Amount(stored[i]);
            var size = Math.Abs(change).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(change > 0 ? "+" + size : change < 0 ? "\u2212" + size : "0.00", changes[i]);
        }
        Assert.Contains(changes, c => c.StartsWith('+'));
        await session.Screenshot("policy-what-if-1280");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_department_manager_sees_which_policy_is_in_force_but_not_the_servers_folder()
    {
        var file = browser.Dashboard.Service<PolicyProvider>().FilePath;
        // The shipped defaults written as the data folder's policy.json: the file is in force, the scores are unchanged.
        File.WriteAllText(file, File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json")));
        try
        {
            await using var session = await browser.SignIn("log-manager");
            await session.Open("/policy?quarter=2026Q2");
            var text = await session.Page.InnerTextAsync("main");
            Assert.Contains("来源：数据文件夹中的 policy.json", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetDirectoryName(file)!, await session.Page.ContentAsync(), StringComparison.Ordinal);
            // The what-if is not theirs: no card that only describes a tool they cannot use.
            Assert.Equal(0, await session.Page.Locator("#what-if-card").CountAsync());
            Assert.DoesNotContain("假设分析", text, StringComparison.Ordinal);
            Assert.Empty(session.Errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task After_a_late_correction_the_approved_quarter_lists_each_change_with_the_approved_and_the_draft_value()
    {
        // 2025Q1, which no other browser test approves: the committee approves it, then 储运中心 sends a correction that
        // makes one of its complaints invalid (C up by 10), as the working group uploads it on the data desk.
        var file = Path.Combine(browser.Dashboard.Folder, "data", "demo-files", "complaints_2025Q1.csv");
        var lines = File.ReadAllLines(file);
        var original = lines.Single(l => l.StartsWith("TS-2025Q1-STO-02,", StringComparison.Ordinal));
        Assert.Contains(",Y,", original, StringComparison.Ordinal);
        await using var committee = await browser.SignIn("committee");
        await committee.Open("/policy?quarter=2025Q1");
        var approvedC = decimal.Parse(await StoComplaintScore(committee), System.Globalization.CultureInfo.InvariantCulture);
        committee.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await committee.AndSettle(() => committee.Page.ClickAsync("#approve"));
        // Just approved: one budget line, the snapshot's (the report's), labelled as the approved one.
        var approvedBudget = await committee.Page.Locator("[data-budget=approved]").InnerTextAsync();
        Assert.StartsWith("审定：经费 ", approvedBudget, StringComparison.Ordinal);
        Assert.Equal(0, await committee.Page.Locator("[data-budget=draft]").CountAsync());
        try
        {
            await Upload(lines[0], original.Replace(",Y,", ",N,", StringComparison.Ordinal), async wg =>
            {
                // The desk names the quarter the correction wrote, approved, with the way to what it changed.
                Assert.Equal(["2025Q1"], await wg.Page.Locator("#batch-quarters li > a:not(.approved)").AllInnerTextsAsync());
                var approved = wg.Page.Locator("#batch-quarters li[data-quarter='2025Q1'] > a.approved");
                Assert.Equal("已批准，查看批准后的变化", await approved.InnerTextAsync());
                // The upload's own result says so too, in the same words and with the same link (it named the quarter only).
                Assert.Equal("已载入批次 " + new Uri(wg.Page.Url).Query.Split("batch=")[1] + "。", await wg.Page.InnerTextAsync("#upload-status"));
                Assert.Equal(["2025Q1"], await wg.Page.Locator("#upload-quarters li > a:not(.approved)").AllInnerTextsAsync());
                var warned = wg.Page.Locator("#upload-quarters li[data-quarter='2025Q1'] > a.approved");
                Assert.Equal("已批准，查看批准后的变化", await warned.InnerTextAsync());
                Assert.Equal(await approved.GetAttributeAsync("href"), await warned.GetAttributeAsync("href"));
                Assert.Equal("有新增或更新的季度", await wg.Page.InnerTextAsync("#upload-quarters h3"));
                await wg.Screenshot("data-batch-approved-quarter-1280");
                await wg.Page.SetViewportSizeAsync(375, 900);
                await wg.Screenshot("data-upload-approved-quarter-375");
                await wg.Page.SetViewportSizeAsync(1280, 900);
                await approved.ClickAsync();
                await wg.Arrived(url => new Uri(url).AbsolutePath == "/policy");
                Assert.Equal("2025Q1", await wg.Page.InputValueAsync("#slicer-quarter"));
                Assert.Contains(await wg.Page.Locator("#approval-differences li").AllInnerTextsAsync(), i => i.StartsWith("储运中心 投诉 C：审定 ", StringComparison.Ordinal));
                Assert.Empty(wg.Errors);
            });
            // The overview's notices tell the committee too, opening the batch on the data desk.
            await committee.Open("/");
            var notice = committee.Page.Locator("#findings [data-notice=approved] a").First;
            // Loads that changed the same approved quarters say so once (第 3、2 批…), opening the newest of them.
            Assert.Matches(@"^第 \d+(、\d+)* 批数据改动了已批准的季度 2025Q1：请查看变化并提请委员会审阅$", await notice.InnerTextAsync());
            Assert.Matches(@"/data\?batch=\d+$", await notice.GetAttributeAsync("href"));
            var approvedTexts = await committee.Page.Locator("#findings [data-notice=approved] a").AllInnerTextsAsync();
            Assert.Equal(approvedTexts.Count, approvedTexts.Select(a => a[a.IndexOf("已批准", StringComparison.Ordinal)..]).Distinct().Count());
            // Newest batch first, whatever the notice's kind (it was the approvals, then the quarantines: 3, 2, 4, 1).
            var noticeBatches = (await committee.Page.Locator("#findings ul.notices li[data-notice] a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
                .Select(h => int.Parse(h!.Split("batch=")[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(noticeBatches.OrderDescending().ToList(), noticeBatches);
            // A change to an approved quarter is a warning, set apart from the routine quarantine notices.
            var approvedStyle = await committee.Page.Locator("#findings [data-notice=approved]").First.EvaluateAsync<string>("li => getComputedStyle(li).backgroundColor + '|' + getComputedStyle(li).borderLeftStyle");
            Assert.Equal("rgb(255, 248, 225)|solid", approvedStyle);
            var batchNotice = committee.Page.Locator("#findings [data-notice=batch]");
            if (await batchNotice.CountAsync() > 0)
                Assert.NotEqual(approvedStyle, await batchNotice.First.EvaluateAsync<string>("li => getComputedStyle(li).backgroundColor + '|' + getComputedStyle(li).borderLeftStyle"));
            await committee.Screenshot("overview-approved-notice-1280");
            // One quarter in English is "quarter", not "quarters".
            await committee.Open("/?lang=en");
            Assert.Matches(@"^Batch(es)? \d+(, \d+)* changed approved quarter 2025Q1: see what changed and take it to the committee$",
                await committee.Page.Locator("#findings [data-notice=approved] a").First.InnerTextAsync());
            await committee.Open("/policy?quarter=2025Q1&lang=zh-CN");

            // The page showed the draft and only counted the differences; the report showed the approved values, so the
            // two disagreed with nothing on the page saying where.
            var draftC = approvedC + 10;
            Assert.Equal(draftC.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), await StoComplaintScore(committee));
            var items = await committee.Page.Locator("#approval-differences li").AllInnerTextsAsync();
            Assert.Contains($"储运中心 投诉 C：审定 {approvedC:0.00} → 草稿 {draftC:0.00}", items);
            Assert.Contains(items, i => i.StartsWith("储运中心 总分：审定 ", StringComparison.Ordinal));
            Assert.All(items, i => Assert.DoesNotContain("complaint", i, StringComparison.Ordinal));
            // The budget line stays the approved one, as the report prints it (it showed the draft's, which the correction
            // moved); the draft's is beside it when its amounts differ.
            Assert.Equal(approvedBudget, await committee.Page.Locator("[data-budget=approved]").InnerTextAsync());
            var api = await committee.Page.EvaluateAsync<System.Text.Json.JsonElement>("fetch('/api/assessments/2025Q1').then(r => r.json())");
            var amountsDiffer = api.GetProperty("budget").GetProperty("rewards").GetDecimal() != api.GetProperty("approved_budget").GetProperty("rewards").GetDecimal()
                || api.GetProperty("budget").GetProperty("penalties").GetDecimal() != api.GetProperty("approved_budget").GetProperty("penalties").GetDecimal();
            Assert.Equal(amountsDiffer ? 1 : 0, await committee.Page.Locator("[data-budget=draft]").CountAsync());
            if (amountsDiffer) Assert.StartsWith("草稿（审定后数据有变化）：经费 ", await committee.Page.Locator("[data-budget=draft]").InnerTextAsync(), StringComparison.Ordinal);
            await committee.Screenshot("policy-approved-differences-1280");
            await committee.Open("/policy?quarter=2025Q1&lang=en");
            Assert.StartsWith("Approved: budget ", await committee.Page.Locator("[data-budget=approved]").InnerTextAsync(), StringComparison.Ordinal);
            await committee.Open("/policy?quarter=2025Q1&lang=zh-CN");
            Assert.Empty(committee.Errors);
        }
        finally
        {
            await Upload(lines[0], original); // the demo's row again: the draft equals the approved results, the others' numbers as they were
        }
    }

    private static Task<string> StoComplaintScore(Session session) =>
        session.Page.Locator("#assessment tr", new PageLocatorOptions { HasText = "储运中心" }).Locator("td[data-col=complaint]").InnerTextAsync();

    /// <param name="then">What else to check on the desk, with the new batch open.</param>
    private async Task Upload(string header, string row, Func<Session, Task>? then = null)
    {
        await using var wg = await browser.SignIn("wg");
        await wg.Open("/data");
        await wg.Page.SetInputFilesAsync("#files", new FilePayload { Name = "储运中心_投诉_更正.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(header + "\n" + row + "\n") });
        await wg.AndSettle(() => wg.Page.ClickAsync("#upload button[type=submit]"));
        Assert.Equal(["1"], await wg.Page.Locator("#upload-result td[data-col=updated]").AllInnerTextsAsync());
        // The page does not reload; its footer names the batch just loaded (the marts took it in), not the one before.
        var batch = new Uri(wg.Page.Url).Query.Split('&').Single(p => p.TrimStart('?').StartsWith("batch=", StringComparison.Ordinal)).Split('=')[1];
        await wg.Page.WaitForFunctionAsync("batch => document.getElementById('data-as-of').textContent.includes(`（第 ${batch} 批）`)", batch,
            new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.EndsWith($"/data?batch={batch}", await wg.Page.GetAttributeAsync("#data-as-of a", "href"), StringComparison.Ordinal);
        if (then is not null)
        {
            await wg.Settled();
            await then(wg);
        }
    }
}
