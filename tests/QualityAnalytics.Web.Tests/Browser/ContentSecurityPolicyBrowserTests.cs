using Microsoft.Playwright;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The content security policy (web/Host/SecurityHeaders.cs) lets every page, chart and Hangfire's dashboard
/// work (a blocked script or style shows as a console error), and does refuse a script written into a page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_works_under_the_policy()
    {
        await using var session = await browser.SignIn("wg");
        foreach (var page in new[] { "/", "/department?code=LOG", "/explore", "/rows/complaints", "/data", "/notes", "/policy", "/reports" })
        {
            await session.Open(page);
            // A chart's tooltip is HTML with inline styles: show one.
            if (page == "/") await session.Page.Locator("canvas").First.HoverAsync();
            Assert.True(session.Errors.Count == 0, page + ": " + string.Join(" | ", session.Errors));
        }
        // Waited for by the navigation itself: a separate WaitForLoadStateAsync can miss the event (see Session.Navigated).
        await session.Page.GotoAsync("/hangfire/recurring", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await session.Page.Locator("table").CountAsync() > 0);
        Assert.True(session.Errors.Count == 0, "/hangfire: " + string.Join(" | ", session.Errors));
    }

    [Fact]
    public async Task A_script_written_into_a_page_does_not_run()
    {
        await using var session = await browser.SignIn("viewer");
        await session.Open("/");
        // What a stored value would do if it ever reached the page as HTML.
        await session.Page.EvaluateAsync("() => { document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.__ran=1\">'); " +
                                         "const s = document.createElement('script'); s.textContent = 'window.__ran=2'; document.body.append(s); }");
        await session.Page.WaitForTimeoutAsync(200);
        Assert.Null(await session.Page.EvaluateAsync<int?>("() => window.__ran ?? null"));
    }
}
