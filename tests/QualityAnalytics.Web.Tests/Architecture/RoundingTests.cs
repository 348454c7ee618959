using System.Text.RegularExpressions;

namespace QualityAnalytics.Web.Tests.Architecture;

/// <summary>Numbers are rounded half away from zero (四舍五入) everywhere. .NET's <c>Math.Round</c> and
/// <c>decimal.Round</c> round half to even unless told otherwise, so every call in the product's code must say which
/// way it rounds.</summary>
public sealed partial class RoundingTests
{
    [Fact]
    public void Every_rounding_call_in_the_product_names_its_midpoint_rule()
    {
        var root = LayeringTests.RepositoryRoot();
        var unruled = new List<string>();
        foreach (var folder in new[] { "warehouse", "etl", "reports", "web" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains("/bin/") || file.Contains("/obj/") || file.Contains("/Migrations/")) continue;
                var text = File.ReadAllText(file);
                foreach (Match call in RoundCall().Matches(text))
                {
                    var arguments = Arguments(text, call.Index + call.Length);
                    if (!arguments.Contains("MidpointRounding.", StringComparison.Ordinal))
                        unruled.Add($"{Path.GetRelativePath(root, file)}: {call.Value}{arguments})");
                }
            }
        }
        Assert.True(unruled.Count == 0, "rounds half to even (say MidpointRounding.AwayFromZero):\n" + string.Join("\n", unruled));
    }

    /// <summary>The text from an opening parenthesis to its matching close.</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return text[start..i];
        }
        return text[start..];
    }

    [GeneratedRegex(@"\b(?:Math|MathF|decimal|Decimal)\.Round\(")]
    private static partial Regex RoundCall();
}
