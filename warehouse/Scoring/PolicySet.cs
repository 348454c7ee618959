using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>All versions of the policy read from one source, ordered by the quarter they take effect.</summary>
public sealed class PolicySet
{
    /// <summary>Validates every version and the set (unique names, unique effective quarters); throws with all problems.</summary>
    public PolicySet(IEnumerable<ScoringPolicy> versions, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var list = versions.ToList();
        var problems = list.SelectMany((v, i) => v.Problems().Select(p => p.Under($"versions[{i}]"))).ToList();
        problems.AddRange(SetProblems(list.Select((v, i) => (i, PolicyDraft.Of(v))).ToList(), list.Count));
        if (problems.Count > 0) throw new PolicyValidationException(sourceName, problems);
        SourceName = sourceName;
        Versions = list.OrderBy(v => v.EffectiveFrom).ToList();
    }

    public string SourceName { get; }

    /// <summary>Whether this is the product's own default policy (<see cref="PolicyFile.Default"/>), whose
    /// <see cref="SourceName"/> is the code's English: readers name it in their own language instead.</summary>
    public bool IsBuiltIn => ReferenceEquals(this, PolicyFile.Default);

    /// <summary>Ascending by <see cref="ScoringPolicy.EffectiveFrom"/>.</summary>
    public IReadOnlyList<ScoringPolicy> Versions { get; }

    /// <summary>The latest version effective at or before <paramref name="quarter"/>; null before the first one.</summary>
    public ScoringPolicy? InForce(Quarter quarter) => Versions.LastOrDefault(v => v.EffectiveFrom <= quarter);

    /// <summary>The latest version effective at or before <paramref name="quarter"/>.</summary>
    public ScoringPolicy For(Quarter quarter) =>
        InForce(quarter)
        ?? throw new InvalidOperationException(
            $"Policy '{SourceName}' has no version effective in {quarter}; the earliest, '{Versions[0].Version}', takes effect in {Versions[0].EffectiveFrom}.");

    /// <summary>The service targets <paramref name="quarter"/>'s complaints are judged by: the version in force's, the
    /// same lookup as the scoring (<see cref="For"/>, whose version an approval is made and found under), so the
    /// dashboard's marts, the report and `qa analyze` judge a quarter alike; policy §7's own values when no version covers
    /// the quarter (nothing is scored then, but its complaints still show in the analysis's history).</summary>
    public ServiceTargetRules ServiceTargetsFor(Quarter quarter) =>
        InForce(quarter)?.ServiceTargets ?? ServiceTargetRules.Default;

    /// <summary>The service targets the quarters <paramref name="from"/>–<paramref name="to"/> are judged by, each from
    /// the first quarter it governs in the range, in order (a quarter before the first version by §7's own values, as
    /// <see cref="ServiceTargetsFor"/>). An open start begins with the first version: quarters before it are not scored.</summary>
    public IReadOnlyList<TargetSpan> ServiceTargetsOver(Quarter? from, Quarter? to)
    {
        var spans = new List<TargetSpan>();
        if (from is { } start) spans.Add(new TargetSpan(start, ServiceTargetsFor(start)));
        spans.AddRange(Versions.Where(v => (from is null || v.EffectiveFrom > from) && (to is null || v.EffectiveFrom <= to))
            .Select(v => new TargetSpan(v.EffectiveFrom, v.ServiceTargets)));
        if (spans.Count == 0 && to is { } end) spans.Add(new TargetSpan(end, ServiceTargetsFor(end)));
        return spans;
    }

    /// <summary>The problems of the set as a whole: no version, a name or an effective quarter used twice. Each version
    /// takes part with whatever of its name and quarter read, so a version whose other values did not read still
    /// shows a clash.</summary>
    /// <param name="versions">The versions with their index in the source.</param>
    /// <param name="count">How many versions the source declares (some may not have been readable).</param>
    internal static List<PolicyProblem> SetProblems(IReadOnlyList<(int Index, PolicyDraft Draft)> versions, int count)
    {
        var problems = new List<PolicyProblem>();
        if (count == 0) problems.Add(PolicyProblem.At("versions", "NoVersions"));
        for (var a = 0; a < versions.Count; a++)
        {
            var (i, vi) = versions[a];
            for (var b = 0; b < a; b++)
            {
                var (j, vj) = versions[b];
                if (vi.Version is not null && string.Equals(vi.Version, vj.Version, StringComparison.Ordinal))
                    problems.Add(PolicyProblem.At($"versions[{i}].version", "DuplicateVersion", vi.Version, $"versions[{j}].version"));
                else if (vi.EffectiveFrom is { } from && from == vj.EffectiveFrom)
                    problems.Add(vj.Version is null
                        ? PolicyProblem.At($"versions[{i}].effective_from", "SameEffectiveFromUnnamed", from.ToString(), $"versions[{j}]")
                        : PolicyProblem.At($"versions[{i}].effective_from", "SameEffectiveFrom", from.ToString(), $"versions[{j}]", vj.Version));
            }
        }
        return problems;
    }
}

/// <summary>The service targets a stretch of quarters is judged by, from its first quarter.</summary>
public sealed record TargetSpan(Quarter From, ServiceTargetRules Rules);
