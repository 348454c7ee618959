using QualityAnalytics.Web.Cli;

var environment = new CliEnvironment(Console.Out, Console.Error, TimeProvider.System, Directory.GetCurrentDirectory())
{
    Configuration = CliEnvironment.LoadConfiguration(),
    ErrorIsTerminal = !Console.IsErrorRedirected,
};
return await QaCommandLine.RunAsync(args, environment);
