using System.Diagnostics;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>A real `qa jobs run nightly-load` process killed (SIGKILL) at several moments of its load; the next run takes
/// the files again and the warehouse ends the same as after one clean run. On SQLite the process makes the warehouse
/// file itself (so an early kill lands in its migrations); on PostgreSQL it is handed a fresh database by connection
/// string, its data folder by the Warehouse__DataFolder setting, as an operator would, and the kill also ends the session
/// that held the load's advisory lock: the next run must get that lock back.</summary>
public sealed class KilledLoadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-kill-" + Guid.NewGuid().ToString("N"));
    private readonly List<WarehouseDb> _warehouses = [];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var warehouse in _warehouses) TestDatabases.Drop(warehouse);
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    private WarehouseDb Prepare(string name)
    {
        var data = Path.Combine(_folder, name, "data");
        Directory.CreateDirectory(Path.Combine(data, "inbox"));
        File.WriteAllText(Path.Combine(data, "inbox", "a-departments.csv"), JobTestData.Departments);
        File.WriteAllText(Path.Combine(data, "inbox", "b-complaints.csv"), JobTestData.Complaints(40_000));
        File.WriteAllText(Path.Combine(data, "inbox", "c-complaints.csv"), JobTestData.Complaints(500).Replace("J-", "K-"));
        // Dropped well before the run (the real process reads the real clock): a file written within the settle time
        // would wait for the next run as one still being copied.
        foreach (var file in Directory.GetFiles(Path.Combine(data, "inbox"))) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        var warehouse = TestDatabases.OnPostgres
            ? WarehouseDb.Postgres(TestDatabases.NewPostgresDatabase(), data)
            : WarehouseDb.Sqlite(Path.Combine(data, "warehouse.db"));
        _warehouses.Add(warehouse);
        return warehouse;
    }

    private static Process Qa(WarehouseDb warehouse)
    {
        var qa = Path.Combine(AppContext.BaseDirectory, "qa.dll");
        var db = warehouse.IsPostgres ? warehouse.ConnectionString : warehouse.FilePath!;
        var start = new ProcessStartInfo("dotnet", ["exec", qa, "jobs", "run", "nightly-load", "--db", db])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = warehouse.DataFolder,
        };
        start.Environment["Warehouse__DataFolder"] = warehouse.DataFolder;
        return Process.Start(start)!;
    }

    private static void RunToEnd(WarehouseDb warehouse)
    {
        using var p = Qa(warehouse);
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
    }

    [Theory]
    [InlineData(800)]
    [InlineData(1600)]
    [InlineData(2600)]
    public void A_load_killed_midway_and_run_again_gives_the_same_warehouse_as_one_clean_run(int killAfterMs)
    {
        var clean = Prepare("clean");
        RunToEnd(clean);

        var killed = Prepare("killed");
        using (var p = Qa(killed))
        {
            Thread.Sleep(killAfterMs);
            if (!p.HasExited) p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        RunToEnd(killed);

        Assert.Equal(JobTestData.Dump(clean), JobTestData.Dump(killed));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(killed.DataFolder, "inbox")), f => !Path.GetFileName(f).StartsWith('.'));
    }
}
