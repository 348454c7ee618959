using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Web.Host;

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
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Jobs").Get<JobSchedule>() ?? new JobSchedule());
        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (options.JobStorage is { } configure) configure(c);
            else if (options.Warehouse.IsPostgres)
            {
                // One queue in the shared database: whichever instance's worker dequeues a job runs it, once.
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(options.Warehouse.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else c.UseSQLiteStorage(options.HangfireFile, new SQLiteStorageOptions());
        });
        if (options.RunJobs) services.AddHangfireServer(o => o.WorkerCount = 2);
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
