using System.CommandLine;
using System.Text.Json;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa explain --quarter 2026Q2 --department LOG`: the lineage of every number of one department's assessment:
/// the rule, the arithmetic and the rows (by id) that produced it. [--policy FILE] explains what `qa score --policy FILE` printed.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var quarter = ScoreCommand.QuarterOption();
        var department = new Option<string>("--department") { Description = "Department code (or current name).", Required = true };
        var db = CommonOptions.Db();
        var policy = CommonOptions.Policy();
        var format = CommonOptions.Format("text", "json");
        var command = new Command("explain", "Explain how a department's scores were computed, row by row.") { quarter, department, db, policy, format };
        command.SetAction(parse =>
        {
            var q = ScoreCommand.ParseQuarter(parse.GetValue(quarter));
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            var policies = Policies.Active(env, parse.GetValue(db), parse.GetValue(policy));
            var scored = AssessmentMart.Preview(ctx, q, policies.For(q));
            var wanted = parse.GetValue(department)!;
            var a = scored.Assessments.FirstOrDefault(x => string.Equals(x.DepartmentCode, wanted, StringComparison.OrdinalIgnoreCase) || x.DepartmentName == wanted)
                    ?? throw new UsageException($"--department: no department '{wanted}' (known: {string.Join(", ", scored.Assessments.Select(x => x.DepartmentCode))}).");
            if (parse.GetValue(format) == "json")
            {
                env.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    assessment = AssessmentJson.Of(a, scored),
                    explanation = a.Explanation.Select(l => new { component = l.Component, formula = l.Formula, source_ids = l.SourceIds }),
                    source_batches = scored.SourceBatches,
                }, AssessmentJson.Options));
                return QaCommandLine.Ok;
            }
            env.Out.WriteLine($"{a.DepartmentName} ({a.DepartmentCode}) {q}, policy {a.PolicyVersion}: total {AssessmentTable.N(a.Total)}, {AssessmentTable.GradeLabel(a.Grade)}, {AssessmentTable.Yuan(a.Amount)} yuan");
            foreach (var line in a.Explanation) env.Out.WriteLine($"  {line.Formula}");
            foreach (var w in a.Warnings) env.Out.WriteLine($"  warning: {w}");
            if (!a.Complete) env.Out.WriteLine($"  incomplete: missing {string.Join(", ", a.Missing)} ({a.Missing.Count} component(s) without data this quarter)");
            env.Out.WriteLine($"  data from load batch(es) {string.Join(", ", scored.SourceBatches)} (see 'qa batches')");
            AssessmentTable.WriteStatus(env.Out, scored, policies, a.DepartmentCode);
            return QaCommandLine.Ok;
        });
        return command;
    }
}
