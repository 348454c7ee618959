using System.CommandLine;
using System.Globalization;
using QualityAnalytics.Reports.Pdf.Fonts;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Reports;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa report --quarter 2026Q2 [--lang zh-CN|en] [--out FILE.pdf] [--db FILE] [--notes FILE] [--company NAME]
/// [--font FILE] [--policy FILE]`: the quarterly analysis PDF for the quality meeting (第十五条), by default
/// data/reports/2026Q2-zh-CN.pdf under the working folder.</summary>
internal static class ReportCommand
{
    public const string DefaultFolder = "data/reports";

    /// <summary>Where a report goes unless --out says: the warehouse's data folder's reports/ (data/reports beside the
    /// default warehouse), where the dashboard's Reports page and the scheduled job keep them, whichever --db is used.</summary>
    public static string DefaultTarget(WarehouseDb warehouse, Quarter quarter, ReportOptions options) =>
        Path.Combine(new ReportArchive(warehouse.DataFolder).Folder, QuarterlyReport.FileName(quarter, options));

    public static Command Create(CliEnvironment env)
    {
        var quarter = ScoreCommand.QuarterOption();
        var db = CommonOptions.Db();
        var lang = new Option<string>("--lang") { Description = "The report's language: zh-CN (default) or en.", DefaultValueFactory = _ => "zh-CN" };
        lang.AcceptOnlyFromAmong("zh-CN", "en");
        var output = new Option<string>("--out") { Description = $"Where to write the PDF (default {DefaultFolder}/QUARTER-LANG.pdf, the reports folder beside the warehouse)." };
        var notes = new Option<string>("--notes") { Description = "The working group's causes and solutions: CSV or JSON with department, causes, solutions." };
        var company = new Option<string>("--company") { Description = "The company named on the cover and in the policy's title (default XX公司, in English XX Company)." };
        var font = new Option<string>("--font") { Description = "A TrueType CJK font (.ttf/.ttc) to embed; default: the usual system places." };
        var policy = CommonOptions.Policy();
        var command = new Command("report", "Write the quarterly service-quality analysis report (PDF) for the quality meeting.")
            { quarter, db, lang, output, notes, company, font, policy };
        command.SetAction(parse =>
        {
            var q = ScoreCommand.ParseQuarter(parse.GetValue(quarter));
            var notesPath = parse.GetValue(notes) is { } n ? env.Resolve(n) : null;
            if (notesPath is not null && !File.Exists(notesPath)) throw new UsageException($"--notes: no such file: {parse.GetValue(notes)}");
            var options = new ReportOptions
            {
                Language = parse.GetValue(lang)!,
                Company = parse.GetValue(company),
                FontPath = parse.GetValue(font) is { } f ? env.Resolve(f) : null,
                NotesFile = notesPath,
            };
            // A broken policy file stops the report: its problems are told in the report's language, for whoever runs it.
            var policies = Policies.Active(env, parse.GetValue(db), parse.GetValue(policy), CultureInfo.GetCultureInfo(options.Language));
            var warehouse = env.OpenWarehouse(parse.GetValue(db));
            using var ctx = warehouse.CreateContext();
            var target = parse.GetValue(output) is { } chosen ? env.Resolve(chosen) : DefaultTarget(warehouse, q, options);
            var bytes = Write(ctx, q, options, policies, env, target);
            env.Out.WriteLine($"report: {q} ({ReportOptions.NormalizeLanguage(options.Language)}) written to {Shown(env, target)} ({bytes.Length / 1024} KB)");
            return QaCommandLine.Ok;
        });
        return command;
    }

    /// <summary>Generates and writes the report; a missing CJK font becomes an ordinary error with the install hint.</summary>
    internal static byte[] Write(Warehouse.Schema.WarehouseDbContext db, Quarter quarter, ReportOptions options, Warehouse.Scoring.PolicySet policies,
        CliEnvironment env, string target)
    {
        byte[] bytes;
        try
        {
            bytes = QuarterlyReport.Generate(db, quarter, options, policies, env.Clock);
        }
        catch (CjkFontNotFoundException ex)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return bytes;
    }

    internal static string Shown(CliEnvironment env, string path)
    {
        var relative = Path.GetRelativePath(env.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
