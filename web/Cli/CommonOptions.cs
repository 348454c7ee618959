using System.CommandLine;

namespace QualityAnalytics.Web.Cli;

internal static class CommonOptions
{
    public static Option<string> Db() => new("--db") { Description = $"The warehouse: a SQLite file (default {CliEnvironment.DefaultDb} under the working folder, or Warehouse:File) or a PostgreSQL connection string (Host=…;Database=…;Username=…; or Warehouse:Provider=postgres with Warehouse:ConnectionString)." };

    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join(" or ", allowed)}.", DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
