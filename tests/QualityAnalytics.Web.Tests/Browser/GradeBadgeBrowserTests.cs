namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>A grade (优秀 / 合格 / 不合格 / 未考核) is a small badge with a colour per grade wherever it is shown: the
/// overview's table, a department's total card, Explore's table, the Policy page's results and the notes. The word
/// stays in it (colour never says it alone) and its text keeps WCAG AA contrast (4.5:1) on the badge's own ground.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GradeBadgeBrowserTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["excellent"] = "优秀", ["pass"] = "合格", ["fail"] = "不合格", ["withheld"] = "未考核",
    };

    /// <summary>Each badge in the container: its grade, its word, its text colour's contrast on its background, its background.</summary>
    private const string Badges = @"sel => {
        const lum = c => { const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(v => { v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        return [...document.querySelectorAll(sel + ' .grade-badge')].map(e => { const s = getComputedStyle(e); const [a, b] = [lum(s.color), lum(s.backgroundColor)];
            return { grade: e.dataset.grade, word: e.textContent, contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), ground: s.backgroundColor, border: s.borderColor }; });
    }";

    /// <summary>A badge as the page reports it (Playwright fills settable properties, not a record's constructor).</summary>
    public sealed class Badge
    {
        public string Grade { get; set; } = "";
        public string Word { get; set; } = "";
        public double Contrast { get; set; }
        public string Ground { get; set; } = "";
        public string Border { get; set; } = "";
    }

    [Fact]
    public async Task The_overview_table_shows_each_grade_as_a_coloured_badge_that_keeps_its_word_and_contrast()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        var badges = await session.Page.EvaluateAsync<Badge[]>(Badges, "#table-assessment td[data-col=grade]");
        Assert.Equal(await session.Page.Locator("#table-assessment tbody tr").CountAsync(), badges.Length);
        Assert.True(badges.Select(b => b.Grade).Distinct().Count() >= 2, "the demo quarter has more than one grade");
        foreach (var badge in badges)
        {
            Assert.Equal(Words[badge.Grade], badge.Word);
            Assert.True(badge.Contrast >= 4.5, $"{badge.Grade}: contrast {badge.Contrast:0.00}");
        }
        // One colour per grade: two grades never share their ground and border.
        var looks = badges.GroupBy(b => b.Grade).ToDictionary(g => g.Key, g => g.Select(b => (b.Ground, b.Border)).Distinct().Single());
        Assert.Equal(looks.Count, looks.Values.Distinct().Count());
        await session.Page.Locator("#table-assessment").ScrollIntoViewIfNeededAsync();
        await session.Screenshot("overview-grades-1280");

        await session.Open("/?lang=en");
        var english = await session.Page.EvaluateAsync<Badge[]>(Badges, "#table-assessment td[data-col=grade]");
        Assert.All(english, b => Assert.Equal(new Dictionary<string, string> { ["excellent"] = "Excellent", ["pass"] = "Pass", ["fail"] = "Fail", ["withheld"] = "Not assessed" }[b.Grade], b.Word));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Every_page_that_shows_a_grade_shows_the_same_badge()
    {
        await using var session = await browser.SignIn("committee");
        await session.Open("/");
        var overview = (await session.Page.EvaluateAsync<Badge[]>(Badges, "#table-assessment")).DistinctBy(b => b.Grade).ToDictionary(b => b.Grade);

        foreach (var (url, container) in new[]
        {
            ("/department?code=LOG", "#summary [data-kpi=total]"),
            ("/explore?measures=total&x=department&series=grade&visual=table", "#table-explore td[data-col=grade]"),
            ("/explore?measures=total&x=grade&visual=matrix", "#table-explore table.matrix tbody th"),
            ("/policy", "#assessment td[data-col=grade]"),
            ("/notes", "main"),
        })
        {
            await session.Open(url);
            var shown = await session.Page.EvaluateAsync<Badge[]>(Badges, container);
            Assert.True(shown.Length > 0, $"{url}: no grade badge in {container}");
            foreach (var badge in shown)
            {
                Assert.Equal(Words[badge.Grade], badge.Word);
                if (overview.TryGetValue(badge.Grade, out var same)) Assert.Equal((same.Ground, same.Border), (badge.Ground, badge.Border));
            }
        }
        await session.Open("/department?code=LOG");
        await session.Screenshot("department-grade-1280");
        Assert.Empty(session.Errors);
    }
}
