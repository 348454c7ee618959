using System.CommandLine;
using System.Net.Sockets;
using MailKit;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityAnalytics.Web.Notices;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa notices test` sends one mail through the configured SMTP server (section Notices of appsettings.json
/// or Notices__… variables, as `qa serve` reads them) to the working group and the committee, so that an operator
/// learns that the settings work before the first failed night rather than after it.</summary>
internal static class NoticesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var test = new Command("test", "Send a test mail to the configured addresses (Notices:To and Notices:ReportTo) through Notices:Smtp.");
        test.SetAction((_, cancel) =>
        {
            var settings = env.Configuration.GetSection(NoticeSettings.Section).Get<NoticeSettings>() ?? new NoticeSettings();
            if (!settings.Enabled && !settings.ReportsEnabled)
                throw new UsageException("no mail is configured: set Notices:Smtp:Host and at least one address in Notices:To or Notices:ReportTo (README, \"E-mail notices\").");
            var recipients = settings.To.Concat(settings.ReportTo).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var (subject, body) = new NoticeText(Localizer(), settings).Test(env.Clock);
            try
            {
                new NoticeMailer(settings).Send(recipients, subject, body, [], cancel);
            }
            catch (Exception ex) when (ex is SocketException or IOException or ProtocolException or MailKit.Security.AuthenticationException or CommandException)
            {
                env.Error.WriteLine($"qa: error: the test mail was not sent through {settings.Smtp.Host}:{settings.Smtp.Port}: {ex.Message}");
                return Task.FromResult(QaCommandLine.Failed);
            }
            env.Out.WriteLine($"notices: test mail sent to {string.Join(", ", recipients)} through {settings.Smtp.Host}:{settings.Smtp.Port}");
            return Task.FromResult(QaCommandLine.Ok);
        });
        return new Command("notices", "The e-mail notices to the working group and the committee.") { test };
    }

    /// <summary>The shared resources outside the web host (the same files the host's localizer reads).</summary>
    private static IStringLocalizer<SharedResource> Localizer() =>
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
