using System.Text;
using Hangfire;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Quality;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Etl.Jobs;

/// <summary>What one run of the nightly load did.</summary>
/// <param name="FailingDataTests">The warehouse's data tests that fail at error level after the load (`qa verify`).</param>
/// <param name="Waiting">Files left in the inbox because they were still being written: written to within
/// <see cref="InboxFiles.SettleTime"/>, or changed while they were loaded. The next run takes them.</param>
/// <param name="ApprovedQuartersChanged">Quarters the committee had approved that the batch wrote
/// (<see cref="ApprovedQuartersChanged"/>): null in a result stored before they were named.</param>
public sealed record NightlyLoadResult(long? BatchId, IReadOnlyList<LoadSummary> Files, IReadOnlyList<string> Archived, IReadOnlyList<string> Rejected,
    IReadOnlyList<string> Rescored, IReadOnlyList<FailingDataTest> FailingDataTests, IReadOnlyList<string> Waiting,
    IReadOnlyList<string>? ApprovedQuartersChanged = null);

/// <summary>A data test that failed: its name, how many rows break it, the first few of them.</summary>
public sealed record FailingDataTest(string Name, long Failures, IReadOnlyList<string> Examples);

/// <summary>The nightly load: every file in the inbox, as one batch, then each file moved to archive/&lt;batch&gt;/ or,
/// when refused whole, to rejected/&lt;batch&gt;/ with its error report beside it; then the marts are rebuilt, changed quarters
/// rescored and the warehouse's data tests run. A file still being written is left for the next run (<see cref="InboxFiles"/>). Safe to run twice and to retry: a file is moved only after its batch
/// committed, and loading a file again changes nothing, so a retried or interrupted run never doubles a row.</summary>
/// <param name="loading">The loader's options as configured (its limits); who loads is always this job.</param>
public sealed class NightlyLoadJob(WarehouseDb warehouse, JobFolders folders, PolicySet policies, TimeProvider clock, LoaderOptions? loading = null)
{
    public const string Id = "nightly-load";

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 3)]
    public NightlyLoadResult Run(CancellationToken cancel)
    {
        // A file where the inbox should be is a misconfiguration to report, not an empty inbox to skip quietly.
        if (File.Exists(folders.Inbox)) throw new InboxNotAFolderException(folders.Inbox);
        using var exclusive = LoadLock.Acquire(warehouse, TimeSpan.FromHours(1), cancel);
        var (files, waiting) = InboxFiles.List(folders.Inbox, clock.GetUtcNow());
        if (files.Count == 0)
        {
            // Nothing new; but a run that died after its commit may have left its marts unbuilt: catch up.
            var caughtUp = AfterLoad.CatchUp(warehouse, policies, clock);
            return new NightlyLoadResult(null, [], [], [], caughtUp?.Rescored.Select(q => q.ToString()).ToList() ?? [], [], waiting);
        }

        var result = new FileLoader(warehouse, clock, (loading ?? new LoaderOptions()) with { LoadedBy = Id }).Load(files.Select(f => f.Path));
        var listed = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var stillWriting = new List<string>(waiting);
        var batch = result.BatchId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Marts before moving the files: a run killed in between finds the files again, and their reload (unchanged)
        // runs this step again; moved files with unbuilt marts would be caught up only by the next run.
        var after = AfterLoad.Run(warehouse, result.BatchId, policies, clock);
        var archived = new List<string>();
        var rejected = new List<string>();
        foreach (var group in result.Files.GroupBy(f => f.File))
        {
            // Written to while it was loaded: what was loaded may be a part of it (a copier that paused longer than the
            // settle time). Left in the inbox, it is loaded again, whole, by the next run; moved, the copier would go on
            // writing into the archived (or rejected) file and the rest of its rows would never be loaded.
            if (!listed[group.Key].IsUnchanged())
            {
                stillWriting.Add(group.Key);
                continue;
            }
            // A workbook is rejected as a file only when nothing in it could be read; otherwise it is archived. Both
            // under the batch, keeping the file's folder in the inbox: departments all name their file complaints.csv,
            // and a later night's file (or another folder's) must not replace one the working group has not yet seen.
            if (group.All(f => f.Rejected))
            {
                // The report first: a run that dies between the two leaves the file in the inbox, and its retry writes
                // the report again; the other way round, a rejected file could be left without its reason.
                var target = Target(group.Key, Path.Combine(folders.Rejected, batch));
                File.WriteAllText(target + ".error.txt",
                    string.Join(Environment.NewLine, group.Select(f => f.Reason)) + Environment.NewLine, new UTF8Encoding(true));
                rejected.Add(Move(group.Key, Path.Combine(folders.Rejected, batch)));
            }
            else archived.Add(Move(group.Key, Path.Combine(folders.Archive, batch)));
        }
        return new NightlyLoadResult(result.BatchId, result.Files, archived, rejected, after.Rescored.Select(q => q.ToString()).ToList(), FailingDataTests(),
            stillWriting, ApprovedChanged(result.BatchId));
    }

    /// <summary>The quarters the committee had approved that the night's batch wrote: told in the working group's mail.</summary>
    private List<string> ApprovedChanged(long batchId)
    {
        using var db = warehouse.CreateContext();
        return [.. ApprovedQuartersChanged.By(db, batchId).Select(q => q.ToString())];
    }

    /// <summary>The data tests over the whole warehouse once the night's rows and marts are in, as dbt tests after a
    /// build: what a load cannot see from its own rows (a mart of another quarter out of step with its facts, a
    /// reference broken by hand) is reported with the load rather than found in the committee's numbers.</summary>
    private List<FailingDataTest> FailingDataTests()
    {
        using var connection = warehouse.OpenReadConnection();
        return [.. DataTestRunner.Run(connection).Where(r => r.FailedAsError).Select(r => new FailingDataTest(r.Test.Name, r.Failures, r.Examples))];
    }

    /// <summary>Where a file of the inbox goes in <paramref name="folder"/>: the same path below it, its folder created.</summary>
    private string Target(string file, string folder)
    {
        var target = Path.Combine(folder, Path.GetRelativePath(folders.Inbox, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return target;
    }

    private string Move(string file, string folder)
    {
        var target = Target(file, folder);
        File.Move(file, target, overwrite: true);
        return target;
    }
}
