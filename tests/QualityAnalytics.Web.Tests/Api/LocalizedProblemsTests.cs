using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using QualityAnalytics.Warehouse.Semantic;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>A 400 that a page's URL can provoke (a quarter typed by hand, a stale bookmark's column) is said in the
/// page's language, from the same resources as the pages, and still names the refused value and what is allowed.</summary>
public sealed class LocalizedProblemsTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/api/findings/2026Q5", "“2026Q5”不是季度（例如 2026Q2）。", "'2026Q5' is not a quarter such as 2026Q2.")]
    [InlineData("/api/assessments/2026-13", "“2026-13”不是季度", "'2026-13' is not a quarter")]
    [InlineData("/api/calendar/Q4", "“Q4”不是季度", "'Q4' is not a quarter")]
    [InlineData("/api/query?measures=total&from=2026Q9", "“2026Q9”不是季度", "'2026Q9' is not a quarter")]
    [InlineData("/api/query?measures=totl", "没有名为“totl”的度量。可用的度量：total,", "Unknown measure 'totl'. Known: total,")]
    [InlineData("/api/query?measures=total&dimensions=channel", "这些度量不能按“channel”拆分或筛选。可用的维度：", "These measures cannot be split or filtered by 'channel'. Allowed: ")]
    [InlineData("/api/query?measures=total&dimensions=department&order=grade", "不能按“grade”排序", "Cannot order by 'grade'")]
    [InlineData("/api/rows/complaints?sort=nope", "不能按“nope”排序。可排序的列：complaint_id", "Cannot sort by 'nope'. Sort by one of: complaint_id")]
    [InlineData("/api/rows/complaints?month=2026-4x", "“2026-4x”不是月份", "'2026-4x' is not a month")]
    [InlineData("/api/query/matrix?measures=complaints", "请指定矩阵的行维度", "Name the dimension of the matrix's rows")]
    [InlineData("/api/query/matrix?measures=complaints&rows=month&columns=month", "矩阵的行和列都是“month”", "The matrix's rows and columns are both 'month'")]
    [InlineData("/api/query/matrix/export?format=csv&measures=total&rows=channel", "这些度量不能按“channel”拆分或筛选", "These measures cannot be split or filtered by 'channel'")]
    [InlineData("/api/query?measures=complaints&dimensions=quarter&compare=month", "没有“month”这种对比。可用的：previous, year", "Unknown comparison 'month': previous, year")]
    [InlineData("/api/query/matrix?measures=complaints&rows=channel&compare=week", "没有“week”这种对比。可用的：previous, year", "Unknown comparison 'week': previous, year")]
    [InlineData("/api/query/matrix?measures=complaints&rows=channel&share=half", "没有“half”这种占比。可用的：column, row, grand", "Unknown share 'half': column, row, grand")]
    [InlineData("/api/query/matrix?measures=complaints&rows=channel&order=complaints_change", "不能按“complaints_change”排序", "Cannot order by 'complaints_change'")]
    [InlineData("/api/rows/invoices", "没有“invoices”这类明细行。可用的：complaints", "Unknown rows 'invoices': complaints")]
    public async Task A_refused_request_is_explained_in_the_page_language(string path, string chinese, string english)
    {
        var viewer = await app.SignedIn("committee");

        Assert.Contains(chinese, await Problem(viewer, path), StringComparison.Ordinal);
        Assert.Contains(english, await Problem(viewer, path + (path.Contains('?') ? "&" : "?") + "lang=en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reason_the_query_layer_refuses_has_its_words_in_both_languages()
    {
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var file = Path.Combine(LayeringTests.RepositoryRoot(), "web", "Resources", $"SharedResource.{language}.resx");
            var keys = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            Assert.All(Enum.GetNames<QueryRejection>(), reason => Assert.Contains("api.query." + reason, keys));
        }
    }

    private static async Task<string> Problem(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
    }
}
