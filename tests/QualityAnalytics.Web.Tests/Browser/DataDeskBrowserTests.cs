using System.Text;
using Microsoft.Playwright;

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
        Assert.Equal(["browser-deductions.csv", "browser-upload.csv"], await session.Page.Locator("#upload-result td[data-col=file]").AllInnerTextsAsync());
        Assert.Equal(["0", "1"], await session.Page.Locator("#upload-result td[data-col=quarantined]").AllInnerTextsAsync());
        Assert.Equal(["1", "0"], await session.Page.Locator("#upload-result td[data-col=warnings]").AllInnerTextsAsync());
        await session.Settled();
        Assert.Matches(@"batch=\d+", session.Page.Url);
        var reasons = await session.Page.Locator("#quarantine td[data-col=reason]").AllInnerTextsAsync();
        Assert.Equal(["早于受理时间(received_at)"], reasons); // recorded in English, shown in the page's language
        // Every batch here was loaded at the test clock's 2026-07-08 00:30 UTC: 08:30 in Shanghai (20:30 the day before in New York).
        var started = await session.Page.Locator("#batches td[data-col=startedAt]").AllInnerTextsAsync();
        Assert.NotEmpty(started);
        Assert.All(started, t => Assert.Equal("2026/7/8 08:30:00", t));
        var href = await session.Page.GetAttributeAsync("#quarantine-export [data-export=csv]", "href");
        Assert.Contains("format=csv", href, StringComparison.Ordinal);
        await session.Screenshot("data-upload-1280");
        Assert.Empty(session.Errors);
    }
}
