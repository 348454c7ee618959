using System.Xml.Linq;

namespace QualityAnalytics.Web.Tests.Architecture;

/// <summary>The loader benchmark times <c>FileLoader</c> in its own process, not in <c>qa</c>'s: it is honest only while
/// that process runs the loader under the runtime settings <c>qa</c> ships with (docs/benchmarks.md, "Fifth session":
/// dynamic PGO off, the server garbage collector).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_benchmarks_run_with_the_JIT_settings_of_qa()
    {
        foreach (var setting in new[] { "TieredPGO", "TieredCompilation", "TieredCompilationQuickJit", "TieredCompilationQuickJitForLoops", "InvariantGlobalization",
                     "ServerGarbageCollection", "ConcurrentGarbageCollection", "GarbageCollectionAdaptationMode" })
        {
            Assert.True(Setting("web/QualityAnalytics.Web.csproj", setting) == Setting("tests/QualityAnalytics.Benchmarks/QualityAnalytics.Benchmarks.csproj", setting),
                $"{setting} differs between qa and the benchmarks");
        }
    }

    [Fact]
    public void Qa_ships_with_dynamic_PGO_off() => Assert.Equal("false", Setting("web/QualityAnalytics.Web.csproj", "TieredPGO"));

    private static string? Setting(string project, string name) =>
        XDocument.Load(Path.Combine(LayeringTests.RepositoryRoot(), project)).Descendants(name).LastOrDefault()?.Value.Trim();
}
