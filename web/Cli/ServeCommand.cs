using System.CommandLine;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa serve [--db FILE|CONNECTION] [--urls http://127.0.0.1:5080]`: the dashboard and the API.</summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Serve the dashboard and the API.") { db, urls };
        command.SetAction(async (parse, cancel) =>
        {
            await Run(env, new ServeOptions { Warehouse = env.Warehouse(parse.GetValue(db)), Urls = parse.GetValue(urls)! }, cancel);
            return QaCommandLine.Ok;
        });
        return command;
    }

    public static async Task Run(CliEnvironment env, ServeOptions options, CancellationToken cancel)
    {
        using var host = DashboardHost.CreateBuilder(options, env.Clock).Build();
        await env.Out.WriteLineAsync($"serving {options.Urls} (warehouse {options.Warehouse.Describe()}); Ctrl+C to stop");
        await host.RunAsync(cancel);
    }
}
