using System.CommandLine;
using System.Text.Json;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa score --quarter 2026Q2 [--db FILE] [--policy FILE] [--format table|json] [--compare]`: compute, store
/// and print the quarter's assessment; with --compare, a what-if under --policy beside the stored results, storing nothing.</summary>
internal static class ScoreCommand
{
    public static Option<string> QuarterOption() => new("--quarter") { Description = "The quarter, e.g. 2026Q2.", Required = true };

    public static Quarter ParseQuarter(string? text) =>
        Quarter.TryParse(text, out var q) ? q : throw new UsageException($"--quarter: '{text}' is not a quarter such as 2026Q2.");

    public static Command Create(CliEnvironment env)
    {
        var quarter = QuarterOption();
        var db = CommonOptions.Db();
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format("table", "json");
        var compare = new Option<bool>("--compare") { Description = "What-if: show results under --policy beside the stored ones; store nothing." };
        var command = new Command("score", "Compute, store and print a quarter's assessment.") { quarter, db, policy, format, compare };
        command.SetAction(parse =>
        {
            var q = ParseQuarter(parse.GetValue(quarter));
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            if (parse.GetValue(compare))
            {
                if (parse.GetValue(policy) is null) throw new UsageException("--compare needs --policy FILE (the policy to compare with).");
                var active = Policies.Active(env, parse.GetValue(db), null).For(q);
                var stored = AssessmentMart.Stored(ctx, q, active) ?? AssessmentMart.Preview(ctx, q, active);
                var whatIf = AssessmentMart.Preview(ctx, q, Policies.Active(env, parse.GetValue(db), parse.GetValue(policy)).For(q));
                WhatIf.Write(env, stored, whatIf, parse.GetValue(format) == "json");
                return QaCommandLine.Ok;
            }
            var policies = Policies.Active(env, parse.GetValue(db), parse.GetValue(policy));
            var scored = AssessmentMart.Score(ctx, q, policies, env.Clock);
            if (parse.GetValue(format) == "json")
                env.Out.WriteLine(JsonSerializer.Serialize(scored.Assessments.Select(a => AssessmentJson.Of(a, scored)), AssessmentJson.Options));
            else AssessmentTable.Write(env.Out, scored, policies);
            return QaCommandLine.Ok;
        });
        return command;
    }
}
