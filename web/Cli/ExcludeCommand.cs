using System.CommandLine;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa exclude --response R-1 --reason TEXT [--by NAME] [--undo]`: the committee sets aside a disputed
/// questionnaire (第十一条, 持异议); who and why are kept with it, and the change is recorded.</summary>
internal static class ExcludeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var response = new Option<string>("--response") { Description = "The questionnaire's response_id.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it is excluded (required unless --undo)." };
        var by = new Option<string>("--by") { Description = "Who decided (default: the signed-in user).", DefaultValueFactory = _ => Environment.UserName };
        var undo = new Option<bool>("--undo") { Description = "Take the questionnaire back into the score." };
        var db = CommonOptions.Db();
        var command = new Command("exclude", "Exclude a disputed questionnaire from the survey score (持异议, 委员会审定).") { response, reason, by, undo, db };
        command.SetAction(parse =>
        {
            if (!parse.GetValue(undo) && string.IsNullOrWhiteSpace(parse.GetValue(reason))) throw new UsageException("--reason is required: say why the questionnaire is excluded.");
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            var changed = QuestionnaireExclusion.Set(ctx, parse.GetValue(response)!, !parse.GetValue(undo), parse.GetValue(by)!, parse.GetValue(reason), env.Clock);
            if (changed == 0) throw new UsageException($"--response: no questionnaire '{parse.GetValue(response)}'.");
            env.Out.WriteLine($"questionnaire {parse.GetValue(response)}: {changed} answer(s) {(parse.GetValue(undo) ? "taken back into" : "excluded from")} the survey score; rescore its quarter with 'qa score'.");
            return QaCommandLine.Ok;
        });
        return command;
    }
}
