using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Web.Tests.Jobs;

namespace QualityAnalytics.Web.Tests.Scale;

/// <summary>Several `qa serve` instances against one database: each job runs once, whichever instance takes it. Both
/// instances run Hangfire servers on the shared PostgreSQL storage; what is asserted is durable: the load batches in the
/// warehouse, and each job's state history in Hangfire's tables.</summary>
public sealed class CrossInstanceJobTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [PostgresFact]
    public async Task The_nightly_load_run_from_both_instances_at_once_loads_the_inbox_once()
    {
        await using var pair = await TwoInstances.Start();
        DropFiles(pair, 2000);
        var jar = new CookieContainer();
        await TwoInstances.SignIn(pair.A, jar);
        using var onA = pair.A.Browser(jar);
        var token = JsonDocument.Parse(await onA.GetStringAsync("/api/me")).RootElement.GetProperty("csrf_token").GetString()!;
        onA.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        using var onB = pair.B.Browser(TwoInstances.Carry(jar, pair.A, pair.B));
        onB.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);

        var triggered = await Task.WhenAll(onA.PostAsync("/api/jobs/nightly-load/run", null), onB.PostAsync("/api/jobs/nightly-load/run", null));
        Assert.All(triggered, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var jobIds = await Task.WhenAll(triggered.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!));
        Assert.Equal(2, jobIds.Distinct().Count());

        var monitoring = pair.Monitoring();
        var histories = await Task.WhenAll(jobIds.Select(id => Finished(monitoring, id)));

        // Each triggered job ran once (one Processing state), on one of the two servers, and succeeded; one of them
        // loaded the files, the other found the inbox empty.
        var servers = monitoring.Servers().Select(s => s.Name).ToHashSet();
        Assert.Equal(2, servers.Count);
        foreach (var history in histories)
        {
            Assert.Equal("Succeeded", history[0].StateName);
            var processing = Assert.Single(history, h => h.StateName == "Processing");
            Assert.Contains(processing.Data["ServerId"], servers);
        }
        var results = histories.Select(h => BatchIdOf(h[0].Data["Result"])).ToList();
        Assert.Single(results, r => r is not null);
        Assert.Single(results, r => r is null);
        Assert.Equal(2, monitoring.SucceededListCount());

        Assert.Equal(1, pair.Count("SELECT count(*) FROM load_batch"));
        Assert.Equal(1, pair.Count("SELECT count(*) FROM load_batch WHERE loaded_by = 'nightly-load'"));
        Assert.Equal(2000, pair.Count("SELECT count(*) FROM fact_complaint"));
        Assert.Empty(Directory.GetFiles(pair.Inbox, "*.csv"));
    }

    [PostgresFact]
    public async Task The_recurring_load_due_on_both_instances_runs_once_at_each_due_time()
    {
        // Every five seconds (Hangfire's cron with seconds), on both instances: each due time must give one run.
        await using var pair = await TwoInstances.Start(new Dictionary<string, string?> { ["Jobs:NightlyLoad"] = "*/5 * * * * *" });
        DropFiles(pair, 500);
        var monitoring = pair.Monitoring();

        var deadline = DateTime.UtcNow + Patience;
        while (ScheduledRuns(pair).Count(r => r.Finished) < 3)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"fewer than 3 scheduled runs finished in {Patience}");
            await Task.Delay(500);
        }

        var runs = ScheduledRuns(pair);
        Assert.All(runs.GroupBy(r => r.DueAt), due => Assert.True(due.Count() == 1, $"the run due at {due.Key} was created {due.Count()} times"));
        foreach (var run in runs.Where(r => r.Finished))
        {
            var history = monitoring.JobDetails(run.JobId).History;
            Assert.Equal("Succeeded", history[0].StateName);
            Assert.Single(history, h => h.StateName == "Processing");
        }
        Assert.Equal(1, pair.Count("SELECT count(*) FROM load_batch"));
        Assert.Equal(500, pair.Count("SELECT count(*) FROM fact_complaint"));
    }

    /// <summary>The batch id in a NightlyLoadResult as Hangfire stored it (its serializer leaves out nulls: a run that
    /// found the inbox empty has none).</summary>
    private static long? BatchIdOf(string result)
    {
        foreach (var property in JsonDocument.Parse(result).RootElement.EnumerateObject())
        {
            if (property.NameEquals("BatchId") && property.Value.ValueKind == JsonValueKind.Number) return property.Value.GetInt64();
        }
        return null;
    }

    private static void DropFiles(TwoInstances pair, int complaints)
    {
        Directory.CreateDirectory(pair.Inbox);
        File.WriteAllText(Path.Combine(pair.Inbox, "a-departments.csv"), JobTestData.Departments);
        File.WriteAllText(Path.Combine(pair.Inbox, "b-complaints.csv"), JobTestData.Complaints(complaints));
        // Dropped earlier in the evening (the instances read the real clock): a file written within the settle time
        // would wait for the next run as one still being copied.
        foreach (var file in Directory.GetFiles(pair.Inbox)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
    }

    private sealed record ScheduledRun(string JobId, string DueAt, bool Finished);

    /// <summary>The jobs the recurring scheduler made for the nightly load, each with the due time it was made for
    /// (Hangfire's "Time" job parameter) and whether it has reached a final state.</summary>
    private static List<ScheduledRun> ScheduledRuns(TwoInstances pair)
    {
        using var connection = pair.Warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT j.id::text, t.value, j.statename IN ('Succeeded', 'Failed', 'Deleted')
            FROM hangfire.job j
            JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId' AND r.value = '"nightly-load"'
            JOIN hangfire.jobparameter t ON t.jobid = j.id AND t.name = 'Time'
            ORDER BY j.id
            """;
        using var reader = command.ExecuteReader();
        var runs = new List<ScheduledRun>();
        while (reader.Read()) runs.Add(new ScheduledRun(reader.GetString(0), reader.GetString(1), !reader.IsDBNull(2) && reader.GetBoolean(2)));
        return runs;
    }

    /// <summary>Waits for a job's final state and returns its history, newest first.</summary>
    private static async Task<IList<StateHistoryDto>> Finished(IMonitoringApi monitoring, string jobId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var history = monitoring.JobDetails(jobId)?.History;
            if (history is { Count: > 0 } && history[0].StateName is "Succeeded" or "Failed") return history;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"job {jobId} did not finish within {Patience}: {history?.FirstOrDefault()?.StateName}");
            await Task.Delay(250);
        }
    }
}
