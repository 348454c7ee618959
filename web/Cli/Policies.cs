using System.Globalization;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Cli;

/// <summary>Which policy file is in force: --policy FILE when given; else a policy.json beside the warehouse (how a
/// company puts its own rules in place); else the defaults that ship with the product. A file that breaks the rules is
/// a usage error listing every problem, in the verb's language: English, as the rest of `qa`'s output, unless the verb
/// has a language of its own (`qa report --lang`, Chinese by default).</summary>
internal static class Policies
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static PolicySet Active(CliEnvironment env, string? dbOption, string? policyOption, CultureInfo? language = null)
    {
        if (policyOption is not null) return Load(env.Resolve(policyOption), policyOption, language ?? English);
        var beside = Path.Combine(env.Warehouse(dbOption).DataFolder, "policy.json");
        return File.Exists(beside) ? Load(beside, beside, language ?? English) : PolicyFile.Default;
    }

    private static PolicySet Load(string path, string shown, CultureInfo language)
    {
        if (!File.Exists(path)) throw new UsageException($"no such policy file: {shown}");
        try
        {
            return PolicyFile.Load(path);
        }
        catch (PolicyValidationException ex)
        {
            throw new UsageException(ex.MessageIn(language));
        }
    }
}
