using Hangfire;

namespace QualityAnalytics.Web.Notices;

/// <summary>The Hangfire job that mails a notice: enqueued by <see cref="NoticeFilter"/>, so a mail server that is down
/// for a while delays the mail (Hangfire retries it) without touching the load or the job it reports on.</summary>
public sealed class NoticeMailJob(NoticeMailer mailer, NoticeText text, NoticeSettings settings)
{
    [AutomaticRetry(Attempts = 5)]
    public void SendLoadNotice(LoadNotice notice, CancellationToken cancel)
    {
        var (subject, body) = text.Load(notice);
        mailer.Send(subject, body, cancel);
    }

    [AutomaticRetry(Attempts = 5)]
    public void SendReports(ReportNotice notice, CancellationToken cancel)
    {
        var (subject, body) = text.Reports(notice);
        mailer.Send(settings.ReportTo, subject, body, notice.Files.Where(File.Exists).ToList(), cancel);
    }

    [AutomaticRetry(Attempts = 5)]
    public void SendJobFailure(JobFailureNotice notice, CancellationToken cancel)
    {
        var (subject, body) = text.JobFailure(notice);
        mailer.Send(subject, body, cancel);
    }
}
