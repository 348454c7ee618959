namespace QualityAnalytics.Web.Notices;

internal static class NoticesSetup
{
    /// <summary>The e-mail notices: their settings and the mail job. Their job filter, <see cref="NoticeFilter"/>, joins
    /// this host's filter provider when mails are configured (Jobs/JobFilters).</summary>
    public static void AddNotices(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(NoticeSettings.Section).Get<NoticeSettings>() ?? new NoticeSettings());
        services.AddTransient<NoticeMailer>();
        services.AddTransient<NoticeText>();
        services.AddTransient<NoticeMailJob>();
    }
}
