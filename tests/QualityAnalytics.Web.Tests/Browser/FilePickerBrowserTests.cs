using System.Text;
using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The file pickers (the data desk's upload, the Policy page's what-if) speak the page's language: the native
/// input's "Choose Files / No file chosen" are the browser's words, so the page draws the picker and says what was chosen.
/// Nothing is uploaded here.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FilePickerBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "选择文件", "未选择文件", "2 个文件：甲.csv、乙.xlsx")]
    [InlineData("en", "Choose files", "No file chosen", "2 files: 甲.csv, 乙.xlsx")]
    public async Task The_upload_picker_is_in_the_page_language_and_names_the_chosen_files(string lang, string choose, string none, string two)
    {
        await using var session = await browser.SignIn("wg");
        await session.Open($"/data?lang={lang}");
        var button = session.Page.Locator("#upload label.button[for=files]");
        Assert.Equal(choose, await button.InnerTextAsync());
        Assert.True(await button.IsVisibleAsync());
        Assert.Equal(none, await session.Page.InnerTextAsync("#files-chosen"));
        // The native control is there (focusable, and what the form sends) but not what the reader sees.
        var native = (await session.Page.Locator("#files").BoundingBoxAsync())!;
        Assert.True(native.Width <= 1 && native.Height <= 1, $"{native.Width}×{native.Height}");

        await session.Page.SetInputFilesAsync("#files", [File("甲.csv"), File("乙.xlsx")]);
        Assert.Equal(two, await session.Page.InnerTextAsync("#files-chosen"));
        await session.Page.SetInputFilesAsync("#files", [File("甲.csv")]);
        Assert.Equal("甲.csv", await session.Page.InnerTextAsync("#files-chosen"));

        // A click on the drawn button opens the browser's file chooser, as a click on the native one would.
        var chooser = await session.Page.RunAndWaitForFileChooserAsync(() => button.ClickAsync());
        Assert.True(chooser.IsMultiple);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_what_if_picker_is_in_the_page_language()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/policy");
        Assert.Equal("选择文件", await session.Page.InnerTextAsync("#what-if label.button[for=what-if-policy]"));
        Assert.Equal("未选择文件", await session.Page.InnerTextAsync("#what-if-chosen"));
        await session.Page.SetInputFilesAsync("#what-if-policy", [File("lenient.json")]);
        Assert.Equal("lenient.json", await session.Page.InnerTextAsync("#what-if-chosen"));
        Assert.Empty(session.Errors);
    }

    private static FilePayload File(string name) => new() { Name = name, MimeType = "application/octet-stream", Buffer = Encoding.UTF8.GetBytes("x") };
}
