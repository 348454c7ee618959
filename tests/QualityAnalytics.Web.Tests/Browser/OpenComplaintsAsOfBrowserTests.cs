using System.Globalization;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Whether an open complaint is overdue, and so every on-time rate, depends on the moment it is judged at (the
/// quarter's OpenComplaintsAsOf). The report prints that moment; the department page's service targets must say it too,
/// written as every date-time on the pages (2026-09-15 12:00), as the Shanghai wall time it is, whatever the viewer's clock.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenComplaintsAsOfBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_department_page_says_as_of_when_its_open_complaints_are_judged_in_either_language()
    {
        // A viewer in New York: the as-of moment is a Shanghai wall time and must not move with the browser's zone.
        await using var session = await browser.SignIn("committee", timeZone: "America/New_York");
        await session.Open("/department?code=LOG");
        var to = await session.Page.InputValueAsync("#slicer-to");
        var asOf = await AsOf(session, $"/api/analysis/{to}/departments/LOG");

        // The pages' one form in both languages (it was the report's long form, 2026年9月15日 12:00, beside tables that
        // said 2026-09-15 12:00).
        var zh = asOf.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal($"未完成的投诉按 {zh} 的数据判定（{to} 季度投诉最近一次载入的时间；其他季度各按其投诉最近一次载入的时间，见“数据表与明细”）。",
            await session.Page.InnerTextAsync("#service-as-of"));

        await session.Open("/department?code=LOG&lang=en");
        var en = zh;
        Assert.Equal($"Open complaints judged as of the data of {en} (when {to}'s complaints were last loaded; other quarters as of their own last load, listed under “Data and rows”).",
            await session.Page.InnerTextAsync("#service-as-of"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_service_targets_data_table_gives_each_quarter_its_own_as_of_in_either_language()
    {
        // The line above the chart named only the analysed quarter's moment; the other quarters' rates are judged as of
        // their own last load, which the page did not say anywhere.
        await using var session = await browser.SignIn("committee", timeZone: "America/New_York");
        foreach (var (lang, header, format, culture) in new[]
        {
            ("", "判定时点", "yyyy-MM-dd HH:mm", "zh-CN"),
            ("&lang=en", "Judged as of", "yyyy-MM-dd HH:mm", "en-GB"),
        })
        {
            await session.Open("/department?code=LOG" + lang);
            var table = session.Page.Locator("[data-data-of='chart-service'] table");
            var headers = await table.Locator("thead th").AllTextContentsAsync();
            var column = headers.ToList().IndexOf(header);
            Assert.True(column >= 0, $"no column {header}: {string.Join(" | ", headers)}");
            var rows = table.Locator("tbody tr");
            var count = await rows.CountAsync();
            Assert.True(count >= 2, $"only {count} quarters in the service targets' table");
            for (var i = 0; i < count; i++)
            {
                var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
                var quarter = cells[0];
                // Each quarter's own moment, as the quarter's own analysis gives it.
                var expected = (await AsOf(session, $"/api/calendar/{quarter}")).ToString(format, CultureInfo.GetCultureInfo(culture));
                Assert.Equal(expected, cells[column]);
            }
        }
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_overview_s_on_time_cards_say_as_of_when_open_complaints_are_judged()
    {
        await using var session = await browser.SignIn("viewer", timeZone: "America/New_York");
        await session.Open("/");
        var to = await session.Page.InputValueAsync("#slicer-to");
        var zh = (await AsOf(session, $"/api/calendar/{to}")).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal($"24 小时回复率、3 个工作日解决率：{to} 季度未完成的投诉按 {zh} 的数据判定。", await session.Page.InnerTextAsync("#kpis-as-of"));
        Assert.Empty(session.Errors);
    }

    /// <summary>The quarter's as-of moment as an API answer gives it (a Shanghai wall time, without an offset).</summary>
    private static async Task<DateTime> AsOf(Session session, string url)
    {
        var response = await session.Page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, response.StatusText);
        var text = (await response.JsonAsync())!.Value.GetProperty("as_of").GetString()!;
        Assert.DoesNotMatch("(Z|[+-]\\d{2}:\\d{2})$", text); // a wall time, not an instant
        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
