using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Model;

/// <summary>
/// The one rule for the moment a quarter's open (unsolved, unanswered) complaints are judged at — overdue or pending against
/// the reply and solution deadlines, and so every compliance rate built on them. The report, `qa analyze` and the dashboard
/// all take it from here, so the same quarter gives the same figures wherever it is read.
/// <para>
/// The rule: the end of the latest load batch that wrote (inserted or updated) one of the quarter's complaint rows, local
/// time, and never later than now. Why: the warehouse learns whether a complaint was answered only from the next export of
/// its department's complaint file, so what it knows about a quarter's complaints is as of the last load that brought them.
/// A later load of other quarters' files, or of this quarter's callbacks or checks, tells nothing new about them and must
/// not turn them overdue; nor must the passing of time (the export that would have answered them has not arrived). A
/// reload that finds every row unchanged keeps the earlier date, as reloading a file changes nothing (data-contract.md).
/// Views over several quarters judge each quarter's complaints as of that quarter's own date.
/// </para>
/// <para>A quarter with no complaint rows has nothing to judge; it gets the end of the latest load overall (now when nothing
/// was ever loaded), the date the analysis prints as "截至".</para>
/// </summary>
public static class OpenComplaintsAsOf
{
    /// <summary>The as-of moment of each of <paramref name="quarters"/> (Asia/Shanghai wall time).</summary>
    public static IReadOnlyDictionary<Quarter, DateTime> Read(WarehouseDbContext db, IEnumerable<Quarter> quarters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(quarters);
        ArgumentNullException.ThrowIfNull(clock);
        var wanted = quarters.Distinct().ToList();
        var keys = wanted.Select(q => q.Key).ToList();
        var now = BusinessTime.LocalNow(clock);

        // Batch ids grow with time, so the highest id among a quarter's rows is the latest load that wrote one of them.
        var latestBatchOf = db.Complaints.AsNoTracking().Where(c => keys.Contains(c.QuarterKey))
            .GroupBy(c => c.QuarterKey).Select(g => new { Quarter = g.Key, Batch = g.Max(c => c.BatchId) }).ToList()
            .ToDictionary(x => x.Quarter, x => x.Batch);
        // Read to memory: SQLite cannot aggregate DateTimeOffset, and there are few batches.
        var ends = db.LoadBatches.AsNoTracking().Select(b => new { b.Id, b.StartedAt, b.FinishedAt }).ToList()
            .ToDictionary(b => b.Id, b => BusinessTime.Local(b.FinishedAt ?? b.StartedAt));
        var latestLoad = ends.Count == 0 ? now : ends.Values.Max();

        return wanted.ToDictionary(q => q, q =>
        {
            var end = latestBatchOf.TryGetValue(q.Key, out var batch) && ends.TryGetValue(batch, out var e) ? e : latestLoad;
            return end < now ? end : now;
        });
    }

    /// <summary>The as-of moment of one quarter.</summary>
    public static DateTime Read(WarehouseDbContext db, Quarter quarter, TimeProvider clock) => Read(db, [quarter], clock)[quarter];

}
