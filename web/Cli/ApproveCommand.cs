using System.CommandLine;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa approve --quarter 2026Q2 [--by NAME] [--note TEXT]`: the committee's 审定 (第六条). The results as of now
/// are frozen; later data produces a new draft shown beside them. [--policy FILE] approves what `qa score --policy FILE` printed.</summary>
internal static class ApproveCommand
{
    public static Command Create(CliEnvironment env)
    {
        var quarter = ScoreCommand.QuarterOption();
        var db = CommonOptions.Db();
        var by = new Option<string>("--by") { Description = "Who approves (default: the signed-in user).", DefaultValueFactory = _ => Environment.UserName };
        var note = new Option<string>("--note") { Description = "The committee's note, e.g. the meeting's minute number." };
        var policy = CommonOptions.Policy();
        var command = new Command("approve", "Approve a quarter's assessment (质量管理委员会审定).") { quarter, db, policy, by, note };
        command.SetAction(parse =>
        {
            var q = ScoreCommand.ParseQuarter(parse.GetValue(quarter));
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            var policies = Policies.Active(env, parse.GetValue(db), parse.GetValue(policy));
            var approval = AssessmentMart.Approve(ctx, q, policies, parse.GetValue(by)!, env.Clock, parse.GetValue(note));
            env.Out.WriteLine($"{q} approved by {approval.ApprovedBy} under policy {approval.PolicyVersion}.");
            AssessmentTable.Write(env.Out, AssessmentMart.Stored(ctx, q, policies.For(q))!, policies);
            return QaCommandLine.Ok;
        });
        return command;
    }
}
