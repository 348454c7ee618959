using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Analysis;

/// <summary>The reader on a real warehouse (SQLite, or PostgreSQL in that pass) loaded with the demo files but never
/// scored: it scores the quarters the mart lacks, and what it reads carries the demo's planted patterns into the analysis.</summary>
public sealed class AnalysisInputReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-analysis-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 8, 0, 30, 0, TimeSpan.Zero));
    private WarehouseDb? _warehouse;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_warehouse is not null) TestDatabases.Drop(_warehouse);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Reads_an_unscored_demo_warehouse_scoring_the_missing_quarters_first()
    {
        var files = Path.Combine(_folder, "files");
        DemoDataGenerator.Generate(new DemoOptions(files));
        var warehouse = _warehouse = TestDatabases.NewWarehouse(_folder);
        new FileLoader(warehouse, _clock, new LoaderOptions { LoadedBy = "test" }).Load([files]);
        using var db = warehouse.CreateContext();
        Assert.Empty(db.Assessments);

        var q2 = new Quarter(2026, 2);
        var input = AnalysisInputReader.Read(db, q2, AnalysisOptions.Default, PolicyFile.Default, _clock);

        Assert.Equal(new DateTime(2026, 7, 8, 8, 30, 0), input.AsOf); // 00:30 UTC is 08:30 in Asia/Shanghai
        Assert.Equal(8, input.History.Count);
        Assert.Equal(new DateOnly(2024, 10, 1), input.DataFrom);
        Assert.Equal(7, input.Departments.Count);
        // 2024Q4–2026Q2 had facts and were scored on the way (2024Q3 has none): 7 quarters × 7 departments.
        Assert.Equal(49, input.Scores.Count);
        Assert.Equal(49, db.Assessments.Count());
        Assert.Equal(80m, input.Checks.Single(c => c.DepartmentCode == "ORD" && c.Month == new DateOnly(2026, 5, 1) && c.Kind == "self").Mean);
        Assert.All(input.SurveyAnswers, a => Assert.True(a.Quarter == q2 || a.Quarter == q2.Previous()));

        var analysis = QuarterAnalyzer.Analyze(input);
        Assert.Equal("WUH", analysis.Findings.First(f => f.Kind == FindingKinds.TrendDeclining).DepartmentCode);
        Assert.Equal(["2026-05"], analysis.Findings.First(f => f.Kind == FindingKinds.ControlSignal).Points);
        Assert.Equal("响应不及时", analysis.Pareto.ByCount.Leader!.Category);
    }

    [Fact]
    public void Open_complaints_are_judged_as_of_the_last_load_not_as_of_the_reading()
    {
        // Loaded on 2026-07-08 08:30 (Shanghai); read five months later. A complaint received on 2026-07-08 08:00 and still open
        // in that load is not yet due for a reply (due 07-09 08:00): it stays pending, as the report (which judges as of its
        // data) says, instead of turning overdue because the dashboard or `qa analyze` was opened later.
        var files = Path.Combine(_folder, "files");
        Directory.CreateDirectory(files);
        File.WriteAllText(Path.Combine(files, "departments.csv"), "code,name\nLOG,物流业务部\n");
        File.WriteAllText(Path.Combine(files, "complaints.csv"), "complaint_id,department,received_at,channel,valid\nTS-OPEN,LOG,2026-07-08 08:00,电话,1\n");
        var warehouse = _warehouse = TestDatabases.NewWarehouse(_folder);
        new FileLoader(warehouse, _clock, new LoaderOptions { LoadedBy = "test" }).Load([files]);
        _clock.Advance(TimeSpan.FromDays(150));
        using var db = warehouse.CreateContext();

        var input = AnalysisInputReader.Read(db, new Quarter(2026, 3), AnalysisOptions.Default, PolicyFile.Default, _clock);

        Assert.Equal(new DateTime(2026, 7, 8, 8, 30, 0), input.AsOf);
        var complaint = Assert.Single(input.Complaints);
        Assert.Equal("pending", ServiceTargets.Reply(complaint, input).Status);
    }
}
