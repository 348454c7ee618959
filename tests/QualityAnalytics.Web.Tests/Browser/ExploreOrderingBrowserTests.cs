namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The explore page's headings that order the lines: a table's column, a matrix's line total, and the change
/// of a compared table or matrix (the biggest rise first), each through <see cref="HeadingOrder"/>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExploreOrderingBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("measures=complaints&x=quarter&series=department&visual=table&compare=previous", "th[data-col=complaints_change]", "td[data-col=complaints_change]", "complaints_change")]
    [InlineData("measures=complaints&x=department&series=quarter&visual=matrix", "th[data-sort=complaints]", "td.total[data-measure=complaints]", "complaints")]
    [InlineData("measures=complaints&x=department&series=channel&visual=matrix&compare=previous", "th[data-sort=complaints_change]", "td.total[data-measure=complaints_change]", "complaints_change")]
    public async Task Clicking_a_heading_orders_the_lines_biggest_first_and_a_second_click_the_other_way(string view, string heading, string cells, string order)
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/explore?" + view);

        await HeadingOrder.ClickTwiceAndCheck(session, "#table-explore thead " + heading, () => HeadingOrder.Numbers(session, "#table-explore tbody " + cells), order);
        Assert.Empty(session.Errors);
    }
}
