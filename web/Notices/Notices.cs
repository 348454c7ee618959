using QualityAnalytics.Etl.Jobs;

namespace QualityAnalytics.Web.Notices;

/// <summary>A load that needs the working group: rows quarantined, files rejected, data tests failing after it or quarters
/// the committee had approved written by it. Passed to the mail job as its argument (serialized by Hangfire), so it
/// carries what the mail says and nothing that must be read again. <paramref name="FailingDataTests"/> and
/// <paramref name="ApprovedQuarters"/> are null in a notice enqueued before they existed.</summary>
public sealed record LoadNotice(long BatchId, string LoadedBy, DateTimeOffset At, IReadOnlyList<LoadNoticeFile> Files,
    IReadOnlyList<FailingDataTest>? FailingDataTests = null, IReadOnlyList<string>? ApprovedQuarters = null);

public sealed record LoadNoticeFile(string File, string? Sheet, int Read, int Loaded, int Quarantined, bool Rejected, string? Reason);

/// <summary>A job attempt that failed: which job, why, and whether Hangfire will try again.</summary>
public sealed record JobFailureNotice(string Job, string? RecurringJobId, string Reason, int Attempt, bool WillRetry, DateTimeOffset At);

/// <summary>The quarterly reports the scheduled job wrote (their paths in the archive), for the committee.</summary>
public sealed record ReportNotice(IReadOnlyList<string> Files, DateTimeOffset At);
