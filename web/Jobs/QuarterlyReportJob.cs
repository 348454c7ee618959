using Hangfire;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Web.Reports;

namespace QualityAnalytics.Web.Jobs;

/// <summary>Before the quality meeting on the 10th of a quarter's first month (第十五条), the report of the previous quarter,
/// in Chinese and in English, stored in the archive the dashboard lists. Which quarter comes from the injected clock's
/// Shanghai date, so a run on 8 July reports on Q2. Safe to run twice: the same data gives the same file.</summary>
public sealed class QuarterlyReportJob(WarehouseDb warehouse, ReportArchive archive, PolicySet policies, TimeProvider clock)
{
    public const string Id = "quarterly-report";
    public static readonly string[] Languages = ["zh-CN", "en"];

    [DisableConcurrentExecution(timeoutInSeconds: 1800)]
    [AutomaticRetry(Attempts = 3)]
    public IReadOnlyList<string> Run()
    {
        var quarter = Quarter.Of(BusinessTime.Today(clock)).Previous();
        return Generate(quarter);
    }

    public IReadOnlyList<string> Generate(Quarter quarter)
    {
        using var db = warehouse.CreateContext();
        return Languages.Select(language =>
            archive.Write(quarter, language, QuarterlyReport.Generate(db, quarter, new ReportOptions { Language = language }, policies, clock))).ToList();
    }
}
