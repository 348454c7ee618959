namespace QualityAnalytics.Etl.Jobs;

/// <summary>A file stands where the nightly load's inbox folder should be: a misconfiguration to report, not an empty
/// inbox to skip quietly. Its own type (an IOException still) so that the dashboard can tell it in the reader's language
/// instead of showing this English message.</summary>
public sealed class InboxNotAFolderException(string inbox) : IOException($"the inbox {inbox} is a file, not a folder.")
{
    /// <summary>The inbox's path as configured.</summary>
    public string Inbox { get; } = inbox;
}
