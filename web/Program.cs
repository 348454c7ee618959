using QualityAnalytics.Web.Cli;

return await QaCommandLine.RunAsync(args, new CliEnvironment(Console.Out, Console.Error, TimeProvider.System, Directory.GetCurrentDirectory()));
