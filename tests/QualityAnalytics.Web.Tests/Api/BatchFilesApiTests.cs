using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The data desk's list of a batch's files names each file, its sheet and its counts; where the file sat on the
/// server (the inbox, the uploads folder, a working folder of `qa load`) is the server's business, not the browser's.</summary>
public sealed class BatchFilesApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_batchs_files_are_named_without_the_servers_folders()
    {
        var committee = await app.SignedIn("committee");
        var body = await committee.GetStringAsync("/api/data/batches/1/files"); // the demo's load, from a folder under the test's own

        var files = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("fileName").GetString())));
        Assert.DoesNotContain(app.Folder, body, StringComparison.Ordinal);
    }

    /// <summary>Two departments' 投诉.csv in folders of their own (the nightly inbox's subfolders, a `qa load` of two
    /// folders) were two lines of one name in the files, the quarantine and its export: each is named by its path below
    /// the folder the batch's files share, still without the server's folders above it.</summary>
    [Fact]
    public async Task Two_files_of_one_name_are_told_apart_by_their_path_below_the_batchs_shared_folder()
    {
        app.Write("drop/LOG/投诉.csv", "complaint_id,department,received_at,channel,valid\nTS-PATH-1,LOG,2026-04-03,传真,是\n");
        app.Write("drop/STO/投诉.csv", "complaint_id,department,received_at,channel,valid\nTS-PATH-2,STO,2026-04-03,传真,是\n");
        var (exit, output, error) = app.Qa("load", "drop/LOG", "drop/STO", "--format", "json");
        Assert.True(exit == 0, output + error);
        var batch = JsonDocument.Parse(output).RootElement[0].GetProperty("batch_id").GetInt64();
        var wg = await app.SignedIn("wg");

        var files = await wg.GetStringAsync($"/api/data/batches/{batch}/files");
        Assert.Equal([Path.Combine("LOG", "投诉.csv"), Path.Combine("STO", "投诉.csv")],
            JsonDocument.Parse(files).RootElement.EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        var quarantine = await wg.GetStringAsync($"/api/data/batches/{batch}/quarantine");
        Assert.Equal([Path.Combine("LOG", "投诉.csv"), Path.Combine("STO", "投诉.csv")],
            JsonDocument.Parse(quarantine).RootElement.EnumerateArray().Select(q => q.GetProperty("path").GetString()));
        Assert.All(JsonDocument.Parse(quarantine).RootElement.EnumerateArray(), q => Assert.Equal("投诉.csv", q.GetProperty("file").GetString()));
        Assert.DoesNotContain(app.Folder, files + quarantine, StringComparison.Ordinal);
        // The export keeps its columns and adds the path last, as `qa quarantine --out` does.
        var csv = System.Text.Encoding.UTF8.GetString(await wg.GetByteArrayAsync($"/api/data/batches/{batch}/quarantine?format=csv")).Split("\r\n");
        Assert.Equal("\uFEFF批次,文件,工作表,行号,列,值,原因,路径", csv[0]);
        Assert.EndsWith("," + Path.Combine("STO", "投诉.csv"), csv[2], StringComparison.Ordinal);
    }
}
