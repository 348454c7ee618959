using Hangfire.States;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Keeps each failed attempt's reason, in both languages, as a parameter of its job (<see cref="JobFailureReason"/>):
/// Hangfire stores only the exception's English message, and by the time the jobs list is read the exception itself (its
/// type, a policy file's structured problems) is gone. Runs in the global scope, like the notices' filter, so it sees
/// the attempt's own Failed state before a retry policy turns it into Scheduled.</summary>
internal sealed class JobFailureReasonFilter(JobFailureText text) : IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed) return;
        context.SetJobParameter(JobFailureReason.Parameter, text.Reason(failed.Exception));
    }
}
