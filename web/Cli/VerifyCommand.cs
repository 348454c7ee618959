using System.CommandLine;
using System.Text.Json;
using QualityAnalytics.Warehouse.Quality;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa verify [--db FILE] [--format text|json]`: run the warehouse's data tests (relationships the facts do not
/// enforce, accepted values, rules between columns, the marts' agreement with the facts, the audit's counts). Exit 0
/// when no error-level test fails (warnings are reported, as dbt's `warn` severity), 1 otherwise.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("verify", "Run the warehouse's data tests; exit 1 when one fails.") { db, format };
        command.SetAction(parse =>
        {
            var warehouse = env.OpenWarehouse(parse.GetValue(db));
            IReadOnlyList<DataTestResult> results;
            using (var connection = warehouse.OpenReadConnection()) results = DataTestRunner.Run(connection);
            if (parse.GetValue(format) == "json") env.Out.WriteLine(JsonSerializer.Serialize(results.Select(Json), CliEnvironment.Json));
            else WriteText(env.Out, results);
            return results.Any(r => r.FailedAsError) ? QaCommandLine.Failed : QaCommandLine.Ok;
        });
        return command;
    }

    private static object Json(DataTestResult r) => new
    {
        test = r.Test.Name, model = r.Test.Model, severity = r.Test.SeverityName,
        rule = r.Test.Rule, status = r.Status, failures = r.Failures, examples = r.Examples,
    };

    private static void WriteText(TextWriter o, IReadOnlyList<DataTestResult> results)
    {
        foreach (var r in results)
        {
            o.WriteLine($"{r.Status.ToUpperInvariant(),-4}  {r.Test.Name}: {r.Test.Rule}" + (r.Passed ? "" : $" — {r.Failures} row(s), e.g. {string.Join("; ", r.Examples)}"));
        }
        int failed = results.Count(r => r.Status == "fail"), warned = results.Count(r => r.Status == "warn");
        o.WriteLine($"data tests: {results.Count - failed - warned} passed, {failed} failed, {warned} warned");
    }
}
