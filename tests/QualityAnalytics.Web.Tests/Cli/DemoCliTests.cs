using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Warehouse.Quality;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Cli;

namespace QualityAnalytics.Web.Tests.Cli;

public sealed class DemoCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void The_demo_loads_every_generated_file_and_quarantines_exactly_the_planted_bad_rows()
    {
        var (exit, output, error) = _qa.Run("demo", "--files", "demo-files");
        Assert.True(exit == 0, output + error);

        // The same generator, run again into another folder, says which rows it planted.
        var manifest = DemoDataGenerator.Generate(new DemoOptions(Path.Combine(_qa.Folder, "manifest-copy")));
        using var db = _qa.Warehouse.CreateContext();
        var quarantined = db.QuarantinedRows.Select(q => new { q.File, q.Sheet, q.Line, q.Column }).ToList()
            .Select(q => $"{q.File}|{q.Sheet}|{q.Line}").Order().ToList();
        var planted = manifest.BadRows.Select(b => $"{Path.GetFileName(b.File)}|{b.Sheet}|{b.Line}").Order().ToList();
        Assert.Equal(planted, quarantined);
        Assert.Equal(0, db.SourceFiles.Count(f => f.Rejected));
        Assert.Equal(7, db.Departments.Count());

        // What the demo loaded and scored passes the warehouse's data tests (the planted bad rows never got in).
        Assert.Contains($"demo: data tests {DataTests.All.Count} of {DataTests.All.Count} passed", output, StringComparison.Ordinal);
        Assert.Equal(0, _qa.Run("verify").Exit);
    }

    [Fact]
    public void The_demo_run_twice_gives_the_same_warehouse()
    {
        _qa.Run("demo");
        var first = Snapshot();
        _qa.Run("demo");
        Assert.Equal(first, Snapshot());
    }

    private string Snapshot()
    {
        using var db = _qa.Warehouse.CreateContext();
        return string.Join("\n", db.Complaints.OrderBy(c => c.ComplaintId).Select(c => c.ComplaintId + c.ReceivedAt + c.Valid + c.DirectDeduction).ToList())
               + string.Join("\n", db.Checks.OrderBy(c => c.CheckId).Select(c => c.CheckId + c.Score).ToList());
    }
}
