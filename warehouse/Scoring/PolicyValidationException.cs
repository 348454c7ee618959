using System.Globalization;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>A policy file (or policy object) that breaks the rules; <see cref="Details"/> lists all of them at once, in both
/// languages. <see cref="Exception.Message"/> is English (logs, the jobs' records); readers get <see cref="MessageIn"/>.</summary>
public sealed class PolicyValidationException : Exception
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public PolicyValidationException(string sourceName, IReadOnlyList<PolicyProblem> problems)
        : base(Describe(sourceName, problems, English))
    {
        SourceName = sourceName;
        Details = problems;
    }

    /// <summary>The file path or resource name the policy was read from.</summary>
    public string SourceName { get; }

    /// <summary>Every problem, each with its key path and its text in both languages.</summary>
    public IReadOnlyList<PolicyProblem> Details { get; }

    /// <summary>One English message per problem, each "key.path: what is wrong".</summary>
    public IReadOnlyList<string> Problems => ProblemsIn(English);

    /// <summary>One message per problem in <paramref name="culture"/>'s language.</summary>
    public IReadOnlyList<string> ProblemsIn(CultureInfo culture) => Details.Select(p => p.In(culture)).ToList();

    /// <summary>The whole message in <paramref name="culture"/>'s language: a lead naming the source and the count, then
    /// one line per problem, each naming the source again (so a line copied alone still says which file).</summary>
    public string MessageIn(CultureInfo culture) => Describe(SourceName, Details, culture);

    private static string Describe(string sourceName, IReadOnlyList<PolicyProblem> problems, CultureInfo culture)
    {
        var lead = PolicyProblem.Text(problems.Count == 1 ? "InvalidOne" : "Invalid", sourceName, problems.Count.ToString(CultureInfo.InvariantCulture));
        var colon = Phrase.IsChinese(culture) ? "：" : ": ";
        return lead.In(culture) + string.Concat(problems.Select(p => Environment.NewLine + "  " + sourceName + colon + p.In(culture)));
    }
}
