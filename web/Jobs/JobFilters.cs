using Hangfire.Common;
using QualityAnalytics.Web.Notices;

namespace QualityAnalytics.Web.Jobs;

internal static class JobFilters
{
    /// <summary>This host's job filter provider: Hangfire's own providers plus <see cref="JobFailureReasonFilter"/>, and
    /// <see cref="NoticeFilter"/> when mails are configured. Registered before AddHangfire, which only adds its
    /// process-wide provider when none is registered, so that two hosts in one process keep their own settings.</summary>
    public static void AddJobFilters(this IServiceCollection services)
    {
        services.AddTransient<JobFailureText>();
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var failureText = sp.GetRequiredService<JobFailureText>();
            var filters = new JobFilterCollection { new JobFailureReasonFilter(failureText) };
            if (sp.GetRequiredService<NoticeSettings>() is { Enabled: true } or { ReportsEnabled: true })
                filters.Add(new NoticeFilter(sp.GetRequiredService<NoticeSettings>(), failureText, sp.GetRequiredService<TimeProvider>()));
            return new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
        });
    }
}
