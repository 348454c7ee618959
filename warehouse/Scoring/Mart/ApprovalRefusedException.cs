namespace QualityAnalytics.Warehouse.Scoring.Mart;

/// <summary>Why the committee's approval of a quarter was refused; the message says it in English for the command line,
/// the reason lets the dashboard say it in the page's language.</summary>
public sealed class ApprovalRefusedException(ApprovalRefusal reason, string message) : InvalidOperationException(message)
{
    public ApprovalRefusal Reason { get; } = reason;
}

public enum ApprovalRefusal
{
    /// <summary>The quarter is approved already under the policy in force: approved results never change.</summary>
    AlreadyApproved,

    /// <summary>The quarter has no department to approve.</summary>
    NothingToApprove,
}
