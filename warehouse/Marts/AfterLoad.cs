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

    /// <summary>Which part of the work a quarter is in.</summary>
    public enum Stage { RebuildingMarts, CheckingScores }

    /// <summary>One quarter about to be worked on: its number among <paramref name="Count"/> in this stage. A load that
    /// touched every quarter of a large warehouse takes half a minute here (docs/benchmarks.md, "Fifteenth session"),
    /// so `qa load` shows where it is.</summary>
    public sealed record Step(Stage Stage, Quarter Quarter, int Number, int Count);

    public static Outcome Run(WarehouseDb warehouse, long batchId, PolicySet policies, TimeProvider clock, Action<Step>? onStep = null)
    {
        // The load left its pages in the WAL (no automatic checkpoint on the loading connection: WarehouseDb.Checkpoint
        // says why); they are copied into the database file on another thread while the marts are rebuilt, and this
        // returns only when both are done, so no work outlives the caller.
        var checkpoint = Task.Run(warehouse.Checkpoint);
        try
        {
            return RebuildAndRescore(warehouse, batchId, policies, clock, onStep);
        }
        finally
        {
            checkpoint.GetAwaiter().GetResult();
        }
    }

    private static Outcome RebuildAndRescore(WarehouseDb warehouse, long batchId, PolicySet policies, TimeProvider clock, Action<Step>? onStep)
    {
        using var db = warehouse.CreateMappedContext();
        // This batch and any earlier one whose rebuild never happened (its process died after the commit).
        var pending = db.LoadBatches.Where(b => b.Id <= batchId && !b.MartsRefreshed).Select(b => b.Id).ToList();
        var touched = pending.SelectMany(id => SummaryMartRefresher.QuartersTouchedBy(db, id)).Distinct().Order().ToList();
        SummaryMartRefresher.Refresh(db, touched, clock, policies, (q, n, count) => onStep?.Invoke(new Step(Stage.RebuildingMarts, q, n, count)));
        MarkRefreshed(db, batchId);
        var rescored = AssessmentMart.RefreshStale(db, policies, clock, (q, n, count) => onStep?.Invoke(new Step(Stage.CheckingScores, q, n, count)));
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
