namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>处理满意度 is optional and the contract gives it no list: a value the loader does not know loads the
/// complaint without it and records a load warning (file, line, column, value) instead of quarantining a valid
/// complaint, which then dropped out of the C component.</summary>
public sealed class SatisfactionWarningTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void Complaints_with_common_or_unknown_satisfactions_all_load_and_the_unknown_one_is_warned_about()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("c_sat.csv", "complaint_id,department,received_at,channel,valid,satisfaction\n" +
            "S1,LOG,2026-04-03,电话,是,abc\nS2,LOG,2026-04-03,电话,是,一般\nS3,LOG,2026-04-03,电话,是,不满意\n" +
            "S4,LOG,2026-04-03,电话,是,非常不满意\nS5,LOG,2026-04-03,电话,是,较满意\nS6,LOG,2026-04-03,电话,是,未回访\n");

        var file = _w.Load(_w.Inbox).Files.Single(f => f.Kind == "complaints");

        Assert.Equal((6, 0, 1), (file.Loaded, file.Quarantined, file.Warnings));
        Assert.Equal("S1∅ S2neutral S3dissatisfied S4dissatisfied S5satisfied S6∅", string.Join(" ",
            Enumerable.Range(1, 6).Select(i => $"S{i}" + (_w.Scalar($"SELECT satisfaction FROM fact_complaint WHERE complaint_id = 'S{i}'") ?? "∅"))));
        using var db = _w.Db.CreateContext();
        var warning = Assert.Single(db.LoadWarnings.ToList());
        Assert.Equal(("c_sat.csv", 2, "satisfaction", "abc"), (warning.File, warning.Line, warning.Column, warning.Value));
        Assert.Contains("loaded with satisfaction empty", warning.Message, StringComparison.Ordinal);
    }
}
