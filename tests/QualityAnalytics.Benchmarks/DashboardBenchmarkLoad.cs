using System.Diagnostics;

namespace QualityAnalytics.Benchmarks;

/// <summary>What one turn of load against one server measured.</summary>
public sealed record DashboardTurn(IReadOnlyList<TimedRequest> Requests, IReadOnlyList<string> Errors, TimeSpan Elapsed);

/// <summary>Several clients at once against one server, half of them the committee and half the LOG manager. Each
/// client first visits one page of each kind untimed (the server's JIT, EF Core's compiled models, connection pools and
/// caches warm up, as they would after a few minutes in service), then visits pages until the time is up.</summary>
public static class DashboardLoad
{
    public static async Task<DashboardTurn> Run(Uri server, int clients, TimeSpan duration, int round)
    {
        var signedIn = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => DashboardClient.SignIn(server, committee: i % 2 == 0, seed: round * 1000 + i)));
        try
        {
            foreach (var client in signedIn)
            {
                for (var i = 0; i < 6; i++) await client.VisitOnePage();
                client.ForgetTimings();
            }

            var watch = Stopwatch.StartNew();
            await Task.WhenAll(signedIn.Select(async client =>
            {
                for (var visits = 0; watch.Elapsed < duration && visits < DashboardBenchmark.MaxVisitsPerClient; visits++) await client.VisitOnePage();
            }));
            var elapsed = watch.Elapsed;
            return new DashboardTurn(signedIn.SelectMany(c => c.Timings).ToList(), signedIn.SelectMany(c => c.Errors).ToList(), elapsed);
        }
        finally
        {
            foreach (var client in signedIn) client.Dispose();
        }
    }
}

/// <summary>Every turn of one provider, pooled.</summary>
public sealed class DashboardRun(string provider, string describe)
{
    public string Provider { get; } = provider;
    public string Describe { get; } = describe;
    public List<TimedRequest> Requests { get; } = [];
    public List<string> Errors { get; } = [];
    public TimeSpan Elapsed { get; private set; }
    public List<string> LoadBefore { get; } = [];
    public List<string> LoadAfter { get; } = [];
    /// <summary>Each turn's API requests per second: how far apart the turns of one provider are shows the noise.</summary>
    public List<double> TurnRates { get; } = [];

    public void Add(DashboardTurn turn)
    {
        TurnRates.Add(turn.Requests.Count(r => !r.Type.StartsWith("page:", StringComparison.Ordinal)) / turn.Elapsed.TotalSeconds);
        Requests.AddRange(turn.Requests);
        Errors.AddRange(turn.Errors);
        Elapsed += turn.Elapsed;
    }
}
