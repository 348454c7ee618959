using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>A warehouse of the pass's provider (a SQLite file, or a fresh PostgreSQL database) with its inbox, archive and
/// rejected folders in the test's data folder, a clock, and the nightly load over them: what every nightly-load test
/// class starts from.</summary>
public abstract class NightlyLoadFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-jobs-" + Guid.NewGuid().ToString("N"));

    protected NightlyLoadFixture()
    {
        Directory.CreateDirectory(_folder);
        Warehouse = TestDatabases.NewWarehouse(_folder);
    }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 7, 1, 18, 0, 0, TimeSpan.Zero));

    protected WarehouseDb Warehouse { get; }

    protected JobFolders Folders => JobFolders.In(Warehouse.DataFolder);

    protected NightlyLoadJob Job(TimeProvider? clock = null) => new(Warehouse, Folders, PolicyFile.Default, clock ?? Clock);

    /// <summary>A file put into the inbox with the given last write time (a settled file is older than a minute).</summary>
    protected string Write(string name, byte[] content, DateTimeOffset lastWrite)
    {
        var path = Path.Combine(Folders.Inbox, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        File.SetLastWriteTimeUtc(path, lastWrite.UtcDateTime);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(Warehouse);
        try { Directory.Delete(_folder, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
