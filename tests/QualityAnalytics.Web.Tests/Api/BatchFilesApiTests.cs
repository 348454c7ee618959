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
}
