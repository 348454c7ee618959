using System.Diagnostics.Tracing;

namespace QualityAnalytics.Benchmarks;

/// <summary>Listens to the runtime's own events of one keyword in the benchmark's child and adds up an amount per key;
/// the diagnostics that derive from it say which events, which key and which amount (<see cref="AllocationSampler"/>,
/// <see cref="JitSampler"/>).</summary>
internal abstract class RuntimeEventTally(EventKeywords keyword, string eventPrefix, string unit, double divisor = 1) : EventListener
{
    private readonly Dictionary<string, long> _byKey = [];
    private long _total;

    protected override void OnEventSourceCreated(EventSource source)
    {
        // Also called from EventListener's constructor, for the sources that exist already: the captured parameters are set by then.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, keyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith(eventPrefix, StringComparison.Ordinal) || e.Payload is null) return;
        var (key, amount) = Classify(e);
        lock (_byKey)
        {
            _byKey[key] = _byKey.GetValueOrDefault(key) + amount;
            _total += amount;
        }
    }

    /// <summary>The key an event counts under and the amount it adds.</summary>
    protected abstract (string Key, long Amount) Classify(EventWrittenEventArgs e);

    protected static object? Payload(EventWrittenEventArgs e, string name) =>
        e.PayloadNames!.IndexOf(name) is var at and >= 0 ? e.Payload![at] : null;

    /// <summary>The keys with the largest amounts, largest first, each with its share of the total.</summary>
    public string Report(string title, int top = 30)
    {
        lock (_byKey)
        {
            var lines = _byKey.OrderByDescending(p => p.Value).Take(top)
                .Select(p => $"  {p.Value / divisor,8:0} {unit} {100.0 * p.Value / Math.Max(1, _total),5:0.0}%  {p.Key}");
            return $"{title}: {_total / divisor:0} {unit}\n" + string.Join('\n', lines);
        }
    }
}
