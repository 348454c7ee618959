using Microsoft.Playwright;
using QualityAnalytics.Web.Tests.Api;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The dashboard issue's "labelled controls, keyboard reachable", checked by a machine: axe-core runs in every
/// page (over the demo warehouse, in zh-CN and in English, at desktop and phone width) and any serious or critical
/// violation fails the test, naming the rule, the element, the page and the rule's help.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    /// <summary>Every page of the dashboard; the working group's account sees the most controls (upload, notes' forms, the
    /// report's generation). /data opens a batch so that its files and quarantined rows are on the page.</summary>
    private static readonly string[] Pages =
    [
        "/", "/department?code=LOG", "/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=bar",
        "/explore?measures=complaints,valid_complaints&x=quarter&series=channel&visual=matrix&heat=1",
        "/rows/complaints", "/rows/checks", "/rows/surveys", "/rows/callbacks", "/rows/deductions", "/reports", "/data?batch=1", "/notes", "/policy",
    ];

    /// <summary>(rule, element) pairs that cannot reasonably be met, each with its reason. Empty: every page passes whole.</summary>
    private static readonly AxeScanner.Waiver[] Waivers = [];

    public static readonly TheoryData<string> Languages = new() { "zh-CN", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_page_has_no_serious_accessibility_violation(string language)
    {
        var problems = new List<string>();
        problems.AddRange(await SignInPage(language, 1280, 900));

        await using var session = await browser.SignIn("wg");
        await session.Open("/?lang=" + language);
        foreach (var url in Pages) problems.AddRange(await Scan(session, url, language, "1280"));
        // The data desk's test results appear on request.
        await session.Open("/data");
        await session.AndSettle(() => session.Page.ClickAsync("#run-tests"));
        problems.AddRange(await AxeScanner.SeriousProblems(session.Page, $"/data with its data tests run ({language}, 1280)", Waivers));
        // The committee's policy page carries the approval button the working group does not have.
        await using var committee = await browser.SignIn("committee");
        await committee.Open("/policy?lang=" + language);
        problems.AddRange(await Scan(committee, "/policy", language, "1280, committee"));

        Assert.True(problems.Count == 0, AxeScanner.Report(problems));
        Assert.Empty(session.Errors);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_overview_and_a_table_page_have_no_serious_violation_at_phone_width(string language)
    {
        var problems = new List<string>();
        problems.AddRange(await SignInPage(language, 390, 844));
        await using var session = await browser.SignIn("wg", 390, 844);
        await session.Open("/?lang=" + language);
        foreach (var url in new[] { "/", "/rows/complaints" }) problems.AddRange(await Scan(session, url, language, "390"));
        // The folded navigation, opened.
        await session.Page.ClickAsync(".menu-toggle");
        problems.AddRange(await AxeScanner.SeriousProblems(session.Page, $"/rows/complaints with the menu open ({language}, 390)", Waivers));

        Assert.True(problems.Count == 0, AxeScanner.Report(problems));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task An_explanation_dialog_has_no_serious_violation()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/department?code=LOG&q=2026Q2");
        await session.AndSettle(() => session.Page.ClickAsync("[data-kpi=complaint_score] button.explain"));
        var problems = await AxeScanner.SeriousProblems(session.Page, "/department explanation dialog (zh-CN, 1280)", Waivers);
        Assert.True(problems.Count == 0, AxeScanner.Report(problems));
    }

    [Fact]
    public async Task Axe_is_a_test_tool_never_served_to_users()
    {
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(LayeringTests.RepositoryRoot(), "web", "wwwroot"), "axe*", SearchOption.AllDirectories));
        await using var session = await browser.SignIn("viewer");
        foreach (var url in new[] { "/lib/axe-core/axe.min.js", "/axe.min.js", "/node_modules/axe-core/axe.min.js" })
            Assert.Equal(404, (await session.Page.APIRequest.GetAsync(url)).Status);
    }

    private async Task<IReadOnlyList<string>> SignInPage(string language, int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN",
        });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/login?lang=" + language);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            var problems = new List<string>(await AxeScanner.SeriousProblems(page, $"/login ({language}, {width})", Waivers));
            // A failed sign-in shows its message: scanned too.
            await page.FillAsync("#UserName", "nobody");
            await page.FillAsync("#Password", "wrong-password-2026");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync("[role=alert]");
            problems.AddRange(await AxeScanner.SeriousProblems(page, $"/login after a failed sign-in ({language}, {width})", Waivers));
            return problems;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task<IReadOnlyList<string>> Scan(Session session, string url, string language, string how)
    {
        await session.Open(url);
        // The page's language is the one chosen (the culture cookie), so that a screen reader speaks it as such.
        Assert.Equal(language, await session.Page.GetAttributeAsync("html", "lang"));
        return await AxeScanner.SeriousProblems(session.Page, $"{url} ({language}, {how})", Waivers);
    }
}
