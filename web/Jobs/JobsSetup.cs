using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Notices;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Hangfire in the dashboard's host: storage, server, the recurring jobs, and its dashboard at /hangfire.</summary>
internal static class JobsSetup
{
    public static void AddJobs(this IServiceCollection services, ServeOptions options)
    {
        var folders = JobFolders.In(options.Warehouse.DataFolder);
        services.AddSingleton(options.Inbox is null ? folders : folders with { Inbox = options.Inbox });
        services.AddTransient<NightlyLoadJob>();
        services.AddTransient<RescoreJob>();
        services.AddTransient<QuarterlyReportJob>();
        services.AddSingleton(new QualityAnalytics.Web.Reports.ReportArchive(options.Warehouse.DataFolder));
        services.AddSingleton(sp => JobSchedule.From(sp.GetRequiredService<IConfiguration>()));
        if (options.JobStorage is null && options.Warehouse.IsPostgres) HangfirePostgresSchema.Prepare(options.Warehouse);

        // This host's own storage and job activator, registered before AddHangfire (which only adds them when absent).
        // Hangfire's defaults are process-wide statics (JobStorage.Current, JobActivator.Current) that the last host to
        // start would set for every host in the process; with these, two hosts in one process (the tests') stay two
        // instances, each running jobs from its own container.
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // the serializer settings below, before the storage is used
            return options.JobStorage?.Invoke() ?? CreateStorage(options);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddNotices();
        services.AddJobFilters();
        services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        if (options.RunJobs) services.AddHangfireServer(o => o.WorkerCount = 2);
    }

    private static JobStorage CreateStorage(ServeOptions options)
    {
        if (!options.Warehouse.IsPostgres) return new SQLiteStorage(options.HangfireFile, new SQLiteStorageOptions());
        // One queue in the shared database: whichever instance's worker dequeues a job runs it, once. Long polling
        // (LISTEN/NOTIFY) wakes every instance's workers when a job is enqueued, so "run now" on one instance starts at
        // once rather than at the next 15-second poll.
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = HangfirePostgresSchema.Name, PrepareSchemaIfNecessary = false, EnableLongPolling = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.Warehouse.ConnectionString, storageOptions), storageOptions);
    }

    public static void UseJobs(this IApplicationBuilder app, ServeOptions options)
    {
        RecurringJobs.Register(app.ApplicationServices.GetRequiredService<IRecurringJobManager>(), app.ApplicationServices.GetRequiredService<JobSchedule>());
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
            DashboardTitle = "QualityAnalytics jobs",
        });
    }
}
