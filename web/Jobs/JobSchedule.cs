namespace QualityAnalytics.Web.Jobs;

/// <summary>When the recurring jobs run, as cron expressions in Asia/Shanghai. Configurable (appsettings.json section
/// "Jobs", or environment variables such as Jobs__NightlyLoad="30 1 * * *").</summary>
public sealed record JobSchedule
{
    public const string Section = "Jobs";

    /// <summary>Hangfire's "never" (31 February): the rescore's default, run by hand.</summary>
    public const string Never = "0 0 31 2 *";

    /// <summary>The schedules as configured, the defaults for what is not: read by the host's scheduler and by `qa jobs
    /// list` alike, so that the list shows what the scheduler will do.</summary>
    public static JobSchedule From(IConfiguration configuration) => configuration.GetSection(Section).Get<JobSchedule>() ?? new JobSchedule();

    /// <summary>The nightly load of the inbox: 02:00 every day.</summary>
    public string NightlyLoad { get; init; } = "0 2 * * *";
    /// <summary>Rebuilding marts and rescoring everything: by hand only by default (Hangfire's "never").</summary>
    public string Rescore { get; init; } = Never;
    /// <summary>The previous quarter's report, 06:00 on the 8th of January, April, July and October (the meeting is on the 10th).</summary>
    public string QuarterlyReport { get; init; } = "0 6 8 1,4,7,10 *";
}
