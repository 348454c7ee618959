using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Web.Reports;

namespace QualityAnalytics.Web.Notices;

/// <summary>The mails' subjects and bodies, from the shared resources (zh-CN by default, en on request) in the
/// language of <see cref="NoticeSettings.Language"/>, times in Asia/Shanghai.</summary>
public sealed class NoticeText(IStringLocalizer<SharedResource> text, NoticeSettings settings)
{
    public (string Subject, string Body) Load(LoadNotice notice) => InLanguage(() =>
    {
        var quarantined = notice.Files.Sum(f => f.Quarantined);
        var rejected = notice.Files.Count(f => f.Rejected);
        var body = new StringBuilder()
            .AppendLine(text["mail.load.intro", notice.BatchId, Time(notice.At), notice.LoadedBy])
            .AppendLine();
        foreach (var file in notice.Files.Where(f => f.Quarantined > 0 || f.Rejected))
        {
            var name = file.Sheet is null ? Path.GetFileName(file.File) : $"{Path.GetFileName(file.File)} [{file.Sheet}]";
            body.AppendLine(file.Rejected
                ? text["mail.load.rejected", name, LoadMessages.Localize(file.Reason, new ReportText(CultureInfo.CurrentUICulture)) ?? ""]
                : text["mail.load.quarantined", name, file.Read, file.Loaded, file.Quarantined]);
        }
        var failing = notice.FailingDataTests ?? [];
        if (failing.Count > 0)
        {
            body.AppendLine().AppendLine(text["mail.load.dataTests"]);
            foreach (var test in failing) body.AppendLine(text["mail.load.dataTest", test.Name, test.Failures, string.Join("; ", test.Examples)]);
        }
        var approved = notice.ApprovedQuarters ?? [];
        if (approved.Count > 0) body.AppendLine().AppendLine(text["mail.load.approved", string.Join(text["mail.load.listSeparator"], approved)]);
        if (quarantined > 0 || rejected > 0 || failing.Count > 0) body.AppendLine().AppendLine(text["mail.load.next", notice.BatchId]);
        // A load whose only news is an approved quarter written says so in its subject, not "0 rows quarantined".
        var subject = failing.Count > 0 ? text["mail.load.subjectWithTests", notice.BatchId, quarantined, rejected, failing.Count]
            : quarantined == 0 && rejected == 0 && approved.Count > 0 ? text["mail.load.subjectApproved", notice.BatchId, string.Join(text["mail.load.listSeparator"], approved)]
            : text["mail.load.subject", notice.BatchId, quarantined, rejected];
        return (subject, Footer(body));
    });

    /// <summary>The committee's mail: which quarter, for which meeting (the 10th of the next quarter's first month,
    /// 第十五条), the reports attached.</summary>
    public (string Subject, string Body) Reports(ReportNotice notice) => InLanguage(() =>
    {
        var quarter = notice.Files.Select(ReportArchive.QuarterOf).FirstOrDefault(q => q is not null)
                      ?? throw new InvalidOperationException("the notice names no archived report");
        var next = quarter.Next();
        var meeting = new DateOnly(next.Year, next.FirstDay.Month, 10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new StringBuilder()
            .AppendLine(text["mail.report.intro", quarter.Year, quarter.Number, meeting])
            .AppendLine()
            .AppendLine(text["mail.report.files", string.Join(", ", notice.Files.Select(Path.GetFileName))]);
        return (text["mail.report.subject", quarter.Year, quarter.Number], Footer(body));
    });

    /// <summary>The mail of `qa notices test`.</summary>
    public (string Subject, string Body) Test(TimeProvider clock) => InLanguage(() =>
        (text["mail.test.subject"], Footer(new StringBuilder().AppendLine(text["mail.test.body", Time(clock.GetUtcNow())]))));

    public (string Subject, string Body) JobFailure(JobFailureNotice notice) => InLanguage(() =>
    {
        var job = notice.RecurringJobId ?? notice.Job;
        var body = new StringBuilder()
            .AppendLine(text["mail.job.intro", job, notice.Attempt, Time(notice.At)])
            .AppendLine()
            .AppendLine(notice.Reason)
            .AppendLine()
            .AppendLine(notice.WillRetry ? text["mail.job.retry"] : text["mail.job.final"]);
        return (text["mail.job.subject", job], Footer(body));
    });

    private string Footer(StringBuilder body)
    {
        if (!string.IsNullOrWhiteSpace(settings.DashboardUrl)) body.AppendLine().AppendLine(text["mail.dashboard", settings.DashboardUrl]);
        return body.ToString();
    }

    private static string Time(DateTimeOffset at) => BusinessTime.ToMinute(at);

    /// <summary>The localizer reads the thread's UI culture: set it for the composition and put it back.</summary>
    private T InLanguage<T>(Func<T> compose)
    {
        var before = CultureInfo.CurrentUICulture;
        // The resources exist in zh-CN and en: "en", "en-US"… read English, anything else Chinese (never bare keys).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(
            settings.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN");
        try
        {
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
