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
        var problems = Problems(list.Select((v, i) => (i, v)).ToList(), list.Count);
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

    /// <summary>The latest version effective at or before <paramref name="quarter"/>.</summary>
    public ScoringPolicy For(Quarter quarter) =>
        Versions.LastOrDefault(v => v.EffectiveFrom <= quarter)
        ?? throw new InvalidOperationException(
            $"Policy '{SourceName}' has no version effective in {quarter}; the earliest, '{Versions[0].Version}', takes effect in {Versions[0].EffectiveFrom}.");

    /// <summary>The problems of each version (prefixed versions[i].) and of the set as a whole.</summary>
    /// <param name="versions">The versions with their index in the source.</param>
    /// <param name="count">How many versions the source declares (some may not have been readable).</param>
    internal static List<PolicyProblem> Problems(IReadOnlyList<(int Index, ScoringPolicy Policy)> versions, int count)
    {
        var problems = new List<PolicyProblem>();
        if (count == 0) problems.Add(PolicyProblem.At("versions", "NoVersions"));
        foreach (var (i, v) in versions)
            problems.AddRange(v.Problems().Select(p => p.Under($"versions[{i}]")));
        for (var a = 0; a < versions.Count; a++)
        {
            var (i, vi) = versions[a];
            for (var b = 0; b < a; b++)
            {
                var (j, vj) = versions[b];
                if (string.Equals(vi.Version, vj.Version, StringComparison.Ordinal))
                    problems.Add(PolicyProblem.At($"versions[{i}].version", "DuplicateVersion", vi.Version, $"versions[{j}].version"));
                else if (vi.EffectiveFrom == vj.EffectiveFrom)
                    problems.Add(PolicyProblem.At($"versions[{i}].effective_from", "SameEffectiveFrom", vi.EffectiveFrom.ToString(), $"versions[{j}]", vj.Version));
            }
        }
        return problems;
    }
}
