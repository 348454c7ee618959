using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>The service targets over the quarters a query asks about, from the policy in force, so that the late and
/// overdue measures are labelled with the deadlines their flags were counted by (the complaint mart judges each quarter
/// by its version's targets).</summary>
internal static class QueryTargets
{
    /// <summary>The spans over from–to, narrowed to the quarter filter's first and last quarter when it names any; null
    /// when the policy file cannot be read (the labels stay neutral rather than the query failing: the Policy page
    /// says what is wrong with the file).</summary>
    public static IReadOnlyList<TargetSpan>? Over(PolicyProvider policies, string? from, string? to, IReadOnlyList<string>? quarterFilter)
    {
        var named = (quarterFilter ?? []).Select(q => Quarter.TryParse(q, out var parsed) ? parsed : (Quarter?)null).OfType<Quarter>().ToList();
        var start = named.Count > 0 ? named.Min() : Parsed(from);
        var end = named.Count > 0 ? named.Max() : Parsed(to);
        try
        {
            return policies.Current().ServiceTargetsOver(start, end);
        }
        catch (PolicyValidationException)
        {
            return null;
        }
    }

    private static Quarter? Parsed(string? text) => Quarter.TryParse(text, out var q) ? q : null;
}
