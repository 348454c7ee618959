using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The English pages as an English reader reads them: a count of one in the singular ("1 rows quarantined"
/// was shown), and the grade 未考核 named "Not assessed" (it was "Withheld", which reads as "held back") while its code,
/// withheld, stays what the API and the files carry.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnglishWordingBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_overviews_batch_notices_say_row_and_file_for_one_and_rows_and_files_for_more()
    {
        // A batch of one quarantined row (solved before it was received) and no rejected file: the latest notice has
        // both forms. Nothing is stored, so the other tests' numbers stay as they are.
        var csv = "received_at,complaint_id,department,customer,channel,category,valid,direct_deduction,description,replied_at,resolved_at,satisfaction,handler\n" +
                  "2026-02-10 13:15,TS-ENGLISH-01,LOG,湖北中烟工业公司,电话,服务态度,Y,,测试,2026-02-10 15:43:33,2026-02-01 14:44:00,满意,郑磊\n";
        await using var session = await browser.SignIn("wg");
        await session.Open("/data");
        await session.Page.SetInputFilesAsync("#files", new FilePayload { Name = "english-notice.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await session.AndSettle(() => session.Page.ClickAsync("#upload button[type=submit]"));
        Assert.Equal(["1"], await session.Page.Locator("#upload-result td[data-col=quarantined]").AllInnerTextsAsync());
        await session.Open("/?lang=en");

        var notices = await session.Page.EvaluateAsync<JsonElement>("fetch('/api/notices').then(r => r.json())");
        static string Rows(long n) => n == 1 ? "1 row quarantined" : $"{n} rows quarantined";
        static string Files(long n) => n == 1 ? "1 file rejected" : $"{n} files rejected";
        var batches = notices.GetProperty("batches").EnumerateArray().Take(3).ToList();
        Assert.NotEmpty(batches);
        var expected = batches.Select(b => $"Batch {b.GetProperty("batch_id").GetInt64()}: {Rows(b.GetProperty("quarantined").GetInt64())}, {Files(b.GetProperty("rejected").GetInt64())}");
        Assert.Equal(expected, await session.Page.Locator("#findings [data-notice=batch] a").AllInnerTextsAsync());
        Assert.Matches(@"^Batch \d+: 1 row quarantined, 0 files rejected$", await session.Page.Locator("#findings [data-notice=batch] a").First.InnerTextAsync());
        await session.Screenshot("overview-notices-1280-en");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_grade_withheld_is_not_assessed_in_english_and_keeps_its_code()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/?lang=en");
        var grades = await session.Page.Locator("#slicer-grade option").AllInnerTextsAsync();
        Assert.Contains("Not assessed", grades);
        Assert.DoesNotContain("Withheld", grades);
        Assert.Equal("withheld", await session.Page.Locator("#slicer-grade option", new() { HasText = "Not assessed" }).GetAttributeAsync("value"));

        // The measure of the same name on Explore, from the semantic model's English label.
        await session.Open("/explore?lang=en");
        var measures = await session.Page.Locator("#measures label.check").AllInnerTextsAsync();
        Assert.Contains("Not assessed", measures.Select(m => m.Trim()));
        Assert.DoesNotContain("Withheld", measures.Select(m => m.Trim()));

        // The data contract is unchanged: the API still says withheld.
        var model = await session.Page.EvaluateAsync<JsonElement>("fetch('/api/model').then(r => r.json())");
        var measure = model.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "withheld");
        Assert.Equal("Not assessed", measure.GetProperty("label_en").GetString());
        Assert.Equal("未考核", measure.GetProperty("label_zh").GetString());
        var options = await session.Page.EvaluateAsync<string[]>("fetch('/api/options/grade').then(r => r.json())");
        Assert.Contains("withheld", options);
        Assert.Empty(session.Errors);
    }

    /// <summary>Curly quotes on an English page are a Latin face's, narrow, beside the words they enclose; the CJK face
    /// the Chinese page keeps first draws them full-width, a character's square, as Chinese text sets them.</summary>
    [Fact]
    public async Task Curly_quotes_are_latin_on_english_pages_and_full_width_on_chinese_ones()
    {
        await using var session = await browser.SignIn("committee");
        const string width = "() => { const s = document.createElement('span'); s.textContent = '\u201C'; document.querySelector('main').append(s);" +
            " const w = s.getBoundingClientRect().width / parseFloat(getComputedStyle(s).fontSize); s.remove(); return w; }";
        await session.Open("/department?code=LOG&lang=en");
        Assert.Equal("en", await session.Page.GetAttributeAsync("html", "lang"));
        var english = await session.Page.EvaluateAsync<double>(width);
        Assert.True(english < 0.6, $"“ is {english:0.00} em wide on the English page");
        await session.Open("/department?code=LOG&lang=zh-CN");
        var chinese = await session.Page.EvaluateAsync<double>(width);
        Assert.True(chinese > 0.9, $"“ is {chinese:0.00} em wide on the Chinese page");
        Assert.Empty(session.Errors);
    }
}
