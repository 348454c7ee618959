using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>An upload with check=true: the files checked as a load would take them (a correction counted as an update and
/// listed column by column, bad values listed with their field and reason in the page's language), and nothing kept:
/// no rows, no batch, no uploaded file.</summary>
public sealed class UploadCheckApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_check_answers_what_the_load_would_do_and_keeps_nothing()
    {
        var wg = await app.SignedIn("wg");
        var original = File.ReadAllLines(Path.Combine(app.Folder, "data", "demo-files", "complaints_2026Q1.csv"));
        var columns = original[0].Split(',');
        var row = original.Skip(1).First(l => l.Contains(",Y,", StringComparison.Ordinal));
        var bad = string.Join(",", columns.Select(c => c switch
        {
            "complaint_id" => "TS-CHECK-BAD", "department" => "LOG", "received_at" => "2026-02-30 09:00", "channel" => "电话", "valid" => "Y", _ => "",
        }));
        var csv = original[0] + "\n" + row.Replace(",Y,", ",N,", StringComparison.Ordinal) + "\n" + bad + "\n";
        var batchesBefore = await Batches(wg);
        var uploadsBefore = Uploads();

        var body = await Check(wg, "检查.csv", csv);

        Assert.True(body.GetProperty("dry_run").GetBoolean());
        Assert.False(body.TryGetProperty("batch_id", out _));
        var file = body.GetProperty("files").EnumerateArray().Single();
        Assert.Equal(("检查.csv", 2, 0, 1, 1), (file.GetProperty("file").GetString(), file.GetProperty("read").GetInt32(), file.GetProperty("loaded").GetInt32(),
            file.GetProperty("updated").GetInt32(), file.GetProperty("quarantined").GetInt32()));
        var value = body.GetProperty("quarantine").EnumerateArray().Single();
        // The column as the file heads it (the demo's files use the English names), the Chinese name beside it.
        Assert.Equal(("检查.csv", 3, "received_at（受理时间）", "2026-02-30 09:00"),
            (value.GetProperty("file").GetString(), value.GetProperty("line").GetInt32(), value.GetProperty("column").GetString(), value.GetProperty("value").GetString()));
        Assert.Equal("不是日期时间（例如 2026-04-03 14:05）", value.GetProperty("reason").GetString()); // recorded in English, answered in Chinese
        Assert.Equal(1, body.GetProperty("quarantine_total").GetInt32());
        var change = body.GetProperty("changes").EnumerateArray().Single();
        var key = row.Split(',')[Array.IndexOf(columns, "complaint_id")];
        Assert.Equal((key, "是否有效（valid）", "是", "否"), (change.GetProperty("key").GetString(), change.GetProperty("column").GetString(),
            change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        Assert.False(body.GetProperty("changes_more").GetBoolean());

        Assert.Equal(batchesBefore, await Batches(wg));
        Assert.Equal(uploadsBefore, Uploads());
        // The stored row was not touched: checked again, the correction is still an update.
        var again = await Check(wg, "检查.csv", csv);
        Assert.Equal(1, again.GetProperty("files")[0].GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task A_check_lists_the_first_thousand_values_and_counts_them_all()
    {
        var wg = await app.SignedIn("wg");
        var csv = "complaint_id,department,received_at,channel,valid\n" +
                  string.Concat(Enumerable.Range(1, 1001).Select(i => $"TS-CHECK-{i:0000},LOG,2026-02-10 13:15,传真,是\n"));

        var body = await Check(wg, "传真.csv", csv);

        Assert.Equal(1000, body.GetProperty("quarantine").GetArrayLength());
        Assert.Equal(1001, body.GetProperty("quarantine_total").GetInt32());
        Assert.Equal(1001, body.GetProperty("files")[0].GetProperty("quarantined").GetInt32());
        Assert.Equal(1001, body.GetProperty("quarantine")[999].GetProperty("line").GetInt32()); // the header is line 1
    }

    [Fact]
    public async Task A_checks_values_export_as_CSV_every_one_of_them_and_still_nothing_is_kept()
    {
        var wg = await app.SignedIn("wg");
        var csv = "complaint_id,department,received_at,channel,valid\n" +
                  string.Concat(Enumerable.Range(1, 1001).Select(i => $"TS-EXPORT-{i:0000},LOG,2026-02-10 13:15,传真,是\n"));
        var batchesBefore = await Batches(wg);

        using var request = Request("传真.csv", csv, await DashboardFactory.Token(wg, "/data"));
        ((MultipartFormDataContent)request.Content!).Add(new StringContent("csv"), "format");
        var response = await wg.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("check-quarantine-", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("文件,工作表,行号,列,值,原因", lines[0]);
        Assert.Equal(1002, lines.Length); // every value, past the thousand the answer lists
        Assert.Equal("传真.csv,,2,channel（投诉渠道）,传真,须为 电话、邮件、网站、意见箱、其他 之一", lines[1]);
        Assert.Equal(batchesBefore, await Batches(wg));
    }

    [Fact]
    public async Task A_check_lists_the_rows_a_load_would_keep_with_a_warning()
    {
        var wg = await app.SignedIn("wg");

        var body = await Check(wg, "扣分.csv", "检查编号,考核项目,扣分\nK-CHECK-NONE,服务态度,1\n");

        var file = body.GetProperty("files")[0];
        Assert.Equal((1, 0, 1), (file.GetProperty("loaded").GetInt32(), file.GetProperty("quarantined").GetInt32(), file.GetProperty("warnings").GetInt32()));
        var warning = body.GetProperty("warnings").EnumerateArray().Single();
        Assert.Equal(("扣分.csv", 2, "检查编号（check_id）", "K-CHECK-NONE"), (warning.GetProperty("file").GetString(), warning.GetProperty("line").GetInt32(),
            warning.GetProperty("column").GetString(), warning.GetProperty("value").GetString()));
        Assert.Equal("尚无此检查编号的检查记录；扣分已保留，检查记录到达时再与其得分核对", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_department_manager_may_not_check_files()
    {
        var manager = await app.SignedIn("log-manager");
        using var request = Request("x.csv", "complaint_id\n", await DashboardFactory.Token(manager, "/"));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.SendAsync(request)).StatusCode);
    }

    private async Task<JsonElement> Check(HttpClient client, string name, string csv)
    {
        using var request = Request(name, csv, await DashboardFactory.Token(client, "/data"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static HttpRequestMessage Request(string name, string csv, string token)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "files", name);
        form.Add(new StringContent("true"), "check");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/data/uploads") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return request;
    }

    private static async Task<string> Batches(HttpClient client) => await client.GetStringAsync("/api/data/batches");

    private string[] Uploads()
    {
        var folder = Path.Combine(app.Folder, "data", "uploads");
        return Directory.Exists(folder) ? [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order()] : [];
    }
}
