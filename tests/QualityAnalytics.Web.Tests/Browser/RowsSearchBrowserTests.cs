namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>A rows page's search box says what it searches, and the whole hint is readable: in English at 1280 px the
/// complaints' hint ended "Id, description, customer, hand…" in a box of 120 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RowsSearchBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Kinds = ["complaints", "checks", "surveys", "callbacks", "deductions"];

    [Theory]
    [MemberData(nameof(ScreenshotTests.Widths), MemberType = typeof(ScreenshotTests))]
    public async Task The_search_hint_fits_its_box_in_both_languages(int width)
    {
        await using var session = await browser.SignIn("committee", width);
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            foreach (var kind in Kinds)
            {
                await session.Open($"/rows/{kind}?lang={lang}");
                var hint = await session.Page.GetAttributeAsync("#search-text", "placeholder");
                Assert.False(string.IsNullOrEmpty(hint));
                // The hint's own width in the box's font, against the room inside the box (its width less its padding).
                var room = await session.Page.EvalOnSelectorAsync<double[]>("#search-text", """
                    input => {
                        const style = getComputedStyle(input);
                        const context = document.createElement('canvas').getContext('2d');
                        context.font = style.font;
                        return [context.measureText(input.placeholder).width,
                                input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
                    }
                    """);
                Assert.True(room[0] <= room[1], $"{lang} /rows/{kind} at {width} px: the hint \"{hint}\" is {room[0]:0} px in a box of {room[1]:0} px");
                // A pointer resting on the box gives the hint too, once text has replaced it.
                Assert.Equal(hint, await session.Page.GetAttributeAsync("#search-text", "title"));
            }
            await session.Open($"/rows/complaints?lang={lang}");
            await session.Screenshot($"rows-search-{width}-{lang}");
        }
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_tallys_on_time_rate_stays_on_one_line_on_a_phone()
    {
        // At 375 px "— 按时率" ended the reply tally's line and "84.6%" stood alone on the next.
        await using var session = await browser.SignIn("committee", 375);
        foreach (var lang in new[] { "zh-CN", "en" })
        {
            await session.Open($"/rows/complaints?lang={lang}");
            var rates = session.Page.Locator("[data-tally] .tally-rate");
            Assert.Equal(2, await rates.CountAsync()); // replies and solutions
            Assert.All(await rates.EvaluateAllAsync<int[]>("spans => spans.map(s => s.getClientRects().length)"), lines => Assert.Equal(1, lines));
            await session.Screenshot($"rows-tally-375-{lang}");
        }
        Assert.Empty(session.Errors);
    }
}
