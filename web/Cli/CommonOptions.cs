using System.CommandLine;

namespace QualityAnalytics.Web.Cli;

internal static class CommonOptions
{
    public static Option<string> Db() => new("--db") { Description = $"The warehouse: a SQLite file (default {CliEnvironment.DefaultDb} under the working folder, or Warehouse:File) or a PostgreSQL connection string (Host=…;Database=…;Username=…; or Warehouse:Provider=postgres with Warehouse:ConnectionString)." };

    /// <summary>--policy FILE: score, explain, approve and report all take it, so that the numbers one of them printed
    /// under a policy file are the ones the others explain, freeze and report.</summary>
    public static Option<string> Policy() => new("--policy") { Description = "A policy file (JSON) instead of the active one (policy.json beside the warehouse, else the defaults)." };

    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(" or ", allowed)}.", DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
