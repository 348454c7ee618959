using System.Diagnostics.Tracing;
using System.Globalization;

namespace QualityAnalytics.Benchmarks;

/// <summary>Which methods the JIT compiles while the timed load runs, from the runtime's MethodLoadVerbose events:
/// counts by namespace and type and by how each was compiled (a first, quick compilation or a tier-up). The JIT's
/// background thread takes ~0.3 s of CPU in a 1M-row load, on the cores the two loading threads need. Only when
/// QA_BENCH_JIT=1: a diagnostic of the benchmark's child (docs/benchmarks.md, "Seventeenth session").</summary>
internal sealed class JitSampler() : RuntimeEventTally((EventKeywords)0x10, "MethodLoadVerbose", "methods")
{
    protected override (string Key, long Amount) Classify(EventWrittenEventArgs e)
    {
        var space = Payload(e, "MethodNamespace") as string ?? "";
        var parts = space.Split('.', 3);
        var shortSpace = parts.Length >= 2 ? parts[0] + "." + parts[1] : space;
        // MethodFlags bits 7–9: the optimization tier, numbered as the runtime's OptimizationTier (DacpTieredVersionData).
        var flags = Convert.ToInt64(Payload(e, "MethodFlags") ?? 0L, CultureInfo.InvariantCulture);
        var tier = ((flags >> 7) & 0x7) switch
        {
            1 => "min-opts", 2 => "optimized (first call)", 3 => "quick (tier 0)", 4 => "tier 1", 5 => "ready-to-run",
            6 => "tier 1 (OSR)", 7 => "tier 0 instrumented", var other => $"tier {other}",
        };
        return ($"{tier,-22} {shortSpace}", 1);
    }

    public string Report() => Report("methods compiled during the load");
}
