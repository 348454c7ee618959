using System.Globalization;

namespace QualityAnalytics.Benchmarks;

/// <summary>Per-thread scheduler figures of this process from /proc/self/task/*/schedstat: time on a CPU, time waiting
/// for one (runnable but not running: the other threads or processes had the cores), and the rest of the wall time
/// (asleep: waiting for the other thread, a lock, the disk). Sampled every 20 ms, because a thread's figures vanish with
/// it (the staging thread ends before the load returns). Only when QA_BENCH_SCHEDSTAT=1: a diagnostic of the benchmark's
/// child (docs/benchmarks.md, "Seventh session").</summary>
internal sealed class ThreadSchedStats : IDisposable
{
    private readonly Dictionary<string, (string Name, long Run, long Wait)> _first = [];
    private readonly Dictionary<string, (string Name, long Run, long Wait)> _last = [];
    private readonly Timer _timer;

    public ThreadSchedStats()
    {
        Sample(_first);
        _timer = new Timer(_ => { lock (_last) Sample(_last); }, null, 20, 20);
    }

    private static void Sample(Dictionary<string, (string, long, long)> into)
    {
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                into[Path.GetFileName(task)] = (name, long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }
    }

    /// <summary>One line per thread that ran at least 10 ms during the measured span.</summary>
    public string Report(double wallSeconds)
    {
        _timer.Dispose();
        lock (_last)
        {
            Sample(_last);
            return string.Join(Environment.NewLine, _last
                .Select(t => (t.Value.Name, Run: (t.Value.Run - (_first.TryGetValue(t.Key, out var f) ? f.Run : 0)) / 1e9,
                    Wait: (t.Value.Wait - (_first.TryGetValue(t.Key, out var g) ? g.Wait : 0)) / 1e9))
                .Where(t => t.Run >= 0.01)
                .OrderByDescending(t => t.Run)
                .Select(t => string.Create(CultureInfo.InvariantCulture,
                    $"thread {t.Name,-16} on-cpu {t.Run:0.00} s, runnable-waiting {t.Wait:0.00} s, of {wallSeconds:0.00} s")));
        }
    }

    public void Dispose() => _timer.Dispose();
}
