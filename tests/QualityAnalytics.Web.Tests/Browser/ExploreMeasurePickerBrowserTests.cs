namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Explore's measure picker on a phone: a label whose words wrap onto two lines ("Solutions over 3 working
/// days", "Reward / penalty (yuan)") keeps its checkbox as large as every other one (the flex line had squeezed it).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExploreMeasurePickerBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task On_a_phone_every_measure_checkbox_keeps_its_size(string lang)
    {
        await using var session = await browser.SignIn("committee", 390);
        await session.Open("/explore?measures=replied_late,resolved_late&x=quarter&visual=table&lang=" + lang);
        var sizes = await session.Page.Locator("#measures input[type=checkbox]")
            .EvaluateAllAsync<string[]>("inputs => inputs.map(i => { const r = i.getBoundingClientRect(); return i.dataset.measure + ' ' + r.width + 'x' + r.height; })");
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.EndsWith(" 16x16", s, StringComparison.Ordinal));
        // The English picker does wrap some labels at this width: the case the rule is for.
        if (lang == "en")
        {
            var lines = await session.Page.Locator("label:has(input[data-measure=resolved_late])").EvaluateAsync<double>("l => l.getBoundingClientRect().height / parseFloat(getComputedStyle(l).lineHeight)");
            Assert.True(lines > 1.5, $"the label takes {lines:0.0} lines");
        }
        Assert.Empty(session.Errors);
    }
}
