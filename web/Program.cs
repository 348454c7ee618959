using QualityAnalytics.Web.Cli;

var environment = new CliEnvironment(Console.Out, Console.Error, TimeProvider.System, Directory.GetCurrentDirectory())
{
    Configuration = CliEnvironment.LoadConfiguration(),
};
return await QaCommandLine.RunAsync(args, environment);
