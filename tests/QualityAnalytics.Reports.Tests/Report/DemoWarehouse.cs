using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>A demo warehouse (a SQLite file in a temp folder, or a PostgreSQL database in the PostgreSQL pass),
/// generated, loaded and scored once per test class (xunit class fixture). Tests that write (notes, approval) use
/// <see cref="CopyDatabase"/> so that they never change what others read.</summary>
public sealed class DemoWarehouse : IDisposable
{
    private readonly List<WarehouseDb> _copies = [];

    public DemoWarehouse()
    {
        Folder = Path.Combine(Path.GetTempPath(), "qa-report-" + Guid.NewGuid().ToString("N"));
        var files = Path.Combine(Folder, "files");
        DemoDataGenerator.Generate(new DemoOptions(files));
        Db = TestDatabases.NewWarehouse(Folder);
        try
        {
            new FileLoader(Db, Clock, new LoaderOptions { LoadedBy = "test" }).Load([files]);
            using var ctx = Db.CreateContext();
            foreach (var q in Quarter.Range(new Quarter(2024, 4), new Quarter(2026, 3))) AssessmentMart.Score(ctx, q, PolicyFile.Default, Clock);
        }
        catch
        {
            // xunit never disposes a fixture whose constructor threw: drop its database (PostgreSQL pass) here.
            Dispose();
            throw;
        }
    }

    public static readonly Quarter Q2 = new(2026, 2);

    public string Folder { get; }
    public WarehouseDb Db { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 7, 8, 0, 30, 0, TimeSpan.Zero));

    /// <summary>A private copy of the warehouse for a test that writes.</summary>
    public WarehouseDb CopyDatabase()
    {
        var copy = TestDatabases.Copy(Db, Folder, $"copy-{Guid.NewGuid():N}");
        lock (_copies) _copies.Add(copy);
        return copy;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var copy in _copies) TestDatabases.Drop(copy);
        TestDatabases.Drop(Db);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
