using System.CommandLine;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa demo`: a realistic demo warehouse made from generated department files, loaded through the real loader.</summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var command = new Command("demo", "Make a realistic demo warehouse (generate files, load them), then score it.") { db };
        command.SetAction(parse =>
        {
            env.Out.WriteLine("demo: not wired yet");
            return QaCommandLine.Ok;
        });
        return command;
    }
}
