using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Jobs;

namespace QualityAnalytics.Web.Apis;

/// <summary>The scheduled jobs for the working group: their schedule and last outcome (a failure shows its reason),
/// a button's worth of "run now", and the notices the home page shows (quarantined rows, rejected files, failed jobs).</summary>
internal static class JobsApi
{
    public static void MapJobsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs", (JobStorage storage, JobFailureText text) =>
        {
            using var connection = storage.GetConnection();
            var monitoring = storage.GetMonitoringApi();
            var culture = CultureInfo.CurrentUICulture;
            var recurring = connection.GetRecurringJobs().Select(j => new
            {
                id = j.Id, cron = j.Cron, time_zone = j.TimeZoneId, next_execution = j.NextExecution, last_execution = j.LastExecution,
                last_state = j.LastJobState, last_job_id = j.LastJobId,
                // The recurring job's own error is Hangfire's (its job cannot be created), so technical. A failed attempt
                // that Hangfire will retry is "Scheduled", not "Failed": its reason is in the state history.
                error = text.Technical(j.Error, culture) ?? (j.LastJobId is null ? null : LastFailure(connection, monitoring, j.LastJobId, text, culture)),
            }).ToList();
            return Results.Ok(new { recurring, failed = Failed(storage, connection, text, culture) });
        }).RequireAuthorization(Roles.CanAdminister).WithName("Jobs");

        api.MapPost("/jobs/{id}/run", (string id, IRecurringJobManager manager, JobStorage storage) =>
        {
            using var connection = storage.GetConnection();
            if (connection.GetRecurringJobs().All(j => j.Id != id)) return Results.NotFound();
            var jobId = manager is IRecurringJobManagerV2 v2 ? v2.TriggerJob(id) : null;
            if (jobId is null) manager.Trigger(id);
            return Results.Accepted(value: new { id, job_id = jobId });
        }).RequireAuthorization(Roles.CanAdminister).AddEndpointFilter<AntiforgeryFilter>().WithName("RunJob");

        api.MapGet("/notices", (WarehouseDb warehouse, JobStorage storage, JobFailureText text) =>
        {
            using var connection = storage.GetConnection();
            using var db = warehouse.CreateContext();
            var batches = db.LoadBatches.AsNoTracking().Where(b => b.Quarantined > 0 || b.Rejected > 0 || b.Status == "failed")
                .OrderByDescending(b => b.Id).Take(10).ToList()
                .Select(b => new { batch_id = b.Id, started_at = b.StartedAt, loaded_by = b.LoadedBy, status = b.Status, quarantined = b.Quarantined, rejected = b.Rejected });
            // The latest loads that wrote a quarter the committee had approved (a correction to take back to it). Read from the
            // loader's trail only: a batch loaded before it existed would cost a scan of every fact on every visit.
            var approvedChanges = db.LoadBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(10).Select(b => b.Id).ToList()
                .Select(id => new { batch_id = id, quarters = ApprovedQuartersChanged.By(db, id, scanUntracked: false).Select(q => q.ToString()).ToList() })
                .Where(b => b.quarters.Count > 0).ToList();
            return Results.Ok(new { batches, approved_changes = approvedChanges, failed_jobs = Failed(storage, connection, text, CultureInfo.CurrentUICulture) });
        }).RequireAuthorization(p => p.RequireRole(Roles.WorkingGroup, Roles.Committee)).WithName("Notices");
    }

    private static string? LastFailure(IStorageConnection connection, IMonitoringApi monitoring, string jobId, JobFailureText text, CultureInfo culture) =>
        monitoring.JobDetails(jobId)?.History.FirstOrDefault(h => h.StateName == "Failed") is { } failed
            ? Reason(connection, jobId, failed.Data.TryGetValue("ExceptionMessage", out var message) ? message : failed.Reason, text, culture)
            : null;

    private static List<object> Failed(JobStorage storage, IStorageConnection connection, JobFailureText text, CultureInfo culture) =>
        storage.GetMonitoringApi().FailedJobs(0, 20).Select(f => (object)new
        {
            job_id = f.Key, job = f.Value.Job?.Type.Name + "." + f.Value.Job?.Method.Name, failed_at = f.Value.FailedAt,
            reason = Reason(connection, f.Key, f.Value.ExceptionMessage, text, culture), exception = f.Value.ExceptionType,
        }).ToList();

    /// <summary>The latest failed attempt's reason in the page's language, as <see cref="JobFailureReasonFilter"/> kept it;
    /// a failure kept without one (recorded before the reasons were) by Hangfire's stored English, marked technical.</summary>
    private static string? Reason(IStorageConnection connection, string jobId, string? storedMessage, JobFailureText text, CultureInfo culture) =>
        connection.GetJobParameter(jobId, JobFailureReason.Parameter) is { } kept
        && SerializationHelper.Deserialize<JobFailureReason>(kept, SerializationOption.User) is { } reason
            ? reason.In(culture)
            : text.Technical(storedMessage, culture);
}
