using System.Diagnostics.Tracing;
using System.Globalization;

namespace QualityAnalytics.Benchmarks;

/// <summary>Which types the timed load allocates, by the runtime's own sampling: a GC AllocationTick event every ~100 KB
/// allocated, naming the type of the object that crossed the mark, so each type's share of the ticks is its share of
/// the bytes (an estimate, good to a few percent over a 1M-row load's ~16,000 ticks). Only when
/// QA_BENCH_ALLOCATIONS=1: a diagnostic of the benchmark's child (docs/benchmarks.md, "Seventeenth session").</summary>
internal sealed class AllocationSampler() : RuntimeEventTally((EventKeywords)0x1, "GCAllocationTick", "MiB", 1048576)
{
    protected override (string Key, long Amount) Classify(EventWrittenEventArgs e) =>
        (Payload(e, "TypeName") as string ?? "?", Convert.ToInt64(Payload(e, "AllocationAmount64") ?? 0L, CultureInfo.InvariantCulture));

    public string Report() => Report("allocations sampled");
}
