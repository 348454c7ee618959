using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>The nightly load on the pass's provider: a SQLite file, or a fresh PostgreSQL database (its inbox, archive
/// and rejected folders in the test's data folder either way).</summary>
public sealed class NightlyLoadJobTests : NightlyLoadFixture
{
    /// <summary>A file dropped an hour before the clock's now: settled, so the next run takes it.</summary>
    private string Drop(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text), Clock.GetUtcNow().AddHours(-1));

    [Fact]
    public void A_file_dropped_into_the_inbox_is_loaded_and_archived_under_its_batch()
    {
        Drop("departments.csv", JobTestData.Departments);
        Drop("complaints.csv", JobTestData.Complaints(20));

        var result = Job().Run(CancellationToken.None);

        Assert.Equal(20, result.Files.Single(f => f.Kind == "complaints").Loaded);
        Assert.DoesNotContain(Directory.GetFiles(Folders.Inbox), f => !Path.GetFileName(f).StartsWith('.'));
        Assert.True(File.Exists(Path.Combine(Folders.Archive, result.BatchId!.Value.ToString(), "complaints.csv")));
        Assert.Contains("2026Q2", result.Rescored);
        Assert.Null(Job().Run(CancellationToken.None).BatchId); // nothing left: the second run does nothing
    }

    [Fact]
    public void The_data_tests_run_after_the_load_and_report_damage_the_load_did_not_touch()
    {
        Drop("departments.csv", JobTestData.Departments);
        Drop("complaints.csv", JobTestData.Complaints(20));
        Assert.Empty(Job().Run(CancellationToken.None).FailingDataTests);
        using (var connection = Warehouse.OpenConnection())
        using (var damage = connection.CreateCommand())
        {
            // A hand edit the loader never sees again (tonight's file is of another quarter): a complaint pointing at a
            // channel that does not exist.
            damage.CommandText = "UPDATE fact_complaint SET channel_key = 99 WHERE complaint_id = 'J-000001'";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        Drop("more.csv", "complaint_id,department,received_at,channel,valid\nJ-900001,LOG,2026-07-06 10:00,邮件,是\n");
        var result = Job().Run(CancellationToken.None);

        var failing = Assert.Single(result.FailingDataTests);
        Assert.Equal(("relationship:fact_complaint.channel_key", 1L, "J-000001"), (failing.Name, failing.Failures, Assert.Single(failing.Examples)));
    }

    [Fact]
    public void A_file_rejected_whole_goes_to_rejected_with_its_error_report()
    {
        Drop("broken.csv", "complaint_id,department\nX,LOG\n");
        var result = Job().Run(CancellationToken.None);
        var moved = Assert.Single(result.Rejected);
        Assert.Equal(Path.Combine(Folders.Rejected, result.BatchId!.Value.ToString(), "broken.csv"), moved);
        var report = File.ReadAllText(moved + ".error.txt");
        Assert.Contains("lacks required column(s) received_at (受理时间), channel (投诉渠道), valid (是否有效)", report);
    }

    [Fact]
    public void Files_of_one_name_in_two_subfolders_each_keep_their_archived_copy_and_their_own_error_report()
    {
        Drop("departments.csv", JobTestData.Departments);
        Drop("LOG/complaints.csv", JobTestData.Complaints(10));
        Drop("STO/complaints.csv", JobTestData.Complaints(20).Replace("J-", "S-"));
        Drop("LOG/broken.csv", "complaint_id,department\nX,LOG\n");
        Drop("STO/broken.csv", "callback_id,department\nB-1,STO\n");

        var result = Job().Run(CancellationToken.None);

        var batch = Path.Combine(Folders.Archive, result.BatchId!.Value.ToString());
        Assert.Contains("J-000010", File.ReadAllText(Path.Combine(batch, "LOG", "complaints.csv")));
        Assert.Contains("S-000020", File.ReadAllText(Path.Combine(batch, "STO", "complaints.csv")));
        Assert.Equal(2, result.Rejected.Count);
        foreach (var (moved, column) in result.Rejected.Order(StringComparer.Ordinal).Zip(["received_at", "called_on"]))
        {
            Assert.True(File.Exists(moved), moved);
            Assert.Contains(column, File.ReadAllText(moved + ".error.txt")); // beside its own file, about its own file
        }
    }

    [Fact]
    public void A_file_rejected_under_a_name_already_rejected_on_an_earlier_night_does_not_replace_it()
    {
        // Two departments each drop a complaints.csv the contract refuses, on two nights; the working group has not yet
        // dealt with the first.
        Drop("complaints.csv", "complaint_id,department\nX,LOG\n");
        var first = Assert.Single(Job().Run(CancellationToken.None).Rejected);
        Drop("complaints.csv", "complaint_id,received_at\nY,2026-05-01\n");
        var second = Assert.Single(Job().Run(CancellationToken.None).Rejected);

        Assert.NotEqual(first, second);
        Assert.Equal("complaint_id,department\nX,LOG\n", File.ReadAllText(first));
        Assert.Equal("complaint_id,received_at\nY,2026-05-01\n", File.ReadAllText(second));
        Assert.Contains("lacks required column(s) received_at", File.ReadAllText(first + ".error.txt"));
        Assert.Contains("lacks required column(s) department", File.ReadAllText(second + ".error.txt"));
    }

    [Fact]
    public void A_load_that_died_after_its_commit_but_before_the_marts_gets_its_marts_from_the_next_run()
    {
        Drop("departments.csv", JobTestData.Departments);
        Drop("complaints.csv", JobTestData.Complaints(30));
        // The first process committed the files, then died: no mart rebuild, no move.
        new QualityAnalytics.Etl.Loading.FileLoader(Warehouse, Clock).Load([Folders.Inbox]);

        var rerun = Job().Run(CancellationToken.None);

        Assert.Equal(30, rerun.Files.Single(f => f.Kind == "complaints").Unchanged);
        using var db = Warehouse.CreateContext();
        Assert.Equal(30, db.ComplaintSummaries.Sum(m => m.Complaints));
        Assert.All(db.LoadBatches.ToList(), b => Assert.True(b.MartsRefreshed));
    }

    [Fact]
    public void A_run_that_died_after_moving_its_files_but_before_the_marts_is_caught_up_by_the_next_run()
    {
        Drop("departments.csv", JobTestData.Departments);
        Drop("complaints.csv", JobTestData.Complaints(25));
        new QualityAnalytics.Etl.Loading.FileLoader(Warehouse, Clock).Load([Folders.Inbox]);
        foreach (var file in Directory.GetFiles(Folders.Inbox, "*.csv")) File.Delete(file); // moved away, then the process died

        var next = Job().Run(CancellationToken.None);

        Assert.Null(next.BatchId);
        Assert.Contains("2026Q2", next.Rescored);
        using var db = Warehouse.CreateContext();
        Assert.Equal(25, db.ComplaintSummaries.Sum(m => m.Complaints));
    }

    [Fact]
    public void Two_triggers_at_once_load_the_file_once()
    {
        Drop("departments.csv", JobTestData.Departments);
        Drop("complaints.csv", JobTestData.Complaints(3000));
        var a = Job();
        var b = Job();
        var results = new NightlyLoadResult[2];
        Parallel.Invoke(() => results[0] = a.Run(CancellationToken.None), () => results[1] = b.Run(CancellationToken.None));

        Assert.Single(results, r => r.BatchId is not null);
        Assert.Single(results, r => r.BatchId is null);
        using var db = Warehouse.CreateContext();
        Assert.Equal(3000, db.Complaints.Count());
        Assert.Equal(1, db.LoadBatches.Count());
    }

    [Fact]
    public void A_retried_run_after_the_files_were_loaded_but_not_yet_moved_doubles_nothing()
    {
        Drop("departments.csv", JobTestData.Departments);
        Drop("complaints.csv", JobTestData.Complaints(50));
        // The first attempt loads, then "dies" before moving the files: put them back into the inbox.
        var first = Job().Run(CancellationToken.None);
        foreach (var archived in first.Archived) File.Copy(archived, Path.Combine(Folders.Inbox, Path.GetFileName(archived)));
        var before = JobTestData.Dump(Warehouse);

        var retry = Job().Run(CancellationToken.None);

        Assert.Equal(0, retry.Files.Sum(f => f.Loaded));
        Assert.Equal(50, retry.Files.Single(f => f.Kind == "complaints").Unchanged);
        Assert.Equal(before, JobTestData.Dump(Warehouse));
    }
}
