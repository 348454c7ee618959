using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>The real Hangfire server inside the real dashboard host: a job triggered by hand from the dashboard runs,
/// on the storage that goes with the warehouse (Hangfire's SQLite file in the SQLite pass, the warehouse database's
/// `hangfire` schema through Hangfire.PostgreSql in the PostgreSQL pass) and on its in-memory storage; a failing job
/// shows its reason.</summary>
public sealed class JobsApiTests
{
    private sealed class InMemoryDashboard : Api.DashboardFactory
    {
        protected override Microsoft.Extensions.Hosting.IHostBuilder CreateHostBuilder() =>
            Host.DashboardHost.CreateBuilder(Options with { JobStorage = () => new InMemoryStorage() }, Clock);
    }

    private sealed class RescheduledDashboard : Api.DashboardFactory
    {
        protected override Microsoft.Extensions.Hosting.IHostBuilder CreateHostBuilder() =>
            Host.DashboardHost.CreateBuilder(Options with { JobStorage = () => new InMemoryStorage() }, Clock)
                .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:NightlyLoad"] = "30 1 * * *" }));
    }

    [Fact]
    public async Task A_schedule_is_changed_by_configuration_and_the_job_keeps_its_id()
    {
        using var app = new RescheduledDashboard();
        var wg = await app.SignedIn("wg");
        var jobs = JsonDocument.Parse(await wg.GetStringAsync("/api/jobs")).RootElement.GetProperty("recurring");
        var nightly = jobs.EnumerateArray().Single(j => j.GetProperty("id").GetString() == "nightly-load");
        Assert.Equal("30 1 * * *", nightly.GetProperty("cron").GetString());
        Assert.Equal("Asia/Shanghai", nightly.GetProperty("time_zone").GetString());
    }

    /// <summary>"warehouse": the persistent storage `qa serve` uses for the pass's provider; "memory": the tests' own.</summary>
    public static TheoryData<string> Storages => new("warehouse", "memory");

    private static Api.DashboardFactory Create(string storage) => storage == "memory" ? new InMemoryDashboard() : new Api.DashboardFactory();

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_file_dropped_into_the_inbox_is_loaded_when_the_working_group_runs_the_nightly_load(string storage)
    {
        using var app = Create(storage);
        var inbox = Path.Combine(app.Folder, "data", "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "late.csv"), "complaint_id,department,received_at,channel,valid\nNJ-1,LOG,2026-09-02 10:00,电话,是\n");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));
        var storageType = app.Service<JobStorage>().GetType();
        Assert.Equal(storage == "memory" ? typeof(InMemoryStorage) : TestDatabases.OnPostgres ? typeof(PostgreSqlStorage) : typeof(SQLiteStorage), storageType);

        var jobs = JsonDocument.Parse(await wg.GetStringAsync("/api/jobs")).RootElement;
        Assert.Contains(jobs.GetProperty("recurring").EnumerateArray(), j => j.GetProperty("id").GetString() == "nightly-load" && j.GetProperty("cron").GetString() == "0 2 * * *");
        Assert.Equal(HttpStatusCode.Accepted, (await wg.PostAsync("/api/jobs/nightly-load/run", null)).StatusCode);

        var archived = Path.Combine(app.Folder, "data", "archive");
        await Until(() => Directory.Exists(archived) && Directory.EnumerateFiles(archived, "late.csv", SearchOption.AllDirectories).Any());
        var batches = JsonDocument.Parse(await wg.GetStringAsync("/api/data/batches")).RootElement;
        Assert.Equal("nightly-load", batches[0].GetProperty("loadedBy").GetString());

        var manager = await app.SignedIn("log-manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/jobs")).StatusCode);
        var viewer = await app.SignedIn("viewer");
        var hangfireForViewer = (await viewer.GetAsync("/hangfire")).StatusCode;
        Assert.True(hangfireForViewer is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"viewer got {hangfireForViewer} from /hangfire");
        Assert.Equal(HttpStatusCode.OK, (await wg.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_failing_job_shows_its_reason_to_the_working_group()
    {
        using var app = new InMemoryDashboard();
        var wg = await RunNightlyLoadOnAnInboxThatIsAFile(app);

        string? error = null;
        await Until(async () =>
        {
            var jobs = JsonDocument.Parse(await wg.GetStringAsync("/api/jobs")).RootElement;
            var job = jobs.GetProperty("recurring").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "nightly-load");
            error = job.GetProperty("error").ValueKind == JsonValueKind.String ? job.GetProperty("error").GetString() : null;
            return error is not null;
        });
        Assert.Contains("inbox", error);
    }

    [Fact]
    public async Task A_rescore_after_a_broken_policy_file_fails_with_the_policy_files_own_error()
    {
        using var app = new InMemoryDashboard();
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));
        // An edit saved half done: the rescore the working group starts next must say what is wrong with the file.
        File.WriteAllText(Path.Combine(app.Service<QualityAnalytics.Warehouse.Schema.WarehouseDb>().DataFolder, "policy.json"), "{ \"versions\": [ { \"name\": 5 } ");
        await wg.PostAsync("/api/jobs/rescore/run", null);

        string? error = null;
        await Until(async () =>
        {
            var jobs = JsonDocument.Parse(await wg.GetStringAsync("/api/jobs?lang=en")).RootElement;
            var job = jobs.GetProperty("recurring").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "rescore");
            error = job.GetProperty("error").ValueKind == JsonValueKind.String ? job.GetProperty("error").GetString() : null;
            return error is not null;
        });
        // The policy file's own message (which file, what is wrong with it), not a failure to create the job.
        Assert.Contains("policy.json", error);
        Assert.Contains("not valid JSON at line 1", error);
    }

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task A_broken_policy_file_is_told_in_the_pages_language_in_the_jobs_list(string storage)
    {
        // The list showed the exception's English ("not valid JSON at line 1…") on the Chinese page.
        using var app = Create(storage);
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));
        File.WriteAllText(Path.Combine(app.Service<QualityAnalytics.Warehouse.Schema.WarehouseDb>().DataFolder, "policy.json"), "{ \"versions\": [ { \"name\": 5 } ");
        await wg.PostAsync("/api/jobs/rescore/run", null);

        var chinese = await RecurringError(wg, "rescore", "/api/jobs");
        Assert.Contains("policy.json”有 1 处问题", chinese, StringComparison.Ordinal);
        Assert.Contains("policy.json：（整个文件）：不是有效的 JSON：第 1 行第 31 列有误", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid JSON", chinese, StringComparison.Ordinal);
        var english = await RecurringError(wg, "rescore", "/api/jobs?lang=en");
        Assert.Contains("policy.json: (file): not valid JSON at line 1, column 31", english, StringComparison.Ordinal);
        Assert.DoesNotContain("不是有效的 JSON", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inbox_that_is_a_file_is_told_in_the_pages_language()
    {
        using var app = new InMemoryDashboard();
        var wg = await RunNightlyLoadOnAnInboxThatIsAFile(app);

        var inbox = Path.Combine(app.Folder, "data", "inbox");
        Assert.Equal($"收件箱 {inbox} 是一个文件，不是文件夹：请删除或改名该文件，让出收件箱的文件夹。", await RecurringError(wg, "nightly-load", "/api/jobs"));
        Assert.Equal($"The inbox {inbox} is a file, not a folder: remove or rename the file so that the inbox can be a folder.",
            await RecurringError(wg, "nightly-load", "/api/jobs?lang=en"));
    }

    [Fact]
    public async Task An_unknown_failure_shows_its_stored_text_under_a_technical_reason_in_the_pages_language()
    {
        using var app = new InMemoryDashboard();
        var wg = await app.SignedIn("wg");
        var jobId = new BackgroundJobClient(app.Service<JobStorage>()).Enqueue(() => FailingJob.Run());

        JsonElement failed = default;
        await Until(async () =>
        {
            var jobs = JsonDocument.Parse(await wg.GetStringAsync("/api/jobs")).RootElement;
            failed = jobs.GetProperty("failed").EnumerateArray().FirstOrDefault(f => f.GetProperty("job_id").GetString() == jobId);
            return failed.ValueKind == JsonValueKind.Object;
        });
        Assert.Equal("技术原因（英文原文）：" + FailingJob.Message, failed.GetProperty("reason").GetString());
        var english = JsonDocument.Parse(await wg.GetStringAsync("/api/jobs?lang=en")).RootElement.GetProperty("failed").EnumerateArray()
            .Single(f => f.GetProperty("job_id").GetString() == jobId);
        Assert.Equal("Technical reason: " + FailingJob.Message, english.GetProperty("reason").GetString());
        // The home page's notices tell it the same way.
        var notice = JsonDocument.Parse(await wg.GetStringAsync("/api/notices")).RootElement.GetProperty("failed_jobs").EnumerateArray()
            .Single(f => f.GetProperty("job_id").GetString() == jobId);
        Assert.Equal("技术原因（英文原文）：" + FailingJob.Message, notice.GetProperty("reason").GetString());
    }

    /// <summary>A job that fails in a way the product does not know: its exception's message is all there is to show.</summary>
    public static class FailingJob
    {
        public const string Message = "The connection was reset by the peer.";

        [AutomaticRetry(Attempts = 0)]
        public static void Run() => throw new InvalidOperationException(Message);
    }

    /// <summary>The reason the jobs list gives for a recurring job's last failed attempt, once it has one.</summary>
    private static async Task<string> RecurringError(HttpClient client, string id, string url)
    {
        string? error = null;
        await Until(async () =>
        {
            var jobs = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
            var job = jobs.GetProperty("recurring").EnumerateArray().Single(j => j.GetProperty("id").GetString() == id);
            error = job.GetProperty("error").ValueKind == JsonValueKind.String ? job.GetProperty("error").GetString() : null;
            return error is not null;
        });
        return error!;
    }

    private static Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()));

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the job did not get there within 60 s");
            await Task.Delay(250);
        }
    }

    /// <summary>The working group runs the nightly load where the inbox cannot be a folder (a file stands where it should
    /// be), so the job fails with a reason our jobs know.</summary>
    private static async Task<HttpClient> RunNightlyLoadOnAnInboxThatIsAFile(InMemoryDashboard app)
    {
        Directory.CreateDirectory(Path.Combine(app.Folder, "data"));
        File.WriteAllText(Path.Combine(app.Folder, "data", "inbox"), "not a folder");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));
        await wg.PostAsync("/api/jobs/nightly-load/run", null);
        return wg;
    }
}
