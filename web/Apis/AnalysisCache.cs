using System.Collections.Concurrent;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Apis;

/// <summary>One analysis of a quarter shared by every request that needs it. The analysis reads every complaint of the
/// eight quarters it looks back on and works out service targets, trends and control charts: ~4 s over a warehouse of
/// 1M complaints on one core (docs/benchmarks.md), and the overview and department pages ask for it on every visit.
/// Requests for the same quarter wait for the one computation under way instead of starting their own. A computed
/// analysis is reused while nothing it reads can have changed: the same last load batch, the same number of approvals,
/// the same policy file, and for at most <see cref="Lifetime"/> (what the cheap checks cannot see: a `qa score` or a
/// calendar import from another process; the passing of time alone changes nothing, as open complaints are judged as of
/// the loads, see OpenComplaintsAsOf).</summary>
public sealed class AnalysisCache(WarehouseDb warehouse, PolicyProvider policies, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Key(int Quarter, long LastBatch, int Approvals, DateTime PolicyWritten);

    private sealed class Entry(Key key, DateTimeOffset computedAt, Lazy<QuarterAnalysis> analysis)
    {
        public Key Key { get; } = key;
        public DateTimeOffset ComputedAt { get; } = computedAt;
        public Lazy<QuarterAnalysis> Analysis { get; } = analysis;
    }

    private readonly ConcurrentDictionary<int, Entry> _byQuarter = new();

    public QuarterAnalysis For(Quarter quarter)
    {
        var key = CurrentKey(quarter);
        var now = clock.GetUtcNow();
        while (true)
        {
            var entry = _byQuarter.GetOrAdd(quarter.Key, _ => NewEntry(key, now));
            if (entry.Key != key || now - entry.ComputedAt > Lifetime)
            {
                // Stale: replace it (unless another request already did) and go round again.
                _byQuarter.TryUpdate(quarter.Key, NewEntry(key, now), entry);
                continue;
            }
            try
            {
                return entry.Analysis.Value;
            }
            catch
            {
                // A failed computation is not kept: the next request tries again.
                _byQuarter.TryRemove(new KeyValuePair<int, Entry>(quarter.Key, entry));
                throw;
            }
        }
    }

    private Entry NewEntry(Key key, DateTimeOffset now) =>
        new(key, now, new Lazy<QuarterAnalysis>(() => Analyze(Quarter.FromKey(key.Quarter)), LazyThreadSafetyMode.ExecutionAndPublication));

    private Key CurrentKey(Quarter quarter)
    {
        using var db = warehouse.CreateContext();
        var lastBatch = db.LoadBatches.Max(b => (long?)b.Id) ?? 0;
        var approvals = db.QuarterApprovals.Count();
        var policyWritten = File.Exists(policies.FilePath) ? File.GetLastWriteTimeUtc(policies.FilePath) : DateTime.MinValue;
        return new Key(quarter.Key, lastBatch, approvals, policyWritten);
    }

    private QuarterAnalysis Analyze(Quarter quarter)
    {
        using var db = warehouse.CreateContext();
        var options = new AnalysisOptions();
        return QuarterAnalyzer.Analyze(AnalysisInputReader.Read(db, quarter, options, policies.Current(), clock), options);
    }
}
