using System.CommandLine;

namespace QualityAnalytics.Web.Cli;

/// <summary>The `qa` command line of the data contract. Usage errors print what was wrong and exit 2.</summary>
public static class QaCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, CliEnvironment env)
    {
        var root = new RootCommand("QualityAnalytics 服务质量分析: load, score, report and serve the quarterly service-quality assessment.");
        root.Add(LoadCommand.Create(env));
        root.Add(QuarantineCommand.Create(env));
        root.Add(BatchesCommand.Create(env));
        root.Add(VerifyCommand.Create(env));
        root.Add(CalendarCommand.Create(env));
        root.Add(ScoreCommand.Create(env));
        root.Add(ApproveCommand.Create(env));
        root.Add(ExplainCommand.Create(env));
        root.Add(ExcludeCommand.Create(env));
        root.Add(ServeCommand.Create(env));
        root.Add(UserCommand.Create(env));
        root.Add(JobsCommand.Create(env));
        root.Add(NoticesCommand.Create(env));
        root.Add(DemoCommand.Create(env));
        root.Add(AnalyzeCommand.Create(env));
        root.Add(ReportCommand.Create(env));

        var parse = root.Parse(args);
        if (UnknownOptions.Find(parse, env) is { } unknown)
        {
            await env.Error.WriteLineAsync($"qa: {UnknownOptions.Message(parse, unknown)}");
            await env.Error.WriteLineAsync("Run 'qa --help' (or 'qa VERB --help') for usage.");
            return UsageError;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await env.Error.WriteLineAsync($"qa: {error.Message}");
            await env.Error.WriteLineAsync("Run 'qa --help' (or 'qa VERB --help') for usage.");
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            await env.Error.WriteLineAsync($"qa: {ex.Message}");
            return UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or System.Data.Common.DbException)
        {
            // Faults are reported once, here at the boundary, with the message only; the stack trace helps nobody at a prompt.
            await env.Error.WriteLineAsync($"qa: error: {ex.Message}");
            return Failed;
        }
    }
}

/// <summary>A usage problem found after parsing (say, --format xml): reported like a parse error, exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);
