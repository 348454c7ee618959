using Microsoft.EntityFrameworkCore;
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
        using var db = warehouse.CreateMappedContext();
        // This batch and any earlier one whose rebuild never happened (its process died after the commit).
        var pending = db.LoadBatches.Where(b => b.Id <= batchId && !b.MartsRefreshed).Select(b => b.Id).ToList();
        var touched = pending.SelectMany(id => SummaryMartRefresher.QuartersTouchedBy(db, id)).Distinct().Order().ToList();
        SummaryMartRefresher.Refresh(db, touched, clock, policies);
        MarkRefreshed(db, batchId);
        var rescored = AssessmentMart.RefreshStale(db, policies, clock);
        return new Outcome(touched, rescored);
    }

    /// <summary>Runs the rebuild for batches whose own never ran (their process died after the commit); null when none.</summary>
    public static Outcome? CatchUp(WarehouseDb warehouse, PolicySet policies, TimeProvider clock)
    {
        long? pending;
        using (var db = warehouse.CreateContext())
            pending = db.LoadBatches.Where(b => !b.MartsRefreshed).Max(b => (long?)b.Id);
        return pending is { } id ? Run(warehouse, id, policies, clock) : null;
    }

    /// <summary>Records that the marts now reflect every batch up to this one.</summary>
    public static void MarkRefreshed(WarehouseDbContext db, long upToBatchId) =>
        db.LoadBatches.Where(b => b.Id <= upToBatchId && !b.MartsRefreshed).ExecuteUpdate(u => u.SetProperty(b => b.MartsRefreshed, true));
}
