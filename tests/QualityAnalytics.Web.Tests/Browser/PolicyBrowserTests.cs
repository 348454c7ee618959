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
            Assert.Empty(session.Errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
