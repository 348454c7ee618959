using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace QualityAnalytics.Web.Notices;

/// <summary>Sends one mail to the working group through the configured SMTP server (MailKit).</summary>
public sealed class NoticeMailer(NoticeSettings settings)
{
    /// <summary>To the working group.</summary>
    public void Send(string subject, string body, CancellationToken cancel) => Send(settings.To, subject, body, [], cancel);

    public void Send(IEnumerable<string> recipients, string subject, string body, IReadOnlyList<string> attachments, CancellationToken cancel)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From ?? $"qualityanalytics@{settings.Smtp.Host}"));
        foreach (var to in recipients.Where(a => !string.IsNullOrWhiteSpace(a))) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var builder = new BodyBuilder { TextBody = body }; // MimeKit picks UTF-8 and a transfer encoding for Chinese
        foreach (var file in attachments) builder.Attachments.Add(file, cancel);
        message.Body = builder.ToMessageBody();

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
