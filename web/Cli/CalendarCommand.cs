using System.CommandLine;
using QualityAnalytics.Warehouse.Calendar;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa calendar import FILE`: extend the working-day calendar for a new year (date,working_day,name CSV,
/// one row per holiday and per make-up working day), as the State Council publishes it each autumn.</summary>
internal static class CalendarCommand
{
    public static Command Create(CliEnvironment env)
    {
        var db = CommonOptions.Db();
        var file = new Argument<string>("FILE") { Description = "CSV with columns date,working_day,name." };
        var import = new Command("import", "Import holidays and make-up working days into the warehouse calendar.") { file, db };
        import.SetAction(parse =>
        {
            var path = env.Resolve(parse.GetValue(file)!);
            if (!File.Exists(path)) throw new UsageException($"no such file: {parse.GetValue(file)}");
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var days = WorkdayCalendar.ParseCsv(reader, Path.GetFileName(path));
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            var changed = DateDimension.Import(ctx, days);
            env.Out.WriteLine($"{days.Count} listed day(s) read, {changed} day(s) of the calendar changed.");
            return QaCommandLine.Ok;
        });
        return new Command("calendar", "The official working-day calendar (holidays and 调休 make-up days).") { import };
    }
}
