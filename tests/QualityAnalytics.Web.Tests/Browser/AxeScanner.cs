using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>Runs axe-core (web/node_modules/axe-core, a devDependency installed by the web build's `npm ci`) inside the
/// page under test and reports its serious and critical violations. The script is evaluated through Playwright (the
/// DevTools protocol), not added as a script tag: the dashboard's Content-Security-Policy allows its own scripts only,
/// and axe is never served to users.</summary>
public static class AxeScanner
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(LayeringTests.RepositoryRoot(), "web", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: build web/ (its build runs `npm ci`, which installs axe-core).", path);
        return File.ReadAllText(path);
    });

    /// <summary>An exception for one rule on one element, with the reason it cannot be met there.</summary>
    public sealed record Waiver(string Rule, string Target, string Why);

    public sealed record Node(
        [property: JsonPropertyName("target")] string[] Target,
        [property: JsonPropertyName("failureSummary")] string? FailureSummary);

    public sealed record Violation(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("impact")] string? Impact,
        [property: JsonPropertyName("help")] string Help,
        [property: JsonPropertyName("helpUrl")] string HelpUrl,
        [property: JsonPropertyName("nodes")] Node[] Nodes);

    /// <summary>The page's serious and critical violations, less the waived (rule, element) pairs, one line per element.</summary>
    public static async Task<IReadOnlyList<string>> SeriousProblems(IPage page, string where, IReadOnlyCollection<Waiver> waivers)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(Source.Value);
        // As JSON text: Playwright maps a result only onto types with a parameterless constructor.
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map(n => ({ target: n.target.map(String), failureSummary: n.failureSummary })) })))");
        var violations = JsonSerializer.Deserialize<Violation[]>(json) ?? [];
        var problems = new List<string>();
        foreach (var v in violations.Where(v => v.Impact is "serious" or "critical"))
        {
            foreach (var node in v.Nodes)
            {
                var target = string.Join(" ", node.Target);
                if (waivers.Any(w => w.Rule == v.Id && w.Target == target)) continue;
                problems.Add($"{where}: [{v.Impact}] {v.Id} at `{target}`: {v.Help} ({v.HelpUrl})\n      {node.FailureSummary?.ReplaceLineEndings(" ")}");
            }
        }
        return problems;
    }

    public static string Report(IEnumerable<string> problems)
    {
        var text = new StringBuilder("axe-core found serious or critical accessibility violations:\n");
        foreach (var p in problems) text.Append("  ").AppendLine(p);
        return text.ToString();
    }
}
