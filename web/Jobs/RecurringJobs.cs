using Hangfire;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Web.Jobs;

/// <summary>The recurring jobs, registered under stable ids so that a restart updates them instead of adding more.</summary>
public static class RecurringJobs
{
    public static readonly string[] Ids = [NightlyLoadJob.Id, RescoreJob.Id, QuarterlyReportJob.Id];

    public static void Register(IRecurringJobManager manager, JobSchedule schedule)
    {
        var options = new RecurringJobOptions { TimeZone = BusinessTime.Zone };
        manager.AddOrUpdate<NightlyLoadJob>(NightlyLoadJob.Id, job => job.Run(CancellationToken.None), schedule.NightlyLoad, options);
        manager.AddOrUpdate<RescoreJob>(RescoreJob.Id, job => job.Run(), schedule.Rescore, options);
        manager.AddOrUpdate<QuarterlyReportJob>(QuarterlyReportJob.Id, job => job.Run(), schedule.QuarterlyReport, options);
    }
}
