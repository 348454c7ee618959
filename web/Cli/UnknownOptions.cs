using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace QualityAnalytics.Web.Cli;

/// <summary>One message for an option a verb does not have, whichever verb and whichever way the parser met it: left
/// over (`qa batches --bogus`, which the parser calls an "unrecognized command or argument"), or taken as a value of an
/// argument of any number of values (`qa load inbox --formt json`, where it would be a PATH). Told in one place so every
/// verb says the same: the option, the verb, and the options it does take.</summary>
internal static class UnknownOptions
{
    /// <summary>The first token that reads as an option the parsed verb does not have, or null.</summary>
    public static string? Find(ParseResult parse, CliEnvironment env)
    {
        if (parse.UnmatchedTokens.FirstOrDefault(IsOptionLike) is { } leftOver) return leftOver;
        // A file or folder may start with a dash; one that exists is what the user meant.
        return parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .FirstOrDefault(v => IsOptionLike(v) && !File.Exists(env.Resolve(v)) && !Directory.Exists(env.Resolve(v)));
    }

    public static string Message(ParseResult parse, string token)
    {
        var verbs = new List<string>();
        for (SymbolResult? at = parse.CommandResult; at is CommandResult { Parent: not null } command; at = command.Parent) verbs.Insert(0, command.Command.Name);
        var options = parse.CommandResult.Command.Options.Where(o => !o.Hidden && o is not HelpOption and not VersionOption).Select(o => o.Name).ToList();
        var verb = string.Join(' ', ["qa", .. verbs]);
        return options.Count == 0
            ? $"unknown option '{token}' for '{verb}' (it takes no options)"
            : $"unknown option '{token}' for '{verb}' (options: {string.Join(", ", options)})";
    }

    private static bool IsOptionLike(string token) => token.Length > 1 && token[0] == '-';
}
