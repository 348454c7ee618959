using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Warehouse.Marts;

/// <summary>What follows every load, whoever ran it (the command line, an upload, the nightly job): the summary marts of
/// the quarters the batch touched are rebuilt and every quarter whose facts changed is rescored (drafts only).</summary>
public static class AfterLoad
{
    public sealed record Outcome(IReadOnlyList<Quarter> SummariesRebuilt, IReadOnlyList<Quarter> Rescored);

    public static Outcome Run(WarehouseDb warehouse, long batchId, PolicySet policies, TimeProvider clock)
    {
        using var db = warehouse.CreateContext();
        var touched = SummaryMartRefresher.QuartersTouchedBy(db, batchId);
        SummaryMartRefresher.Refresh(db, touched);
        var rescored = AssessmentMart.RefreshStale(db, policies, clock);
        return new Outcome(touched, rescored);
    }
}
