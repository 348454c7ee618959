using System.Globalization;
using Hangfire.Storage;
using Microsoft.Extensions.Localization;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Reports.Pdf.Fonts;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Why a job failed, told to a person in their language: the failure mail (in the mails' language) and the
/// dashboard's jobs list (in the page's) both word it here. The failures our jobs know — a broken policy file, a file
/// refused whole, an inbox that is a file, a load lock that stayed busy, a SQLite warehouse another program kept locked, a run of the same job still going, no CJK font
/// for the report — are written from the resources; any other exception is shown by its own message (the code's or the
/// database's English) under "technical reason", so that it is clear the text was not written for the reader.</summary>
public sealed class JobFailureText(IStringLocalizer<SharedResource> text)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The reason in both of the dashboard's languages, kept with the failed job (<see cref="JobFailureReason"/>).</summary>
    public JobFailureReason Reason(Exception exception) => new(Describe(exception, Chinese), Describe(exception, English));

    /// <summary>The reason in <paramref name="culture"/>'s language (English for "en…", Chinese otherwise).</summary>
    public string Describe(Exception exception, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return InLanguage(culture, () => Known(exception) ?? text["job.failure.technical", exception.Message].Value);
    }

    /// <summary>A failure recorded without its reason (before the reasons were kept, or one Hangfire itself stored), by its
    /// stored English text under "technical reason"; null when there is none.</summary>
    public string? Technical(string? storedMessage, CultureInfo culture) =>
        string.IsNullOrWhiteSpace(storedMessage) ? null : InLanguage(culture, () => text["job.failure.technical", storedMessage].Value);

    private string? Known(Exception exception)
    {
        // The known exception may arrive wrapped (a policy read while the job's services were being created).
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var known = e switch
            {
                PolicyValidationException policy => policy.MessageIn(CultureInfo.CurrentUICulture),
                FileRejectedException rejected => Rejected(rejected),
                InboxNotAFolderException inbox => text["job.failure.inboxNotAFolder", inbox.Inbox].Value,
                WarehouseLockTimeoutException => text["job.failure.loadBusy"].Value,
                // SQLite's "database is locked" (BUSY, LOCKED): something outside qa's own lock — another program's open
                // write transaction, a copy of the file being taken — held the warehouse past the connection's busy timeout.
                Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => text["job.failure.databaseBusy"].Value,
                DistributedLockTimeoutException => text["job.failure.alreadyRunning"].Value,
                CjkFontNotFoundException => text["job.failure.noFont", FontLocator.InstallHint].Value,
                _ => null,
            };
            if (known is not null) return known;
        }
        return null;
    }

    /// <summary>A refused file in the loader's words, rewritten from the report's resources as the data desk and the mails
    /// do; a form those do not know stays technical.</summary>
    private string? Rejected(FileRejectedException rejected)
    {
        var culture = CultureInfo.CurrentUICulture;
        var localized = LoadMessages.Localize(rejected.Message, new ReportText(culture));
        return IsEnglish(culture) || localized != rejected.Message ? localized : null;
    }

    private static bool IsEnglish(CultureInfo culture) => culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The localizer reads the thread's UI culture: set it for the wording and put it back.</summary>
    private static T InLanguage<T>(CultureInfo culture, Func<T> compose)
    {
        var before = CultureInfo.CurrentUICulture;
        // The resources exist in zh-CN and en: "en", "en-US"… read English, anything else Chinese (never bare keys).
        CultureInfo.CurrentUICulture = IsEnglish(culture) ? English : Chinese;
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

/// <summary>A failed job's reason in the dashboard's two languages, worked out when the job fails (where the exception
/// is at hand) and kept as the job's parameter <see cref="Parameter"/>, so that the jobs list can show it in the page's
/// language rather than the exception's English that Hangfire stores.</summary>
public sealed record JobFailureReason(string Chinese, string English)
{
    public const string Parameter = "QaFailureReason";

    public string In(CultureInfo culture) => culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
