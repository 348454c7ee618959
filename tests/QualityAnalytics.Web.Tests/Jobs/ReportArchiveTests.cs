using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Web.Reports;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>The report archive when two writers store the same quarter's report at once: the scheduled job on one
/// instance and "generate now" on the dashboard of another (or two clicks), all writing into the shared data folder.</summary>
public sealed class ReportArchiveTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-archive-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public void Two_writers_of_one_report_at_once_both_succeed_and_leave_one_whole_report()
    {
        var archive = new ReportArchive(_folder);
        var quarter = Quarter.Parse("2026Q2");
        byte[] Pdf(byte fill) => Enumerable.Repeat(fill, 256 * 1024).ToArray();
        var a = Pdf(0xA1);
        var b = Pdf(0xB2);

        using var start = new Barrier(2);
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        void Writer(byte[] pdf)
        {
            start.SignalAndWait();
            for (var i = 0; i < 40; i++)
            {
                try { archive.Write(quarter, "zh-CN", pdf); }
                catch (Exception e) { errors.Add(e); }
            }
        }
        Parallel.Invoke(() => Writer(a), () => Writer(b));

        Assert.Empty(errors);
        var stored = File.ReadAllBytes(Path.Combine(archive.Folder, "2026Q2-zh-CN.pdf"));
        Assert.True(stored.SequenceEqual(a) || stored.SequenceEqual(b), "the report is one writer's whole file");
        Assert.Equal(["2026Q2-zh-CN.pdf"], Directory.GetFiles(archive.Folder).Select(Path.GetFileName)); // no temporary file left
    }
}
