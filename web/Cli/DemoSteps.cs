using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;
using QualityAnalytics.Warehouse.Marts;

namespace QualityAnalytics.Web.Cli;

/// <summary>What the demo does after loading: score every demo quarter and show the worked-example quarter.
/// The report and serving join here as they are built.</summary>
internal static class DemoSteps
{
    public static IEnumerable<Action> After(CliEnvironment env, WarehouseDb warehouse, DemoManifest manifest) =>
    [
        () =>
        {
            using var ctx = warehouse.CreateContext();
            SummaryMartRefresher.Refresh(ctx, QualityAnalytics.Warehouse.Model.Quarter.Range(manifest.FirstQuarter, manifest.LastQuarter));
            var scored = QualityAnalytics.Warehouse.Model.Quarter.Range(manifest.FirstQuarter, manifest.LastQuarter)
                .Select(q => AssessmentMart.Score(ctx, q, PolicyFile.Default, env.Clock)).ToList();
            env.Out.WriteLine($"demo: scored {scored.Count} quarters ({manifest.FirstQuarter}–{manifest.LastQuarter}) under policy {scored[^1].Policy.Version}");
            AssessmentTable.Write(env.Out, scored.Single(s => s.Quarter == new QualityAnalytics.Warehouse.Model.Quarter(2026, 2)));
        },
    ];
}
