using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Auth;

namespace QualityAnalytics.Web.Apis;

/// <summary>The scheduled jobs for the working group: their schedule and last outcome (a failure shows its reason),
/// a button's worth of "run now", and the notices the home page shows (quarantined rows, rejected files, failed jobs).</summary>
internal static class JobsApi
{
    public static void MapJobsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs", (JobStorage storage) =>
        {
            using var connection = storage.GetConnection();
            var monitoring = storage.GetMonitoringApi();
            var recurring = connection.GetRecurringJobs().Select(j => new
            {
                id = j.Id, cron = j.Cron, time_zone = j.TimeZoneId, next_execution = j.NextExecution, last_execution = j.LastExecution,
                last_state = j.LastJobState, last_job_id = j.LastJobId,
                // A failed attempt that Hangfire will retry is "Scheduled", not "Failed": its reason is in the state history.
                error = j.Error ?? (j.LastJobId is null ? null : LastFailure(monitoring, j.LastJobId)),
            });
            return Results.Ok(new { recurring, failed = Failed(storage) });
        }).RequireAuthorization(Roles.CanAdminister).WithName("Jobs");

        api.MapPost("/jobs/{id}/run", (string id, IRecurringJobManager manager, JobStorage storage) =>
        {
            using var connection = storage.GetConnection();
            if (connection.GetRecurringJobs().All(j => j.Id != id)) return Results.NotFound();
            var jobId = manager is IRecurringJobManagerV2 v2 ? v2.TriggerJob(id) : null;
            if (jobId is null) manager.Trigger(id);
            return Results.Accepted(value: new { id, job_id = jobId });
        }).RequireAuthorization(Roles.CanAdminister).AddEndpointFilter<AntiforgeryFilter>().WithName("RunJob");

        api.MapGet("/notices", (WarehouseDb warehouse, JobStorage storage) =>
        {
            using var db = warehouse.CreateContext();
            var batches = db.LoadBatches.AsNoTracking().Where(b => b.Quarantined > 0 || b.Rejected > 0 || b.Status == "failed")
                .OrderByDescending(b => b.Id).Take(10).ToList()
                .Select(b => new { batch_id = b.Id, started_at = b.StartedAt, loaded_by = b.LoadedBy, status = b.Status, quarantined = b.Quarantined, rejected = b.Rejected });
            return Results.Ok(new { batches, failed_jobs = Failed(storage) });
        }).RequireAuthorization(p => p.RequireRole(Roles.WorkingGroup, Roles.Committee)).WithName("Notices");
    }

    private static string? LastFailure(IMonitoringApi monitoring, string jobId) =>
        monitoring.JobDetails(jobId)?.History.FirstOrDefault(h => h.StateName == "Failed") is { } failed
            ? failed.Data.TryGetValue("ExceptionMessage", out var message) ? message : failed.Reason
            : null;

    private static IEnumerable<object> Failed(JobStorage storage) =>
        storage.GetMonitoringApi().FailedJobs(0, 20).Select(f => (object)new
        {
            job_id = f.Key, job = f.Value.Job?.Type.Name + "." + f.Value.Job?.Method.Name, failed_at = f.Value.FailedAt,
            reason = f.Value.ExceptionMessage, exception = f.Value.ExceptionType,
        });
}
