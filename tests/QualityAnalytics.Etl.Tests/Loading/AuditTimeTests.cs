namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>Audit stamps are kept to the microsecond on both engines, so the same load at the same instant records the
/// same times whichever database holds the warehouse (PostgreSQL keeps microseconds; SQLite would keep 100-ns ticks).</summary>
public sealed class AuditTimeTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    [Fact]
    public void Batch_and_change_stamps_are_the_clock_to_the_microsecond()
    {
        // 01:00:00.1234567 UTC: the last tick (100 ns) is below what PostgreSQL can keep.
        _w.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
        const string header = "complaint_id,department,received_at,channel,valid\n";
        _w.Load(_w.Write("departments.csv", "code,name,manager,valid_from\nLOG,物流业务部,张三,2020-01-01\n"));
        _w.Load(_w.Write("a.csv", header + "AT-1,LOG,2026-06-02 10:00,电话,是\n"));
        _w.Load(_w.Write("b.csv", header + "AT-1,LOG,2026-06-02 10:00,电话,否\n")); // a late correction: one change recorded

        using var db = _w.Db.CreateContext();
        var expected = new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);
        var batches = db.LoadBatches.ToList();
        Assert.NotEmpty(batches);
        Assert.All(batches, b =>
        {
            Assert.Equal(expected, b.StartedAt);
            Assert.Equal(expected, b.FinishedAt);
        });
        Assert.Equal(expected, Assert.Single(db.RowChanges.ToList()).ChangedAt);
    }

    public void Dispose() => _w.Dispose();
}
