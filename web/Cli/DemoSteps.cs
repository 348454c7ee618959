using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Quality;

namespace QualityAnalytics.Web.Cli;

/// <summary>What the demo does after loading: score every demo quarter, show the worked-example quarter, run the data
/// tests, then write the latest quarter's report. Serving joins here as it is built.</summary>
internal static class DemoSteps
{
    public static IEnumerable<Action> After(CliEnvironment env, WarehouseDb warehouse, DemoManifest manifest) =>
    [
        () =>
        {
            using var ctx = warehouse.CreateContext();
            // The demo scores under the built-in policy below, so its marts judge service targets by the same one.
            SummaryMartRefresher.Refresh(ctx, QualityAnalytics.Warehouse.Model.Quarter.Range(manifest.FirstQuarter, manifest.LastQuarter), env.Clock, PolicyFile.Default);
            AfterLoad.MarkRefreshed(ctx, long.MaxValue);
            var scored = QualityAnalytics.Warehouse.Model.Quarter.Range(manifest.FirstQuarter, manifest.LastQuarter)
                .Select(q => AssessmentMart.Score(ctx, q, PolicyFile.Default, env.Clock)).ToList();
            env.Out.WriteLine($"demo: scored {scored.Count} quarters ({manifest.FirstQuarter}–{manifest.LastQuarter}) under policy {scored[^1].Policy.Version}");
            AssessmentTable.Write(env.Out, scored.Single(s => s.Quarter == new QualityAnalytics.Warehouse.Model.Quarter(2026, 2)), PolicyFile.Default);
        },
        () =>
        {
            // The data tests over what was just loaded and scored: the demo shows the check the working group runs.
            using var connection = warehouse.OpenReadConnection();
            var results = DataTestRunner.Run(connection);
            env.Out.WriteLine($"demo: data tests {results.Count(r => r.Passed)} of {results.Count} passed; 'qa verify' lists them.");
        },
        () =>
        {
            // The quarterly report of the latest demo quarter, as the meeting on the 10th would read it.
            using var ctx = warehouse.CreateContext();
            var options = new QualityAnalytics.Reports.Report.ReportOptions();
            var target = ReportCommand.DefaultTarget(warehouse, manifest.LastQuarter, options);
            try
            {
                ReportCommand.Write(ctx, manifest.LastQuarter, options, PolicyFile.Default, env, target);
                env.Out.WriteLine($"demo: report of {manifest.LastQuarter} written to {ReportCommand.Shown(env, target)}; try 'qa report --quarter 2026Q2 --lang en'.");
            }
            catch (InvalidOperationException ex)
            {
                env.Out.WriteLine($"demo: no report ({ex.Message})");
            }
        },
    ];
}
