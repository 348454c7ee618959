using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace QualityAnalytics.Web.Notices;

/// <summary>Sends one mail to the working group through the configured SMTP server (MailKit).</summary>
public sealed class NoticeMailer(NoticeSettings settings)
{
    public void Send(string subject, string body, CancellationToken cancel)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From ?? $"qualityanalytics@{settings.Smtp.Host}"));
        foreach (var to in settings.To.Where(a => !string.IsNullOrWhiteSpace(a))) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body }; // MimeKit picks UTF-8 and a transfer encoding for Chinese

        using var client = new SmtpClient();
        client.Connect(settings.Smtp.Host ?? throw new InvalidOperationException("Notices:Smtp:Host is not set."), settings.Smtp.Port, Security(settings.Smtp.Security), cancel);
        if (!string.IsNullOrEmpty(settings.Smtp.Username)) client.Authenticate(settings.Smtp.Username, settings.Smtp.Password ?? "", cancel);
        client.Send(message, cancel);
        client.Disconnect(quit: true, cancel);
    }

    private static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "auto" => SecureSocketOptions.StartTlsWhenAvailable,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => throw new InvalidOperationException($"Notices:Smtp:Security is '{value}': use auto, starttls, ssl or none."),
    };
}
