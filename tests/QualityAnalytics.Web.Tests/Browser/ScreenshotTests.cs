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

    public static readonly TheoryData<string, string, int> Walks = new()
    {
        { "wg", "zh", 1280 }, { "wg", "en", 375 }, { "log-manager", "zh", 375 }, { "log-manager", "en", 1280 },
    };

    /// <summary>The working group and a department manager walk the pages they may open, in both languages, at both
    /// widths between them: no script errors, nothing wider than the screen, and a screenshot of each for a person to read
    /// (what one role sees that another does not: the notices, one department's numbers).</summary>
    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Each_role_walks_its_pages_in_either_language(string user, string lang, int width)
    {
        await using var session = await browser.SignIn(user, width);
        foreach (var (name, url) in Pages.Where(p => user != "log-manager" || p.Name is not ("data" or "reports")))
        {
            await session.Open(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            await session.Screenshot($"{user}-{name}-{lang}-{width}");
            var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow} px wider than the {width} px screen");
        }
        Assert.Empty(session.Errors);
    }
}
