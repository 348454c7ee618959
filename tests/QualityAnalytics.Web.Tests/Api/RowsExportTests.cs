using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Web.Apis;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>Exports of the rows behind a number: every matching row, in the order the drill-down pages show them,
/// read by one statement and written as they are read (CSV and XLSX); and Excel's sheet limit said clearly.</summary>
public sealed class RowsExportTests
{
    [Fact]
    public async Task An_export_holds_every_row_in_the_pages_order_beyond_one_page()
    {
        using var app = new DashboardFactory();
        // 1,200 more complaints than the demo data holds: more than the 500 rows of the largest page.
        var file = Path.Combine(app.Folder, "many.csv");
        var text = new StringBuilder("complaint_id,department,received_at,channel,valid,description\n");
        for (var i = 0; i < 1200; i++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"EX-{i:D4},LOG,2026-05-{1 + i % 28:D2} {8 + i % 10:D2}:{i % 60:D2},电话,是,\"第 {i} 条, 含逗号\"\n");
        File.WriteAllText(file, text.ToString());
        Assert.False(new FileLoader(app.Options.Warehouse, app.Clock).Load([file]).AnyRejected);
        var wg = await app.SignedIn("wg");
        const string query = "from=2026Q2&to=2026Q2&sort=received_at&dir=desc";

        var pages = new List<string>();
        long total = 0;
        for (var p = 1; p == 1 || pages.Count < total; p++)
        {
            var page = JsonDocument.Parse(await wg.GetStringAsync($"/api/rows/complaints?{query}&page={p}&page_size=500")).RootElement;
            total = page.GetProperty("total").GetInt64();
            pages.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()!));
        }
        Assert.True(total > 1200, $"{total} rows");

        var csv = Encoding.UTF8.GetString(await wg.GetByteArrayAsync($"/api/rows/complaints/export?format=csv&{query}"));
        Assert.StartsWith("\uFEFF投诉编号,", csv, StringComparison.Ordinal);
        var ids = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(pages, ids);
        Assert.Contains("\"第 7 条, 含逗号\"", csv, StringComparison.Ordinal);

        // Headings in the page's language (and coded values: the next test); names and numbers as stored.
        var english = Encoding.UTF8.GetString(await wg.GetByteArrayAsync($"/api/rows/complaints/export?format=csv&{query}&lang=en"));
        Assert.StartsWith("\uFEFFComplaint,", english, StringComparison.Ordinal);
        var quarantine = Encoding.UTF8.GetString(await wg.GetByteArrayAsync("/api/data/batches/1/quarantine?format=csv"));
        Assert.StartsWith("\uFEFF批次,文件,工作表,行号,列,值,原因,路径\r\n", quarantine, StringComparison.Ordinal);

        var xlsx = await wg.GetByteArrayAsync($"/api/rows/complaints/export?format=xlsx&{query}");
        var sheet = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(pages, sheet.Select(r => (string)r["投诉编号"]!).ToList());
    }

    [Fact]
    public async Task An_export_says_coded_values_in_the_pages_words_as_the_page_shows_them()
    {
        using var app = new DashboardFactory();
        var wg = await app.SignedIn("wg");

        var complaints = Columns(await wg.GetStringAsync("/api/rows/complaints/export?format=csv"));
        Assert.Subset(new HashSet<string> { "是", "否" }, complaints["有效"]);
        Assert.Subset(new HashSet<string> { "满意", "基本满意", "不满意", "" }, complaints["满意度"]);
        Assert.Contains("满意", complaints["满意度"]);
        var checks = Columns(await wg.GetStringAsync("/api/rows/checks/export?format=csv"));
        Assert.Equal(new HashSet<string> { "自查", "抽查" }, checks["检查类型"]);
        var callbacks = Columns(await wg.GetStringAsync("/api/rows/callbacks/export?format=csv"));
        Assert.Subset(new HashSet<string> { "无", "记录不全", "与实际不符" }, callbacks["回访问题"]);
        Assert.Contains("无", callbacks["回访问题"]);
        var grades = Columns(await wg.GetStringAsync("/api/query/export?format=csv&measures=total&dimensions=department,grade&from=2026Q2&to=2026Q2"));
        Assert.Subset(new HashSet<string> { "优秀", "合格", "不合格", "未考核" }, grades["等次"]);
        Assert.NotEmpty(grades["等次"]);

        // In English when the page is; and the XLSX says the same as the CSV.
        var english = Columns(await wg.GetStringAsync("/api/rows/complaints/export?format=csv&lang=en"));
        Assert.Subset(new HashSet<string> { "Yes", "No" }, english["Valid"]);
        Assert.Subset(new HashSet<string> { "Phone", "Email", "Web", "Suggestion box", "Other" }, english["Channel"]);
        var sheet = new MemoryStream(await wg.GetByteArrayAsync("/api/rows/checks/export?format=xlsx")).Query(useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().Select(r => (string)r["检查类型"]!).ToHashSet();
        Assert.Equal(new HashSet<string> { "自查", "抽查" }, sheet);
    }

    /// <summary>A CSV export's columns by heading, each as the set of its values.</summary>
    private static Dictionary<string, HashSet<string>> Columns(string csv)
    {
        using var reader = CsvHelper.CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv.TrimStart('\uFEFF'))),
            new CsvHelper.CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true }, leaveOpen: false);
        Assert.True(reader.Read());
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
        var columns = header.ToDictionary(h => h, _ => new HashSet<string>());
        while (reader.Read()) for (var i = 0; i < header.Count; i++) columns[header[i]].Add(reader.GetString(i));
        return columns;
    }

    [Fact]
    public async Task An_export_is_named_after_the_Shanghai_time_it_was_made()
    {
        using var app = new DashboardFactory();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 8, 16, 30, 5, TimeSpan.Zero)); // 00:30:05 on 9 July in Shanghai
        var wg = await app.SignedIn("wg");

        using var rows = await wg.GetAsync("/api/rows/complaints/export?format=csv&from=2026Q2&to=2026Q2");
        using var query = await wg.GetAsync("/api/query/export?format=xlsx&measures=complaints&dimensions=quarter");

        Assert.Equal("complaints-20260709-003005.csv", FileName(rows));
        Assert.Equal("query-20260709-003005.xlsx", FileName(query));
    }

    private static string? FileName(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, response.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        return disposition.FileNameStar ?? disposition.FileName?.Trim('"');
    }

    [Fact]
    public async Task An_xlsx_export_past_the_sheet_limit_is_refused_with_a_reason()
    {
        var rows = Enumerable.Range(0, 11).Select(i => new object?[] { i, $"行 {i}" });

        var text = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
        IResult Export(IEnumerable<object?[]> some) => Exports.File("xlsx", "rows", ["编号", "内容"], some, TimeProvider.System, text, maxXlsxRows: 10);

        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN"); // as the request's language sets it
            var (status, body) = await Execute(Export(rows));
            Assert.Equal(StatusCodes.Status400BadRequest, status);
            Assert.Contains("超过 10 行：一个 Excel 工作表放不下。请导出 CSV", body, StringComparison.Ordinal);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Contains("More than 10 rows: one Excel sheet cannot hold them. Export CSV", (await Execute(Export(rows))).Body, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        Assert.Equal(StatusCodes.Status200OK, (await Execute(Export(rows.Take(10)))).Status);
    }

    private static async Task<(int Status, string Body)> Execute(IResult result)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()));
    }
}
