using System.Globalization;
using System.Resources;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>Which of policy §7's deadlines a measure counts against: the complaint mart flags a reply or a solution late
/// or overdue by the deadline of the policy version in force for the complaint's quarter.</summary>
public enum ServiceTarget
{
    None,
    Reply,
    Solution,
}

/// <summary>The labels of the semantic model in both languages, from SemanticText.resx (zh-CN, the neutral language)
/// and SemanticText.en.resx.</summary>
internal static class SemanticText
{
    private static readonly ResourceManager Manager = new("QualityAnalytics.Warehouse.Semantic.SemanticText", typeof(SemanticText).Assembly);

    public static Phrase Of(string key, params object[] args) => Phrase.Of(Manager, key, args);
}

/// <summary>
/// A measure's label as the quarters asked about are judged. The late and overdue counts are flagged by the deadline of
/// the policy version in force for each quarter (<see cref="PolicySet.ServiceTargetsFor"/>), so their label names that
/// deadline — 超 48 小时回复 under a policy of 48 hours — when every quarter asked about has the same one. When the range
/// crosses versions whose deadlines differ, no one number is true of the whole count: the label is neutral (超时回复) and
/// the note says which deadline holds from which quarter, for the heading's tooltip.
/// </summary>
public static class MeasureLabels
{
    /// <param name="spans">The targets over the quarters asked about (<see cref="PolicySet.ServiceTargetsOver"/>); null
    /// when not known, which leaves the labels neutral.</param>
    public static (Phrase Label, Phrase? Note) For(MeasureDef measure, IReadOnlyList<TargetSpan>? spans)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var neutral = SemanticText.Of("measure." + measure.Name);
        if (measure.Target == ServiceTarget.None || spans is not { Count: > 0 }) return (neutral, null);
        var merged = Merged(spans, measure.Target);
        if (merged.Count == 1)
        {
            var rules = merged[0].Rules;
            return (SemanticText.Of($"measure.{measure.Name}.target", Text.N(rules.ReplyHours), Count(rules.SolutionWorkingDays)), null);
        }
        var kind = measure.Target == ServiceTarget.Reply ? "reply" : "solution";
        var items = merged.Select(s => SemanticText.Of($"note.{kind}.span", s.From.ToString(), Deadline(s.Rules, measure.Target)));
        return (neutral, SemanticText.Of($"note.{kind}", Phrase.Join(SemanticText.Of("note.separator"), items)));
    }

    /// <summary>The spans with consecutive ones of the same deadline joined: two versions that change only the reply
    /// hours still give the solution counts one label.</summary>
    private static List<TargetSpan> Merged(IReadOnlyList<TargetSpan> spans, ServiceTarget target)
    {
        var merged = new List<TargetSpan>();
        foreach (var span in spans.OrderBy(s => s.From))
        {
            if (merged.Count == 0 || Deadline(merged[^1].Rules, target) != Deadline(span.Rules, target)) merged.Add(span);
        }
        return merged;
    }

    private static string Deadline(ServiceTargetRules rules, ServiceTarget target) =>
        target == ServiceTarget.Reply ? Text.N(rules.ReplyHours) : Count(rules.SolutionWorkingDays);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
