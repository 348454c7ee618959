using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Cli;

/// <summary>What the demo does after loading. Scoring, the report and serving join here as they are built.</summary>
internal static class DemoSteps
{
    public static IEnumerable<Action> After(CliEnvironment env, WarehouseDb warehouse, DemoManifest manifest) => [];
}
