using System.Diagnostics.Tracing;

namespace QualityAnalytics.Benchmarks;

/// <summary>Which types the timed load allocates, by the runtime's own sampling: a GC AllocationTick event every ~100 KB
/// allocated, naming the type of the object that crossed the mark, so each type's share of the ticks is its share of
/// the bytes (an estimate, good to a few percent over a 1M-row load's ~16,000 ticks). Only when
/// QA_BENCH_ALLOCATIONS=1: a diagnostic of the benchmark's child (docs/benchmarks.md, "Seventeenth session").</summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private long _total;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
            _total += amount;
        }
    }

    /// <summary>The types with the largest share, most first.</summary>
    public string Report(int top = 25)
    {
        lock (_bytesByType)
        {
            var lines = _bytesByType.OrderByDescending(p => p.Value).Take(top)
                .Select(p => $"  {p.Value / 1048576.0,8:0} MiB {100.0 * p.Value / Math.Max(1, _total),5:0.0}%  {p.Key}");
            return $"allocations sampled: {_total / 1048576.0:0} MiB\n" + string.Join('\n', lines);
        }
    }
}
