using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>
/// The one rule for the moment a quarter's open complaints are judged at (<see cref="OpenComplaintsAsOf"/>): the latest
/// load that wrote one of the quarter's complaint rows. Only a load that brings the quarter's complaints moves it; the
/// report reads it exactly as the analysis does. Real warehouse (SQLite, or PostgreSQL in that pass).
/// </summary>
public sealed class OpenComplaintsAsOfTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-asof-" + Guid.NewGuid().ToString("N"));
    // 2026-09-15 12:00 in Asia/Shanghai.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 15, 4, 0, 0, TimeSpan.Zero));
    private readonly WarehouseDb _warehouse;

    public OpenComplaintsAsOfTests() => _warehouse = TestDatabases.NewWarehouse(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_warehouse);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private const string Complaints = "complaint_id,department,received_at,channel,valid,replied_at,resolved_at\n";
    private static readonly DateTime FirstLoad = new(2026, 9, 15, 12, 0, 0);

    private void Load(string name, string csv)
    {
        var file = Path.Combine(_folder, "files", Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, csv);
        Assert.False(new FileLoader(_warehouse, _clock, new LoaderOptions { LoadedBy = "test" }).Load([file]).AnyRejected);
    }

    /// <summary>2026Q3 on 15 September 12:00: LOG with TS-OPEN received that morning, open (reply due 16 September 09:00).</summary>
    private void LoadQ3WithAnOpenComplaint()
    {
        Load("departments.csv", "code,name\nLOG,物流业务部\n");
        Load("complaints.csv", Complaints + "TS-OPEN,LOG,2026-09-15 09:00,电话,1,,\n");
    }

    private DateTime AsOf(Quarter quarter)
    {
        using var db = _warehouse.CreateContext();
        return OpenComplaintsAsOf.Read(db, quarter, _clock);
    }

    [Fact]
    public void The_report_judges_open_complaints_as_of_their_own_load_not_a_later_load_of_the_quarters_callbacks()
    {
        LoadQ3WithAnOpenComplaint();
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero));
        // A callbacks file says nothing about whether TS-OPEN was answered since.
        Load("callbacks.csv", "callback_id,department,called_on,finding\nCB-1,LOG,2026-09-20,none\n");

        using var db = _warehouse.CreateContext();
        var model = ReportDataReader.Read(db, Q3, new ReportOptions(), PolicyFile.Default, _clock);

        Assert.Equal(FirstLoad, model.Input.AsOf);
        var company = model.Analysis.ServiceTargets.Quarter.Single(r => r.DepartmentCode is null);
        Assert.Equal((0, 1), (company.Reply.Late, company.Reply.Pending));
        Assert.Empty(model.Analysis.ServiceTargets.Late);
        // The cover's "data as of" is the quarter's data as a whole, callbacks included.
        Assert.Equal(new DateTime(2026, 10, 20, 10, 0, 0), model.DataAsOf);
    }

    [Fact]
    public void Another_quarters_load_and_an_unchanged_reload_leave_it_and_a_load_that_changes_a_complaint_of_the_quarter_moves_it()
    {
        LoadQ3WithAnOpenComplaint();
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero)); // 10:00 in Shanghai
        Load("complaints-q4.csv", Complaints + "TS-Q4,LOG,2026-10-19 09:00,电话,1,2026-10-19 10:00,\n");
        Load("complaints.csv", Complaints + "TS-OPEN,LOG,2026-09-15 09:00,电话,1,,\n"); // the same export again

        Assert.Equal(FirstLoad, AsOf(Q3));
        Assert.Equal(new DateTime(2026, 10, 20, 10, 0, 0), AsOf(Q3.Next()));

        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 21, 2, 0, 0, TimeSpan.Zero));
        Load("complaints.csv", Complaints + "TS-OPEN,LOG,2026-09-15 09:00,电话,1,2026-09-17 09:00,\n"); // a new export: replied late

        Assert.Equal(new DateTime(2026, 10, 21, 10, 0, 0), AsOf(Q3));
    }

    [Fact]
    public void A_quarter_without_complaints_takes_the_latest_load_and_nothing_is_ever_later_than_now()
    {
        Assert.Equal(FirstLoad, AsOf(Q3)); // nothing loaded: now
        LoadQ3WithAnOpenComplaint();
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero));
        Load("complaints-q4.csv", Complaints + "TS-Q4,LOG,2026-10-19 09:00,电话,1,,\n");

        Assert.Equal(new DateTime(2026, 10, 20, 10, 0, 0), AsOf(new Quarter(2027, 1)));
        // A clock set back behind the loads (a test, or a server whose clock was corrected) caps the date at now.
        var earlier = new FakeTimeProvider(new DateTimeOffset(2026, 9, 15, 1, 0, 0, TimeSpan.Zero));
        using var db = _warehouse.CreateContext();
        Assert.Equal(new DateTime(2026, 9, 15, 9, 0, 0), OpenComplaintsAsOf.Read(db, Q3, earlier));
    }

    [Fact]
    public void An_eight_quarter_view_judges_each_quarter_as_of_its_own_load()
    {
        LoadQ3WithAnOpenComplaint();
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero));
        Load("complaints-q4.csv", Complaints + "TS-Q4,LOG,2026-10-19 09:00,电话,1,2026-10-19 10:00,\n");

        using var db = _warehouse.CreateContext();
        var input = AnalysisInputReader.Read(db, Q3.Next(), AnalysisOptions.Default, PolicyFile.Default, _clock);
        var analysis = QuarterAnalyzer.Analyze(input);

        Assert.Equal(FirstLoad, input.AsOfFor(Q3));
        var q3 = analysis.ServiceTargets.History.Single(r => r.Quarter == "2026Q3" && r.DepartmentCode is null);
        Assert.Equal((0, 1), (q3.Reply.Late, q3.Reply.Pending));
    }
}
