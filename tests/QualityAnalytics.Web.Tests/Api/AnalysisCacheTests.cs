using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Web.Apis;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Cli;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The dashboard's analyses over the real demo warehouse: computed once for requests that arrive together,
/// reused while nothing they read has changed, and computed afresh after a load or once their lifetime is over.</summary>
public sealed class AnalysisCacheTests : IDisposable
{
    private readonly CliRun _qa = new();

    public AnalysisCacheTests()
    {
        var (exit, output, error) = _qa.Run("demo");
        if (exit != 0) throw new InvalidOperationException(output + error);
    }

    public void Dispose() => _qa.Dispose();

    private AnalysisCache Cache() => new(_qa.Warehouse, new PolicyProvider(_qa.Warehouse.DataFolder), _qa.Clock);

    private static int CompanyComplaints(QualityAnalytics.Reports.Analysis.QuarterAnalysis a) =>
        a.ServiceTargets.Quarter.Single(r => r.DepartmentCode is null).Complaints;

    [Fact]
    public async Task Requests_together_share_one_analysis_which_lasts_until_a_load_or_its_lifetime_ends()
    {
        var cache = Cache();
        var q2 = Quarter.Parse("2026Q2");

        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => cache.For(q2))));
        Assert.All(together, a => Assert.Same(together[0], a));
        Assert.Same(together[0], cache.For(q2));
        Assert.Equal("2026Q1", cache.For(Quarter.Parse("2026Q1")).Quarter);

        // A load: the next request sees its rows.
        var before = CompanyComplaints(together[0]);
        var file = _qa.Write("more/complaints.csv", "complaint_id,department,received_at,channel,valid\nCACHE-1,LOG,2026-05-06 10:00,电话,是\n");
        Assert.Equal(0, _qa.Run("load", file).Exit);
        var afterLoad = cache.For(q2);
        Assert.NotSame(together[0], afterLoad);
        Assert.Equal(before + 1, CompanyComplaints(afterLoad));
        Assert.Same(afterLoad, cache.For(q2));

        // Within the lifetime the same analysis; after it, a fresh one (equal, as the data is).
        _qa.Clock.Advance(AnalysisCache.Lifetime);
        Assert.Same(afterLoad, cache.For(q2));
        _qa.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = cache.For(q2);
        Assert.NotSame(afterLoad, later);
        Assert.Equal(CompanyComplaints(afterLoad), CompanyComplaints(later));
    }
}
