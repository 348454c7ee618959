using Microsoft.Extensions.DependencyInjection;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The Policy page of an approved quarter says when the approved policy version's values were edited in
/// policy.json since the approval, and which. A dashboard of its own: it approves a quarter and edits the policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyEditedAfterApprovalBrowserTests : IAsyncLifetime
{
    private readonly BrowserFixture _browser = new();

    public Task InitializeAsync() => _browser.InitializeAsync();

    public Task DisposeAsync() => _browser.DisposeAsync();

    [Fact]
    public async Task The_approved_quarter_says_which_values_of_its_policy_version_were_edited_since()
    {
        await using var committee = await _browser.SignIn("committee");
        await committee.Open("/policy?quarter=2026Q2");
        committee.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await committee.AndSettle(() => committee.Page.ClickAsync("#approve"));
        Assert.Equal(0, await committee.Page.Locator("#approval-policy-changed").CountAsync());

        var shipped = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"));
        File.WriteAllText(_browser.Dashboard.Services.GetRequiredService<PolicyProvider>().FilePath,
            shipped.Replace("\"reply_hours\": 24", "\"reply_hours\": 36", StringComparison.Ordinal));
        await committee.Open("/policy?quarter=2026Q2");
        Assert.Equal("审定后，考核办法版本 2013-07 的参数在 policy.json 中有修改：审定的得分、等次与奖惩不变，审定季度的报告仍按审定时的参数；本页与仪表板的计分说明与服务目标按现行参数。修改的参数：",
            await committee.Page.InnerTextAsync("#approval-policy-changed p"));
        // The approval kept the values: each edited parameter with its value at approval and now, named as the policy
        // card names it (it was the file's key, service_targets.reply_hours, which stays in the item's title).
        var changed = committee.Page.Locator("#approval-policy-changed li");
        Assert.Equal(["服务目标：回复时限（小时）：审定时 24，现为 36"], await changed.AllInnerTextsAsync());
        Assert.Equal("service_targets.reply_hours", await changed.GetAttributeAsync("title"));
        await committee.Screenshot("policy-edited-after-approval");

        await committee.Open("/policy?quarter=2026Q2&lang=en");
        Assert.Equal(["Service targets: reply within (hours): 24 at approval, 36 now"], await changed.AllInnerTextsAsync());
        Assert.Equal("service_targets.reply_hours", await changed.GetAttributeAsync("title"));
        await committee.Screenshot("policy-edited-after-approval-en");
        Assert.Empty(committee.Errors);
    }
}
