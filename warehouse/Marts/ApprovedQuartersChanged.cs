using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Marts;

/// <summary>The quarters a batch wrote that the committee had already approved when the batch began: a late correction
/// under an approval, which the working group has to take back to the committee (the Policy page lists what it changed).
/// The data desk marks them among a batch's quarters; the nightly load's mail and the working group's notices name them.</summary>
public static class ApprovedQuartersChanged
{
    /// <param name="scanUntracked">False: a batch loaded before the loader's trail existed gives none rather than a scan
    /// of every fact (<see cref="SummaryMartRefresher.HasTrail"/>), for lists over many batches.</param>
    public static IReadOnlyList<Quarter> By(WarehouseDbContext db, long batchId, bool scanUntracked = true)
    {
        var approved = ApprovedBefore(db, batchId);
        if (approved.Count == 0 || (!scanUntracked && !SummaryMartRefresher.HasTrail(db, batchId))) return [];
        return SummaryMartRefresher.QuartersTouchedBy(db, batchId).Where(q => approved.Contains(q.Key)).ToList();
    }

    /// <summary>The keys of the quarters approved before the batch began (none for a batch that does not exist): by the
    /// latest batch the approval saw (<see cref="QuarterApproval.LastBatchId"/>), or, for an approval recorded before that
    /// was kept, by its time.</summary>
    public static HashSet<int> ApprovedBefore(WarehouseDbContext db, long batchId)
    {
        var started = db.LoadBatches.AsNoTracking().Where(b => b.Id == batchId).Select(b => (DateTimeOffset?)b.StartedAt).SingleOrDefault();
        if (started is null) return [];
        // In memory: approvals are one a quarter, and SQLite cannot compare the DateTimeOffset it stores as text.
        return db.QuarterApprovals.AsNoTracking().Select(a => new { a.QuarterKey, a.LastBatchId, a.ApprovedAt }).ToList()
            .Where(a => a.LastBatchId is { } last ? last < batchId : a.ApprovedAt < started.Value).Select(a => a.QuarterKey).ToHashSet();
    }
}
