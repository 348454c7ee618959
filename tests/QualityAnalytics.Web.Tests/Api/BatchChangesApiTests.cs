using System.Net;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>A batch that updated stored rows shows what changed: the loader recorded each change (row_change: key, old
/// and new values, file), but no page showed it, so the working group could not see what a department's corrected file
/// had altered. The desk lists them per batch, one line per changed column.</summary>
public sealed class BatchChangesApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_corrected_row_lists_each_changed_column_with_its_old_and_new_value_and_the_file()
    {
        var wg = await app.SignedIn("wg");
        var original = File.ReadAllLines(Path.Combine(app.Folder, "data", "demo-files", "complaints_2026Q1.csv"));
        var row = original.Skip(1).First(l => l.Contains(",Y,", StringComparison.Ordinal));
        var key = row.Split(',')[Array.IndexOf(original[0].Split(','), "complaint_id")];
        var batch = await Upload(wg, "更正.csv", original[0] + "\n" + row.Replace(",Y,", ",N,", StringComparison.Ordinal) + "\n");
        try
        {
            var changes = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/changes")).RootElement.EnumerateArray().ToList();

            var change = Assert.Single(changes);
            Assert.Equal("更正.csv", change.GetProperty("file").GetString());
            Assert.Equal("complaints", change.GetProperty("kind").GetString());
            Assert.Equal(key, change.GetProperty("key").GetString());
            // The field as the page's reader knows it: the contract's Chinese header with its English name (the file may use
            // either), and in English the English name alone.
            Assert.Equal("是否有效（valid）", change.GetProperty("column").GetString());
            var en = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/changes?lang=en")).RootElement.EnumerateArray().Single();
            Assert.Equal("valid", en.GetProperty("column").GetString());
            // Values as the pages show them (是/否), not as stored (1/0).
            Assert.Equal(("是", "否"), (change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
            Assert.Equal(("Yes", "No"), (en.GetProperty("old").GetString(), en.GetProperty("new").GetString()));
            // Only the desk's roles: a department manager may not read what other departments' files changed.
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("log-manager")).GetAsync($"/api/data/batches/{batch}/changes")).StatusCode);
        }
        finally
        {
            await Upload(wg, "还原.csv", original[0] + "\n" + row + "\n"); // the demo's row again, for the class's other tests
        }
    }

    /// <summary>A reference changed (the channel) is listed as the field of the file with the names it stands for; the
    /// loader records the fact table's columns (channel_key 1 → 2), which the desk used to show as they were.</summary>
    [Fact]
    public async Task A_changed_channel_is_listed_by_its_name_not_its_key()
    {
        var wg = await app.SignedIn("wg");
        var original = File.ReadAllLines(Path.Combine(app.Folder, "data", "demo-files", "complaints_2026Q1.csv"));
        var channel = Array.IndexOf(original[0].Split(','), "channel");
        var row = original.Skip(1).First(l => l.Split(',')[channel] == "电话");
        var cells = row.Split(',');
        cells[channel] = "邮件";
        var batch = await Upload(wg, "渠道更正.csv", original[0] + "\n" + string.Join(",", cells) + "\n");
        try
        {
            var zh = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/changes")).RootElement.EnumerateArray().Single();
            Assert.Equal(("投诉渠道（channel）", "电话", "邮件"), (zh.GetProperty("column").GetString(), zh.GetProperty("old").GetString(), zh.GetProperty("new").GetString()));
            var en = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/changes?lang=en")).RootElement.EnumerateArray().Single();
            Assert.Equal(("channel", "Phone", "Email"), (en.GetProperty("column").GetString(), en.GetProperty("old").GetString(), en.GetProperty("new").GetString()));
        }
        finally
        {
            await Upload(wg, "渠道还原.csv", original[0] + "\n" + row + "\n");
        }
    }

    /// <summary>The quarantine list names the column as the department's file heads it, with the other name in the
    /// page's language beside it (received_at（受理时间）on the Chinese page for this English-headed demo file), and so
    /// does its CSV export; columnKey is the contract's name whatever the header.</summary>
    [Fact]
    public async Task Quarantined_rows_name_their_field_in_the_pages_language()
    {
        var wg = await app.SignedIn("wg");
        var header = File.ReadAllLines(Path.Combine(app.Folder, "data", "demo-files", "complaints_2026Q1.csv"))[0];
        var columns = header.Split(',');
        var cells = columns.Select(c => c switch
        {
            "complaint_id" => "TS-QUARANTINE-LABEL", "department" => "LOG", "received_at" => "2026-02-30 09:00", "channel" => "电话", "valid" => "Y",
            _ => "",
        });
        var batch = (await DeskUpload.Csv(wg, "坏日期.csv", header + "\n" + string.Join(",", cells) + "\n")).GetProperty("batch_id").GetInt64();

        var zh = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/quarantine")).RootElement.EnumerateArray().Single();
        Assert.Equal("received_at（受理时间）", zh.GetProperty("column").GetString());
        Assert.Equal("received_at", zh.GetProperty("columnKey").GetString());
        var en = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/quarantine?lang=en")).RootElement.EnumerateArray().Single();
        Assert.Equal("received_at", en.GetProperty("column").GetString());
        Assert.Contains(",received_at（受理时间）,", await wg.GetStringAsync($"/api/data/batches/{batch}/quarantine?format=csv"), StringComparison.Ordinal);
    }

    /// <summary>A department's file headed in Chinese: the desk names the column 受理时间, as the file does, with the
    /// contract's name beside it in either language.</summary>
    [Fact]
    public async Task Quarantined_rows_of_a_file_with_Chinese_headers_name_the_column_as_the_file_heads_it()
    {
        var wg = await app.SignedIn("wg");
        var batch = (await DeskUpload.Csv(wg, "坏日期_中文.csv", "投诉编号,部门编码,受理时间,投诉渠道,是否有效\nTS-QUARANTINE-ZH,LOG,2026-02-30 09:00,电话,是\n"))
            .GetProperty("batch_id").GetInt64();

        var zh = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/quarantine")).RootElement.EnumerateArray().Single();
        Assert.Equal(("受理时间（received_at）", "received_at"), (zh.GetProperty("column").GetString(), zh.GetProperty("columnKey").GetString()));
        var en = JsonDocument.Parse(await wg.GetStringAsync($"/api/data/batches/{batch}/quarantine?lang=en")).RootElement.EnumerateArray().Single();
        Assert.Equal("受理时间 (received_at)", en.GetProperty("column").GetString());
        Assert.Contains(",受理时间 (received_at),", await wg.GetStringAsync($"/api/data/batches/{batch}/quarantine?format=csv&lang=en"), StringComparison.Ordinal);
    }

    private static async Task<long> Upload(HttpClient client, string name, string csv)
    {
        var body = await DeskUpload.Csv(client, name, csv);
        Assert.Equal(1, body.GetProperty("files")[0].GetProperty("updated").GetInt32());
        return body.GetProperty("batch_id").GetInt64();
    }
}
