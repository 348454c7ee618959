namespace QualityAnalytics.Web.Notices;

/// <summary>The optional e-mail notices (configuration section <c>Notices</c>): to whom, in which language, through
/// which SMTP server. Without <c>Notices:Smtp:Host</c> nothing is sent; the working group's mails need an address in
/// <c>Notices:To</c>, the committee's reports one in <c>Notices:ReportTo</c>. The notices stay on the working group's
/// home page and the reports in the dashboard's list either way.</summary>
public sealed class NoticeSettings
{
    public const string Section = "Notices";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The working group's addresses: loads that need them, failed jobs.</summary>
    public string[] To { get; set; } = [];

    /// <summary>The quality committee's addresses: each quarterly report the scheduled job writes, attached.</summary>
    public string[] ReportTo { get; set; } = [];

    /// <summary>The sender; default qualityanalytics@ the SMTP host.</summary>
    public string? From { get; set; }

    /// <summary>The language of the mails: zh-CN (default) or en (any en-… reads English, anything else Chinese).</summary>
    public string Language { get; set; } = "zh-CN";

    /// <summary>The dashboard's address, for a link in each mail (optional).</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>Mails for the working group are sent.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Smtp.Host) && To.Any(a => !string.IsNullOrWhiteSpace(a));

    /// <summary>The quarterly reports are mailed to the committee.</summary>
    public bool ReportsEnabled => !string.IsNullOrWhiteSpace(Smtp.Host) && ReportTo.Any(a => !string.IsNullOrWhiteSpace(a));
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>auto (STARTTLS when the server offers it), starttls (required), ssl (TLS from the first byte) or none.</summary>
    public string Security { get; set; } = "auto";

    public string? Username { get; set; }
    public string? Password { get; set; }
}
