using System.Text;
using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>A deduction that arrives before its check is kept (with a data warning) and has no department until the
/// check comes: its row says so with a dash instead of an empty link, which a screen reader would read as nothing.
/// A dashboard of its own, so the other browser tests' warehouse stays as it is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrphanDeductionBrowserTests : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task A_deduction_without_its_check_shows_no_department_link()
    {
        await using (var wg = await _browser.SignIn("wg"))
        {
            await wg.Open("/data");
            var csv = "check_id,item,points,note\nCC-NOT-YET,着装,1.5,\n";
            await wg.Page.SetInputFilesAsync("#files", [new FilePayload { Name = "deductions-early.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) }]);
            await wg.AndSettle(() => wg.Page.ClickAsync("#upload button[type=submit]"));
            Assert.Equal(["1"], await wg.Page.Locator("#upload-result td[data-col=loaded]").AllInnerTextsAsync());
        }

        await using var session = await _browser.SignIn("committee");
        await session.Open("/rows/deductions?check_id=CC-NOT-YET");
        Assert.Equal(["–"], await session.Page.Locator("#rows-table td[data-col=department]").AllInnerTextsAsync());
        Assert.Equal(0, await session.Page.Locator("#rows-table td[data-col=department] a").CountAsync());
        Assert.Empty(session.Errors);
    }
}
