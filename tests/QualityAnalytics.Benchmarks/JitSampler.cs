using System.Diagnostics.Tracing;

namespace QualityAnalytics.Benchmarks;

/// <summary>Which methods the JIT compiles while the timed load runs, from the runtime's MethodLoadVerbose events:
/// counts by namespace (the first two parts) and by how each was compiled (a first, quick compilation or a tier-up).
/// The JIT's background thread takes ~0.3 s of CPU in a 1M-row load, on the cores the two loading threads need. Only
/// when QA_BENCH_JIT=1: a diagnostic of the benchmark's child (docs/benchmarks.md, "Seventeenth session").</summary>
internal sealed class JitSampler : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private readonly Dictionary<string, int> _byNamespaceAndTier = [];
    private int _total;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, JitKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) || e.Payload is null) return;
        var space = Payload(e, "MethodNamespace");
        var parts = space.Split('.', 3);
        var shortSpace = parts.Length >= 2 ? parts[0] + "." + parts[1] : space;
        // MethodFlags bits 7–9: the optimization tier, numbered as the runtime's OptimizationTier (DacpTieredVersionData).
        var flags = Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
        var tier = ((flags >> 7) & 0x7) switch
        {
            1 => "min-opts", 2 => "optimized (first call)", 3 => "quick (tier 0)", 4 => "tier 1", 5 => "ready-to-run",
            6 => "tier 1 (OSR)", 7 => "tier 0 instrumented", var other => $"tier {other}",
        };
        lock (_byNamespaceAndTier)
        {
            var key = $"{tier,-20} {shortSpace}";
            _byNamespaceAndTier[key] = _byNamespaceAndTier.GetValueOrDefault(key) + 1;
            _total++;
        }
    }

    private static string Payload(EventWrittenEventArgs e, string name) =>
        e.PayloadNames!.IndexOf(name) is var at and >= 0 ? e.Payload![at] as string ?? "" : "";

    public string Report(int top = 30)
    {
        lock (_byNamespaceAndTier)
        {
            var lines = _byNamespaceAndTier.OrderByDescending(p => p.Value).Take(top).Select(p => $"  {p.Value,6}  {p.Key}");
            return $"methods compiled during the load: {_total}\n" + string.Join('\n', lines);
        }
    }
}
