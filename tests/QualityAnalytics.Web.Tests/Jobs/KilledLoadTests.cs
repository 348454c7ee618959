using System.Diagnostics;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>A real `qa jobs run nightly-load` process killed (SIGKILL) at several moments of its load; the next run takes
/// the files again and the warehouse ends the same as after one clean run.</summary>
public sealed class KilledLoadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-kill-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    private string Prepare(string name)
    {
        var data = Path.Combine(_folder, name, "data");
        Directory.CreateDirectory(Path.Combine(data, "inbox"));
        File.WriteAllText(Path.Combine(data, "inbox", "a-departments.csv"), JobTestData.Departments);
        File.WriteAllText(Path.Combine(data, "inbox", "b-complaints.csv"), JobTestData.Complaints(40_000));
        File.WriteAllText(Path.Combine(data, "inbox", "c-complaints.csv"), JobTestData.Complaints(500).Replace("J-", "K-"));
        return Path.Combine(data, "warehouse.db");
    }

    private static Process Qa(string warehouseFile)
    {
        var qa = Path.Combine(AppContext.BaseDirectory, "qa.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", qa, "jobs", "run", "nightly-load", "--db", warehouseFile])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(warehouseFile)!,
        };
        return Process.Start(start)!;
    }

    private static void RunToEnd(string warehouseFile)
    {
        using var p = Qa(warehouseFile);
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
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(killed)!, "inbox")), f => !Path.GetFileName(f).StartsWith('.'));
    }
}
