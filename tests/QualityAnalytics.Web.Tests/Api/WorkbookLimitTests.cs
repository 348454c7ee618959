using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Cli;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The loader's limit on how far a workbook unpacks (Loader:MaxXlsxUnpackedMB) holds on every way in: an
/// upload, the nightly load that `qa serve` schedules, `qa load` and `qa jobs run nightly-load`. A zip bomb of 200 MB of
/// sheet XML in a few hundred KB of .xlsx, against a limit of 1 MB set as an operator would.</summary>
public sealed class WorkbookLimitTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private const long Unpacked = 200L * 1024 * 1024;
    private static readonly Dictionary<string, string?> OneMegabyte = new() { [LoaderSettings.MaxXlsxUnpackedMB] = "1" };
    private const string Reason = "expands to more than 1 MB when unpacked, the limit for a workbook (too large at its part xl/worksheets/sheet1.xml)";

    private WebApplicationFactory<DashboardStartup> WithLimit() =>
        app.WithWebHostBuilder(web => web.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(OneMegabyte)));

    [Fact]
    public async Task An_upload_that_unpacks_past_the_limit_is_refused_whole()
    {
        await using var host = WithLimit();
        var bomb = await File.ReadAllBytesAsync(WorkbookBomb.Write(Path.Combine(app.Folder, "upload-bomb.xlsx"), Unpacked));
        var wg = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await DashboardFactory.Token(wg, "/login");
        Assert.Equal(HttpStatusCode.Redirect, (await wg.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["UserName"] = "wg", ["Password"] = DashboardFactory.Password, ["__RequestVerificationToken"] = token }))).StatusCode);
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await DashboardFactory.Token(wg, "/"));

        using var form = new MultipartFormDataContent { { new ByteArrayContent(bomb), "files", "部门.xlsx" } };
        var response = await wg.PostAsync("/api/data/uploads?lang=en", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("files").EnumerateArray().Single();
        Assert.True(file.GetProperty("rejected").GetBoolean());
        Assert.Equal($"部门.xlsx: {Reason}.", file.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_scheduled_nightly_load_refuses_it_whole()
    {
        await using var host = WithLimit();
        var inbox = JobFolders.In(app.Options.Warehouse.DataFolder).Inbox;
        Directory.CreateDirectory(inbox);
        var bomb = WorkbookBomb.Write(Path.Combine(inbox, "部门.xlsx"), Unpacked);
        File.SetLastWriteTimeUtc(bomb, app.Clock.GetUtcNow().UtcDateTime.AddHours(-1)); // dropped well before the run

        // The job as Hangfire gets it: from the host's services.
        var result = host.Services.GetRequiredService<NightlyLoadJob>().Run(CancellationToken.None);

        var file = Assert.Single(result.Files);
        Assert.True(file.Rejected);
        Assert.Equal($"部门.xlsx: {Reason}.", file.Reason);
        Assert.Equal("部门.xlsx", Path.GetFileName(Assert.Single(result.Rejected))); // moved to rejected/<batch>/
    }

    [Fact]
    public void Qa_load_and_the_nightly_load_run_by_hand_refuse_it_whole()
    {
        using var qa = new CliRun(OneMegabyte);
        Directory.CreateDirectory(Path.Combine(qa.Folder, "data", "inbox"));
        var bomb = WorkbookBomb.Write(Path.Combine(qa.Folder, "部门.xlsx"), Unpacked);

        var (exit, output, _) = qa.Run("load", bomb);
        Assert.Equal(1, exit);
        Assert.Contains(Reason, output, StringComparison.Ordinal);

        var dropped = Path.Combine(qa.Folder, "data", "inbox", "部门.xlsx");
        File.Move(bomb, dropped);
        File.SetLastWriteTimeUtc(dropped, qa.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        var (jobExit, jobOutput, jobError) = qa.Run("jobs", "run", "nightly-load");
        Assert.True(jobExit == 1, jobOutput + jobError);
        Assert.Contains("rejected 1", jobOutput, StringComparison.Ordinal);
    }
}
