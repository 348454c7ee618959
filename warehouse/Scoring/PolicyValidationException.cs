namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>A policy file (or policy object) that breaks the rules; <see cref="Problems"/> lists all of them at once.</summary>
public sealed class PolicyValidationException : Exception
{
    public PolicyValidationException(string sourceName, IReadOnlyList<string> problems)
        : base(Describe(sourceName, problems))
    {
        SourceName = sourceName;
        Problems = problems;
    }

    /// <summary>The file path or resource name the policy was read from.</summary>
    public string SourceName { get; }

    /// <summary>One message per problem, each "key.path: what is wrong".</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string sourceName, IReadOnlyList<string> problems) =>
        $"Policy '{sourceName}' is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + sourceName + ": " + p));
}
