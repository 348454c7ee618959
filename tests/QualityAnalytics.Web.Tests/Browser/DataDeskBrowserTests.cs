using System.Text;
using Microsoft.Playwright;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Quality;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The working group's data desk in the browser: an upload shows its progress and the result per file, and the
/// new batch opens with its quarantined rows and their reasons, in Chinese. The complaints file holds one bad row only,
/// and the deductions file one deduction of a check that does not exist (kept with a warning, scored with nothing), so
/// the warehouse's facts (and the other browser tests' numbers) stay as they are. Times are shown in Asia/Shanghai.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DataDeskBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_upload_shows_progress_the_result_per_file_and_the_quarantined_rows()
    {
        // A viewer whose machine is set to New York still sees the business's clock, Asia/Shanghai.
        await using var session = await browser.SignIn("wg", timeZone: "America/New_York");
        await session.Open("/data");
        var csv = "received_at,complaint_id,department,customer,channel,category,valid,direct_deduction,description,replied_at,resolved_at,satisfaction,handler\n" +
                  "2026-02-10 13:15,TS-BROWSER-01,LOG,湖北中烟工业公司,电话,服务态度,Y,,测试,2026-02-10 15:43:33,2026-02-01 14:44:00,满意,郑磊\n";
        var deductions = "检查编号,考核项目,扣分\nK-BROWSER-NONE,服务态度,1\n";
        await session.Page.SetInputFilesAsync("#files",
        [
            new FilePayload { Name = "browser-upload.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) },
            new FilePayload { Name = "browser-deductions.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(deductions) },
        ]);
        await session.AndSettle(() => session.Page.ClickAsync("#upload button[type=submit]"));

        Assert.Equal("100", await session.Page.GetAttributeAsync("#upload-progress", "value"));
        // In the order they were chosen, as `qa load` takes the files it is given (a later file's values win).
        Assert.Equal(["browser-upload.csv", "browser-deductions.csv"], await session.Page.Locator("#upload-result td[data-col=file]").AllInnerTextsAsync());
        Assert.Equal(["1", "0"], await session.Page.Locator("#upload-result td[data-col=quarantined]").AllInnerTextsAsync());
        Assert.Equal(["0", "1"], await session.Page.Locator("#upload-result td[data-col=warnings]").AllInnerTextsAsync());
        await session.Settled();
        Assert.Matches(@"batch=\d+", session.Page.Url);
        var reasons = await session.Page.Locator("#quarantine td[data-col=reason]").AllInnerTextsAsync();
        Assert.Equal(["早于受理时间"], reasons); // recorded in English, shown in the page's language
        // The column as this file heads it (resolved_at), the page's name for it beside.
        Assert.Equal(["resolved_at（解决时间）"], await session.Page.Locator("#quarantine td[data-col=column]").AllInnerTextsAsync());
        // The deduction kept with a warning is listed with it, not only counted.
        Assert.Equal(["检查编号（check_id）"], await session.Page.Locator("#warnings td[data-col=column]").AllInnerTextsAsync());
        Assert.Equal(["尚无此检查编号的检查记录；扣分已保留，检查记录到达时再与其得分核对"], await session.Page.Locator("#warnings td[data-col=message]").AllInnerTextsAsync());
        // Every batch here was loaded at the test clock's 2026-07-08 00:30 UTC: 08:30 in Shanghai (20:30 the day before in New York).
        var started = await session.Page.Locator("#batches td[data-col=startedAt]").AllInnerTextsAsync();
        Assert.NotEmpty(started);
        // Written as the tables and the footer write a time (it was 2026/7/8 08:30:00 here).
        Assert.All(started, t => Assert.Equal("2026-07-08 08:30", t));
        // How long each took, from its recorded start and finish: the test clock stands still, so no time at all.
        Assert.All(await session.Page.Locator("#batches td[data-col=duration]").AllInnerTextsAsync(), t => Assert.Equal("0.0 秒", t));
        // Its one complaint quarantined and a deduction being no quarter's row, the batch wrote no quarter's data.
        Assert.Equal(["本批次没有新增或更新投诉、检查、问卷答案或回访，没有哪个季度的数据因它而变。"],
            await session.Page.Locator("#batch-quarters li").AllInnerTextsAsync());
        // The upload's result says the same, under the same heading as the batch's detail (it listed "重新计算的季度：–").
        Assert.Matches(@"^已载入批次 \d+。$", await session.Page.InnerTextAsync("#upload-status"));
        Assert.Equal(await session.Page.Locator("#batch-quarters li").AllInnerTextsAsync(), await session.Page.Locator("#upload-quarters li").AllInnerTextsAsync());
        Assert.Equal(["有新增或更新的季度", "有新增或更新的季度"], await session.Page.Locator("#upload-quarters h3, #batch-detail h3:has(+ p + #batch-quarters)").AllInnerTextsAsync());
        var href = await session.Page.GetAttributeAsync("#quarantine-export [data-export=csv]", "href");
        Assert.Contains("format=csv", href, StringComparison.Ordinal);
        await AssertExportHeadsTheQuarantinedRows(session);
        await session.Screenshot("data-upload-1280");

        // In English the same form (it was 7/8/2026, 08:30:00, which a Chinese reader takes for 7 August), and the one
        // quarantined row is "1 row quarantined", not "1 rows".
        await session.Open(session.Page.Url + "&lang=en");
        Assert.All(await session.Page.Locator("#batches td[data-col=startedAt]").AllInnerTextsAsync(), t => Assert.Equal("2026-07-08 08:30", t));
        Assert.Equal("1 row quarantined", await session.Page.Locator("#quarantine caption").InnerTextAsync());
        // The card's heading in the words of the files' table (New, Updated), as the Chinese 新增、更新.
        Assert.Equal("Quarters with new or updated rows", await session.Page.Locator("#batch-detail h3").First.InnerTextAsync());
        Assert.Equal(["This batch has no new or updated complaints, checks, survey answers or callbacks: no quarter's data changed with it."],
            await session.Page.Locator("#batch-quarters li").AllInnerTextsAsync());
        Assert.Equal(["New", "Updated"], await session.Page.Locator("#batch-files th").Filter(new LocatorFilterOptions { HasTextRegex = new("^(New|Updated)$") }).AllInnerTextsAsync());
        Assert.Equal("1 warning: this row loaded, but needs a look", await session.Page.Locator("#warnings caption").InnerTextAsync());
        await session.Screenshot("data-upload-1280-en");
        Assert.Empty(session.Errors);
    }

    /// <summary>The batch's export is of its quarantined rows: its buttons head their table, at the right of the
    /// 隔离的行 heading on its line (they sat at the batch's title, a screen above), links a keyboard reaches in order.</summary>
    private static async Task AssertExportHeadsTheQuarantinedRows(Session session)
    {
        Assert.Equal(0, await session.Page.Locator("#batch-detail > .visual-head [data-export]").CountAsync());
        Assert.Equal(["csv", "xlsx"], await session.Page.Locator("#quarantine-export [data-export]").EvaluateAllAsync<string[]>("a => a.map(x => x.dataset.export)"));
        var boxes = await session.Page.EvaluateAsync<double[]>(@"() => {
            const h = document.getElementById('quarantine-title').getBoundingClientRect();
            const b = [...document.querySelectorAll('#quarantine-export [data-export]')].map(x => x.getBoundingClientRect());
            const table = document.getElementById('quarantine').getBoundingClientRect();
            return [h.top, h.bottom, h.right, b[0].left, (b[0].top + b[0].bottom) / 2, (b[1].top + b[1].bottom) / 2, b[1].right, table.right, table.top, b[1].bottom];
        }");
        Assert.True(boxes[4] > boxes[0] && boxes[4] < boxes[1], $"the CSV button's middle {boxes[4]} is off the heading's line {boxes[0]}–{boxes[1]}");
        Assert.Equal(boxes[4], boxes[5], 1);
        Assert.True(boxes[3] > boxes[2], "the buttons stand right of the heading");
        Assert.Equal(boxes[7], boxes[6], 1); // aligned with the table's right edge, as a card's tools are with its body
        Assert.True(boxes[9] <= boxes[8], "the buttons are above the rows they export");
        // Links with an address: in the tab order, and named by what they export for whoever hovers.
        Assert.All(await session.Page.Locator("#quarantine-export a").EvaluateAllAsync<int[]>("a => a.map(x => x.tabIndex)"), i => Assert.Equal(0, i));
        Assert.Equal("导出本批次隔离的行及原因，退回部门修改", await session.Page.GetAttributeAsync("#quarantine-export [data-export=csv]", "title"));
    }

    [Fact]
    public async Task A_batch_with_no_quarantined_row_offers_no_export_of_them()
    {
        // A complaints file with its header and no rows loads nothing (a month with no complaints) and quarantines nothing.
        await using var session = await browser.SignIn("wg");
        await session.Open("/data");
        var csv = "received_at,complaint_id,department,customer,channel,category,valid,direct_deduction,description,replied_at,resolved_at,satisfaction,handler\n";
        await session.Page.SetInputFilesAsync("#files", new FilePayload { Name = "no-complaints.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await session.AndSettle(() => session.Page.ClickAsync("#upload button[type=submit]"));
        await session.Settled();
        Assert.Matches(@"batch=\d+", session.Page.Url);
        Assert.Equal(["0"], await session.Page.Locator("#batch-files td[data-col=quarantined]").AllInnerTextsAsync());
        Assert.Equal(0, await session.Page.Locator("#quarantine tbody tr").CountAsync());
        Assert.Equal(0, await session.Page.Locator("#quarantine-export [data-export]").CountAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_check_only_upload_shows_what_a_load_would_do_its_quarantined_values_and_changes_and_makes_no_batch()
    {
        await using var session = await browser.SignIn("wg");
        await session.Open("/data");
        var batchesBefore = await session.Page.Locator("#batches tbody tr").CountAsync();
        // A demo complaint corrected (valid Y → N), a new one, and a bad one.
        var demo = File.ReadAllLines(Path.Combine(browser.Dashboard.Folder, "data", "demo-files", "complaints_2026Q1.csv"));
        var columns = demo[0].Split(',');
        var corrected = demo.Skip(1).First(l => l.Contains(",Y,", StringComparison.Ordinal));
        string Row(string id, string channel) => string.Join(",", columns.Select(c => c switch
        {
            "complaint_id" => id, "department" => "LOG", "received_at" => "2026-02-10 13:15", "channel" => channel, "valid" => "Y", _ => "",
        }));
        var csv = string.Join("\n", demo[0], corrected.Replace(",Y,", ",N,", StringComparison.Ordinal), Row("TS-BROWSER-CHECK-1", "电话"), Row("TS-BROWSER-CHECK-2", "传真")) + "\n";
        await session.Page.SetInputFilesAsync("#files", [new FilePayload { Name = "先检查.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) }]);
        await session.Page.CheckAsync("#check-only");
        Assert.Equal("上传并检查", await session.Page.InnerTextAsync("#upload button[type=submit]"));

        await session.AndSettle(() => session.Page.ClickAsync("#upload button[type=submit]"));

        Assert.Equal("检查完成，未入库任何数据。若载入：新增 1 行，更新 1 行，隔离 1 行，拒收 0 个文件。", await session.Page.InnerTextAsync("#upload-status"));
        Assert.Equal(["1"], await session.Page.Locator("#upload-result td[data-col=loaded]").AllInnerTextsAsync());
        Assert.Equal(["4"], await session.Page.Locator("#check-quarantine td[data-col=line]").AllInnerTextsAsync());
        // The column as the file heads it (channel), the page's name for it beside; a changed field by the page's name.
        Assert.Equal(["channel（投诉渠道）"], await session.Page.Locator("#check-quarantine td[data-col=column]").AllInnerTextsAsync());
        Assert.Equal(["是否有效（valid）"], await session.Page.Locator("#check-changes td[data-col=column]").AllInnerTextsAsync());
        Assert.Equal(["是"], await session.Page.Locator("#check-changes td[data-col=old]").AllInnerTextsAsync());
        Assert.Equal(["否"], await session.Page.Locator("#check-changes td[data-col=new]").AllInnerTextsAsync());
        Assert.DoesNotMatch(@"batch=\d+", session.Page.Url);
        // Its export buttons sit at the top right of the upload card, as every card's do, not between its tables.
        var card = await session.Page.Locator("section[aria-labelledby=upload-title]").BoundingBoxAsync();
        var exportButtons = await session.Page.Locator("#check-export").BoundingBoxAsync();
        var firstTable = await session.Page.Locator("#upload-result table").BoundingBoxAsync();
        Assert.NotNull(card);
        Assert.NotNull(exportButtons);
        Assert.NotNull(firstTable);
        Assert.True(exportButtons.Y + exportButtons.Height < firstTable.Y, $"export at y={exportButtons.Y}, result table at y={firstTable.Y}");
        Assert.True(card.X + card.Width - (exportButtons.X + exportButtons.Width) < 40, $"export ends at x={exportButtons.X + exportButtons.Width}, card at {card.X + card.Width}");
        Assert.Equal(["导出 CSV", "导出 Excel"], await session.Page.Locator("#check-export [data-export]").AllInnerTextsAsync());
        Assert.Equal("导出将被隔离的全部值，退回部门修改", await session.Page.GetAttributeAsync("#check-export [data-export=csv]", "title"));
        await session.Screenshot("data-check-1280");
        // The values go back to the department as a file: the same files checked again, every value written out.
        var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.ClickAsync("#check-export [data-export=csv]"));
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var exported = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.Contains("先检查.csv,,4,channel（投诉渠道）,传真,", exported, StringComparison.Ordinal);
        await session.Open("/data");
        Assert.Equal(batchesBefore, await session.Page.Locator("#batches tbody tr").CountAsync());

        // The same in English: the field, the reason and the values in the page's language.
        await session.Open("/data?lang=en");
        await session.Page.SetInputFilesAsync("#files", [new FilePayload { Name = "先检查.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) }]);
        await session.Page.CheckAsync("#check-only");
        await session.AndSettle(() => session.Page.ClickAsync("#upload button[type=submit]"));
        Assert.Equal("Checked; nothing was stored. If loaded: new 1, updated 1, quarantined 1, files rejected 0.", await session.Page.InnerTextAsync("#upload-status"));
        Assert.Equal(["channel"], await session.Page.Locator("#check-quarantine td[data-col=column]").AllInnerTextsAsync());
        Assert.Equal(["Yes"], await session.Page.Locator("#check-changes td[data-col=old]").AllInnerTextsAsync());
        await session.Screenshot("data-check-1280-en");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_batch_lists_the_quarters_it_wrote_each_opening_that_quarters_overview()
    {
        long batch;
        List<string> written;
        using (var db = browser.Dashboard.Options.Warehouse.CreateContext())
        {
            // The demo's load, and the quarters of its rows as a scan of the facts by batch finds them.
            batch = db.LoadBatches.Where(b => b.Loaded > 0).Min(b => b.Id);
            written = db.Complaints.Where(c => c.BatchId == batch).Select(c => c.QuarterKey)
                .Union(db.Checks.Where(c => c.BatchId == batch).Select(c => c.QuarterKey))
                .Union(db.SurveyAnswers.Where(a => a.BatchId == batch).Select(a => a.QuarterKey))
                .Union(db.Callbacks.Where(c => c.BatchId == batch).Select(c => c.QuarterKey))
                .ToList().Order().Select(k => Quarter.FromKey(k).ToString()).ToList();
        }
        await using var session = await browser.SignIn("wg");
        await session.Open($"/data?batch={batch}");

        Assert.True(written.Count >= 8, string.Join(", ", written)); // the demo's eight quarters and more
        Assert.Equal(written, await session.Page.Locator("#batch-quarters li > a:not(.approved)").AllInnerTextsAsync());
        // The batch shown is marked as the current one in the list (and only it); the pink rows are explained above it.
        Assert.Equal([batch.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            await session.Page.Locator("#batches tbody tr[aria-current=true] [data-batch]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.batch)"));
        Assert.Equal(1, await session.Page.Locator("#batches tbody tr.selected").CountAsync());
        Assert.Equal("700", await session.Page.Locator("#batches tbody tr[aria-current=true] td").First.EvaluateAsync<string>("td => getComputedStyle(td).fontWeight"));
        Assert.Equal("粉色行：该批次有被隔离的行或被拒收的文件（见“隔离”“拒收”两列）。点击批次编号查看其明细，正在查看的批次加粗并在左侧标出。",
            await session.Page.InnerTextAsync("#batches-legend"));
        await session.Screenshot("data-batch-quarters-1280");
        await session.Open($"/data?batch={batch}&lang=en");
        Assert.StartsWith("Pink rows: the batch had quarantined rows or rejected files", await session.Page.InnerTextAsync("#batches-legend"), StringComparison.Ordinal);
        Assert.Equal(1, await session.Page.Locator("#batches tbody tr[aria-current=true]").CountAsync());
        await session.Open($"/data?batch={batch}");

        var last = written[^1];
        await session.Page.ClickAsync($"#batch-quarters li[data-quarter='{last}'] > a:not(.approved)");
        await session.Arrived(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal(last, await session.Page.InputValueAsync("#slicer-to"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_data_tests_run_on_request_and_list_every_rule_in_the_page_language()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/data");
        Assert.Equal(0, await session.Page.Locator("#tests td").CountAsync()); // not run until asked: they read the whole warehouse
        Assert.True(await session.Page.IsHiddenAsync("#batch-detail")); // no batch chosen: no empty card for one

        await session.AndSettle(() => session.Page.ClickAsync("#run-tests"));

        Assert.Equal(DataTests.All.Count, await session.Page.Locator("#tests tbody tr").CountAsync());
        Assert.Equal(0, await session.Page.Locator("#tests .test-fail").CountAsync());
        // The other test's upload keeps a deduction of a check that does not exist: at most that one warning.
        Assert.Matches(@"^通过 \d+ 项，未通过 0 项，警告 [01] 项$", await session.Page.InnerTextAsync("#tests-summary"));
        // Each line leads with what the test checks in the page's language; its identifier (for scripts and qa verify)
        // follows, small and monospace, and is selected whole by one click.
        Assert.Equal(["检查内容", "结果", "行数", "示例"], await session.Page.Locator("#tests th").AllInnerTextsAsync());
        var rules = await session.Page.Locator("#tests td[data-col='tests.rule'] .test-rule > span").AllInnerTextsAsync();
        Assert.Contains("投诉汇总表按季度、部门的投诉数与投诉事实表一致（仪表板读取的是汇总表）", rules);
        var ids = await session.Page.Locator("#tests td[data-col='tests.rule'] code.test-id").AllInnerTextsAsync();
        Assert.Equal(DataTests.All.Select(d => d.Name).Order(), ids.Order());
        Assert.Contains("relationship:fact_complaint.channel_key", ids);
        var id = session.Page.Locator("#tests code.test-id", new() { HasText = "relationship:fact_complaint.channel_key" });
        Assert.Equal("all", await id.EvaluateAsync<string>("e => getComputedStyle(e).userSelect"));
        Assert.True(await id.EvaluateAsync<bool>("e => parseFloat(getComputedStyle(e).fontSize) < parseFloat(getComputedStyle(e.previousElementSibling).fontSize)"));
        await id.ClickAsync();
        Assert.Equal("relationship:fact_complaint.channel_key", await session.Page.EvaluateAsync<string>("() => getSelection().toString().trim()"));
        await session.Screenshot("data-tests-1280");
        await session.Page.SetViewportSizeAsync(375, 800);
        await session.Screenshot("data-tests-375");
        await session.Page.SetViewportSizeAsync(1280, 900);

        await session.Open("/data?lang=en");
        await session.AndSettle(() => session.Page.ClickAsync("#run-tests"));
        // Counts after their names: "1 warnings" needed no plural then.
        Assert.Matches(@"^Passed: \d+, failed: 0, warnings: [01]$", await session.Page.InnerTextAsync("#tests-summary"));
        var english = await session.Page.Locator("#tests td[data-col='tests.rule'] .test-rule > span").AllInnerTextsAsync();
        Assert.Contains("a batch's counts are the sums of its files'", english);
        // The English rules named 第八条 and 题号 in Chinese.
        Assert.Contains("a check with deductions scores 100 − Σ points (Article 8)", english);
        Assert.Contains("question is the question number of question_key", english);
        await session.Screenshot("data-tests-1280-en");
        Assert.Empty(session.Errors);
    }
}
