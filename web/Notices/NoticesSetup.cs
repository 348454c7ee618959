using Hangfire.Common;

namespace QualityAnalytics.Web.Notices;

internal static class NoticesSetup
{
    /// <summary>The e-mail notices: their settings, the mail job, and this host's job filter provider, which adds
    /// <see cref="NoticeFilter"/> to Hangfire's own providers when mails are configured. Registered before AddHangfire,
    /// which only adds its process-wide provider when none is registered.</summary>
    public static void AddNotices(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(NoticeSettings.Section).Get<NoticeSettings>() ?? new NoticeSettings());
        services.AddTransient<NoticeMailer>();
        services.AddTransient<NoticeText>();
        services.AddTransient<NoticeMailJob>();
        services.AddSingleton<IJobFilterProvider>(sp => sp.GetRequiredService<NoticeSettings>() is { Enabled: true } or { ReportsEnabled: true }
            ? new JobFilterProviderCollection(JobFilterProviders.Providers,
                new JobFilterCollection { new NoticeFilter(sp.GetRequiredService<NoticeSettings>(), sp.GetRequiredService<TimeProvider>()) })
            : JobFilterProviders.Providers);
    }
}
