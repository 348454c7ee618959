using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa batches`: the load history, newest first, with counts.</summary>
internal static class BatchesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var last = new Option<int>("--last") { Description = "How many batches to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("batches", "List load batches with their counts.") { db, last };
        command.SetAction(parse =>
        {
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            var batches = ctx.LoadBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(parse.GetValue(last)).ToList();
            foreach (var b in batches)
            {
                var at = BusinessTime.ToMinute(b.StartedAt);
                env.Out.WriteLine($"batch {b.Id}  {at}  {b.Status,-9} by {b.LoadedBy}: {b.Files} file(s), read {b.Read}, new {b.Loaded}, " +
                                  $"updated {b.Updated}, unchanged {b.Unchanged}, quarantined {b.Quarantined}, rejected {b.Rejected}" +
                                  (b.FinishedAt is { } end ? string.Create(CultureInfo.InvariantCulture, $"; took {(end - b.StartedAt).TotalSeconds:0.0} s") : ""));
            }
            if (batches.Count == 0) env.Out.WriteLine("No load batches yet.");
            return QaCommandLine.Ok;
        });
        return command;
    }
}
