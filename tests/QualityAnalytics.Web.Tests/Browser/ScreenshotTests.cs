namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Every page at desktop (1280 px) and phone (375 px) width: no script errors, nothing wider than the screen,
/// and a screenshot in TestResults/screenshots for a person to look at (CJK text, overlaps, cut-offs).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    public static readonly TheoryData<int> Widths = new() { 1280, 375 };

    private static readonly (string Name, string Url)[] Pages =
    [
        ("overview", "/"), ("department", "/department?code=LOG"), ("explore", "/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=bar"),
        ("explore-matrix", "/explore?measures=complaints,reply_on_time_rate&x=department&series=quarter&visual=matrix"),
        ("complaints", "/rows/complaints"), ("checks", "/rows/checks"), ("surveys", "/rows/surveys"), ("callbacks", "/rows/callbacks"), ("deductions", "/rows/deductions"), ("data", "/data?batch=1"),
        ("notes", "/notes"), ("policy", "/policy"), ("reports", "/reports"),
    ];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Every_page_renders_without_errors_and_fits_the_screen(int width)
    {
        await using var session = await browser.SignIn("committee", width);
        foreach (var (name, url) in Pages)
        {
            await session.Open(url);
            await session.Screenshot($"{name}-{width}");
            var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow} px wider than the {width} px screen");
        }
        Assert.Empty(session.Errors);
    }
}
