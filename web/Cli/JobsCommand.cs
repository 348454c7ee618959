using System.CommandLine;
using QualityAnalytics.Etl.Jobs;
using QualityAnalytics.Web.Jobs;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa jobs run ID` runs a job now, in this process, exactly as the scheduler would (same lock, same code);
/// `qa jobs list` shows the ids and the configured schedules.</summary>
internal static class JobsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var id = new Argument<string>("ID") { Description = $"One of {string.Join(", ", RecurringJobs.Ids)}." };
        id.AcceptOnlyFromAmong(RecurringJobs.Ids);
        var inbox = new Option<string>("--inbox") { Description = "The folder the nightly load reads (default: inbox in the warehouse's data folder, Warehouse:DataFolder on PostgreSQL)." };
        var run = new Command("run", "Run a job now.") { id, db, inbox };
        run.SetAction((parse, cancel) =>
        {
            var warehouse = env.OpenWarehouse(parse.GetValue(db));
            var policies = Policies.Active(env, parse.GetValue(db), null);
            switch (parse.GetValue(id))
            {
                case NightlyLoadJob.Id:
                    var folders = JobFolders.In(warehouse.DataFolder);
                    if (parse.GetValue(inbox) is { } custom) folders = folders with { Inbox = env.Resolve(custom) };
                    var result = new NightlyLoadJob(warehouse, folders, policies, env.Clock, LoaderSettings.From(env.Configuration)).Run(cancel);
                    env.Out.WriteLine(result.BatchId is null
                        ? result.Waiting.Count == 0 ? $"nightly-load: the inbox {folders.Inbox} is empty" : "nightly-load: nothing to load yet"
                        : $"nightly-load: batch {result.BatchId}, {result.Files.Sum(f => f.Loaded)} new, {result.Files.Sum(f => f.Updated)} updated, " +
                          $"{result.Files.Sum(f => f.Quarantined)} quarantined; archived {result.Archived.Count}, rejected {result.Rejected.Count}" +
                          (result.Rescored.Count > 0 ? $"; rescored {string.Join(", ", result.Rescored)}" : ""));
                    // Said, not skipped quietly: someone who has just copied a file and runs the job at once must learn
                    // why it was not loaded.
                    foreach (var file in result.Waiting)
                        env.Out.WriteLine($"nightly-load: {Path.GetRelativePath(folders.Inbox, file)} is still being written " +
                                          $"(changed within the last {InboxFiles.SettleTime.TotalMinutes:0} minute); left in the inbox for the next run");
                    return Task.FromResult(result.Rejected.Count > 0 ? QaCommandLine.Failed : QaCommandLine.Ok);
                case QuarterlyReportJob.Id:
                    var written = new QuarterlyReportJob(warehouse, new Reports.ReportArchive(warehouse.DataFolder), policies, env.Clock).Run();
                    env.Out.WriteLine($"quarterly-report: {string.Join(", ", written.Select(w => Path.GetRelativePath(env.WorkingDirectory, w)))}");
                    return Task.FromResult(QaCommandLine.Ok);
                default:
                    var rescored = new RescoreJob(warehouse, policies, env.Clock).Run();
                    env.Out.WriteLine($"rescore: {(rescored.Count == 0 ? "nothing changed" : "rescored " + string.Join(", ", rescored))}");
                    return Task.FromResult(QaCommandLine.Ok);
            }
        });
        var list = new Command("list", "List the jobs and their schedules (Asia/Shanghai) as configured (Jobs:NightlyLoad, Jobs:Rescore, Jobs:QuarterlyReport).");
        list.SetAction(_ =>
        {
            // The configured schedules, as `qa serve` registers them: an operator checks a changed schedule here.
            var s = JobSchedule.From(env.Configuration);
            var rescore = s.Rescore == JobSchedule.Never ? "(by hand)" : s.Rescore;
            env.Out.WriteLine($"{NightlyLoadJob.Id,-16} {s.NightlyLoad,-20} load every file in the inbox (inbox/ beside the warehouse), archive or reject it, rebuild marts, rescore");
            env.Out.WriteLine($"{RescoreJob.Id,-16} {rescore,-20} rebuild every mart and rescore every quarter whose data or policy changed");
            env.Out.WriteLine($"{QuarterlyReportJob.Id,-16} {s.QuarterlyReport,-20} the previous quarter's report (zh-CN and en), stored in reports/ beside the warehouse");
            return QaCommandLine.Ok;
        });
        return new Command("jobs", "The scheduled jobs.") { run, list };
    }
}
