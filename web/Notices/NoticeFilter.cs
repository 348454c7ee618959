using System.Globalization;
using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Web.Jobs;

namespace QualityAnalytics.Web.Notices;

/// <summary>Watches this host's jobs and enqueues a mail (<see cref="NoticeMailJob"/>): to the working group when a
/// nightly load quarantined rows, rejected a file or wrote a quarter the committee had approved, and when a job attempt fails (why, worded by
/// <see cref="JobFailureText"/> in the mails' language, as the jobs list words it in the page's; and whether Hangfire
/// will retry it); to the committee when the quarterly job has written the reports. Registered only when mails are
/// configured, through this host's own filter provider rather than Hangfire's process-wide global filters, so that two
/// hosts in one process keep their own settings.</summary>
internal sealed class NoticeFilter(NoticeSettings settings, JobFailureText failureText, TimeProvider clock) : IElectStateFilter, IServerFilter
{
    // Hangfire's default when a job names no retry policy of its own (GlobalJobFilters' AutomaticRetryAttribute).
    private const int DefaultRetries = 10;

    public void OnStateElection(ElectStateContext context)
    {
        // Filters of the global scope see the attempt's own Failed state before a retry policy turns it into Scheduled.
        if (!settings.Enabled || context.CandidateState is not FailedState failed) return;
        var job = context.BackgroundJob.Job;
        if (job is null || job.Type == typeof(NoticeMailJob)) return; // a mail that cannot be sent is not mailed about
        var retriesDone = context.GetJobParameter<int>("RetryCount", allowStale: true);
        var retries = (job.Method.GetCustomAttribute<AutomaticRetryAttribute>() ?? job.Type.GetCustomAttribute<AutomaticRetryAttribute>())?.Attempts ?? DefaultRetries;
        var notice = new JobFailureNotice($"{job.Type.Name}.{job.Method.Name}", context.GetJobParameter<string>("RecurringJobId", allowStale: true),
            failureText.Describe(failed.Exception, CultureInfo.GetCultureInfo(settings.Language)), retriesDone + 1, retriesDone < retries, clock.GetUtcNow());
        new BackgroundJobClient(context.Storage).Enqueue<NoticeMailJob>(m => m.SendJobFailure(notice, CancellationToken.None));
    }

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Exception is not null) return;
        if (context.Result is IReadOnlyList<string> reports && context.BackgroundJob.Job?.Type == typeof(QuarterlyReportJob))
        {
            if (!settings.ReportsEnabled || reports.Count == 0) return;
            var reportNotice = new ReportNotice(reports, clock.GetUtcNow());
            new BackgroundJobClient(context.Storage).Enqueue<NoticeMailJob>(m => m.SendReports(reportNotice, CancellationToken.None));
            return;
        }
        if (!settings.Enabled || context.Result is not NightlyLoadResult { BatchId: { } batch } result) return;
        var approved = result.ApprovedQuartersChanged ?? [];
        if (!result.Files.Any(f => f.Quarantined > 0 || f.Rejected) && result.FailingDataTests.Count == 0 && approved.Count == 0) return;
        var notice = new LoadNotice(batch, NightlyLoadJob.Id, clock.GetUtcNow(),
            result.Files.Select(f => new LoadNoticeFile(f.File, f.Sheet, f.Read, f.Loaded, f.Quarantined, f.Rejected, f.Reason)).ToList(),
            result.FailingDataTests, approved);
        new BackgroundJobClient(context.Storage).Enqueue<NoticeMailJob>(m => m.SendLoadNotice(notice, CancellationToken.None));
    }
}
