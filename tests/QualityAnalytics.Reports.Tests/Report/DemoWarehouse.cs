using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>A demo warehouse in a temp folder, generated, loaded and scored once per test class (xunit class fixture).
/// Tests that write (notes, approval) use <see cref="CopyDatabase"/> so that they never change what others read.</summary>
public sealed class DemoWarehouse : IDisposable
{
    public DemoWarehouse()
    {
        Folder = Path.Combine(Path.GetTempPath(), "qa-report-" + Guid.NewGuid().ToString("N"));
        var files = Path.Combine(Folder, "files");
        DemoDataGenerator.Generate(new DemoOptions(files));
        DatabasePath = Path.Combine(Folder, "warehouse.db");
        Db = WarehouseDb.Sqlite(DatabasePath);
        WarehouseInitializer.EnsureReady(Db);
        new FileLoader(Db, Clock, new LoaderOptions { LoadedBy = "test" }).Load([files]);
        using var ctx = Db.CreateContext();
        foreach (var q in Quarter.Range(new Quarter(2024, 4), new Quarter(2026, 3))) AssessmentMart.Score(ctx, q, PolicyFile.Default, Clock);
    }

    public static readonly Quarter Q2 = new(2026, 2);

    public string Folder { get; }
    public string DatabasePath { get; }
    public WarehouseDb Db { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 7, 8, 0, 30, 0, TimeSpan.Zero));

    /// <summary>A private copy of the warehouse for a test that writes.</summary>
    public WarehouseDb CopyDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var copy = Path.Combine(Folder, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(DatabasePath, copy);
        return WarehouseDb.Sqlite(copy);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
