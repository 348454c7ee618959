using MiniExcelLibs;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>What the nightly load takes from an inbox that departments copy into at any hour: a file still being
/// written waits for the next run (neither loaded in part nor misfiled as rejected), and the files a copier or an editor
/// keeps for itself are never taken.</summary>
public sealed class InboxFilesTests : NightlyLoadFixture
{
    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static byte[] Workbook(int rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(1, rows).Select(i => new Dictionary<string, object>
        {
            ["complaint_id"] = $"W-{i:D4}", ["department"] = "LOG", ["received_at"] = "2026-05-04 09:00", ["channel"] = "电话", ["valid"] = "是",
        }));
        return stream.ToArray();
    }

    private int Complaints()
    {
        using var db = Warehouse.CreateContext();
        return db.Complaints.Count();
    }

    [Fact]
    public void Files_still_being_copied_wait_in_the_inbox_and_are_loaded_whole_once_they_have_settled()
    {
        var hourAgo = Clock.GetUtcNow().AddHours(-1);
        Write("departments.csv", Utf8(JobTestData.Departments), hourAgo);
        // Two copies in progress at 02:00: a CSV cut in the middle of a line, a workbook without its zip directory.
        var csv = Utf8(JobTestData.Complaints(40));
        var xlsx = Workbook(30);
        var a = Write("LOG/complaints.csv", csv[..(csv.Length / 2)], Clock.GetUtcNow().AddSeconds(-3));
        var b = Write("STO/complaints.xlsx", xlsx[..(xlsx.Length / 2)], Clock.GetUtcNow());

        var night = Job().Run(CancellationToken.None);

        Assert.Equal([a, b], night.Waiting);
        Assert.Equal(0, Complaints());
        Assert.Empty(night.Rejected);
        Assert.False(Directory.Exists(Folders.Rejected));
        Assert.True(File.Exists(a) && File.Exists(b));
        Assert.Single(night.Archived); // the departments, settled an hour ago, did not wait

        // The copies finish; the next run, later than the settle time, takes both whole.
        File.WriteAllBytes(a, csv);
        File.WriteAllBytes(b, xlsx);
        File.SetLastWriteTimeUtc(a, Clock.GetUtcNow().UtcDateTime);
        File.SetLastWriteTimeUtc(b, Clock.GetUtcNow().UtcDateTime);
        Clock.Advance(InboxFiles.SettleTime + TimeSpan.FromSeconds(1));
        var next = Job().Run(CancellationToken.None);

        Assert.Empty(next.Waiting);
        Assert.Equal(2, next.Archived.Count);
        Assert.Equal(70, Complaints());
    }

    [Fact]
    public void A_file_written_to_while_it_is_loaded_stays_in_the_inbox_and_the_next_run_loads_it_whole()
    {
        var now = DateTimeOffset.UtcNow;
        Write("departments.csv", Utf8(JobTestData.Departments), now.AddHours(-1));
        var path = Write("complaints.csv", Utf8(JobTestData.Complaints(40)), now.AddHours(-1)); // a copier that paused, then…
        var more = "J-900001,LOG,2026-06-30 10:00,电话,是,响应不及时,续写的一行\n";
        var wrote = false;
        // …writes its next block once the job has listed the inbox: when the loader reads the clock to start its batch.
        var clock = new ActingClock(now, reads => { if (reads == 2) { File.AppendAllText(path, more); wrote = true; } });

        var night = Job(clock).Run(CancellationToken.None);

        Assert.True(wrote);
        Assert.Equal([path], night.Waiting);
        Assert.True(File.Exists(path));
        Assert.DoesNotContain(night.Archived, f => f.EndsWith("complaints.csv", StringComparison.Ordinal));
        Assert.Single(night.Archived, f => f.EndsWith("departments.csv", StringComparison.Ordinal));

        var next = Job(new FakeTimeProvider(DateTimeOffset.UtcNow + InboxFiles.SettleTime + TimeSpan.FromSeconds(1))).Run(CancellationToken.None);

        Assert.Empty(next.Waiting);
        Assert.EndsWith("complaints.csv", Assert.Single(next.Archived), StringComparison.Ordinal);
        Assert.Equal(41, Complaints());
    }

    [Fact]
    public void What_a_copier_or_an_editor_keeps_for_itself_is_never_taken()
    {
        var hourAgo = Clock.GetUtcNow().AddHours(-1);
        var keep = new[]
        {
            Write("~$complaints.xlsx", [0x0B, 0x71, 0x61], hourAgo), // Excel's lock file while the book is open
            Write(".complaints.csv.Xy12Ab", Utf8(JobTestData.Complaints(5)), hourAgo), // rsync's temporary file
            Write(".rsync-partial/complaints.csv", Utf8(JobTestData.Complaints(5)[..120]), hourAgo), // rsync --partial-dir
            Write("._complaints.csv", [0, 5, 22, 7], hourAgo), // macOS's AppleDouble beside a copied file
            Write(".DS_Store", [0, 0, 0, 1], hourAgo), Write("Thumbs.db", [0xD0, 0xCF], hourAgo),
            Write("complaints.csv.part", Utf8("complaint_id"), hourAgo), Write("complaints.tmp", Utf8("complaint_id"), hourAgo),
        };

        var night = Job().Run(CancellationToken.None);

        Assert.Null(night.BatchId);
        Assert.Empty(night.Waiting);
        Assert.All(keep, f => Assert.True(File.Exists(f), f));
        Assert.False(Directory.Exists(Folders.Rejected));
    }

    [Fact]
    public void A_file_whose_time_is_far_ahead_of_theClock_is_loaded_rather_than_held_for_ever()
    {
        // Copied with its times kept from a machine whose clock is a year ahead: its age says nothing.
        Write("departments.csv", Utf8(JobTestData.Departments), Clock.GetUtcNow().AddYears(1));

        var night = Job().Run(CancellationToken.None);

        Assert.Single(night.Archived);
        Assert.Empty(night.Waiting);
    }

    /// <summary>A clock that runs an action at each read (its count given), at a fixed time.</summary>
    private sealed class ActingClock(DateTimeOffset now, Action<int> onRead) : TimeProvider
    {
        private int _reads;

        public override DateTimeOffset GetUtcNow()
        {
            onRead(Interlocked.Increment(ref _reads));
            return now;
        }
    }
}
