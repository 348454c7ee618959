using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Web.Cli;
using QualityAnalytics.Web.Jobs;
using QualityAnalytics.Web.Reports;
using QualityAnalytics.Web.Tests.Cli;

namespace QualityAnalytics.Web.Tests.Jobs;

public sealed class QuarterlyReportJobTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void On_the_8th_of_July_the_job_reports_on_the_second_quarter_in_both_languages()
    {
        Assert.Equal(0, _qa.Run("demo").Exit);
        // 06:00 on 8 July in Shanghai is 22:00 UTC on 7 July: the business date decides.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 7, 22, 0, 0, TimeSpan.Zero));
        var archive = new ReportArchive(_qa.Warehouse.DataFolder);
        var job = new QuarterlyReportJob(_qa.Warehouse, archive, PolicyFile.Default, clock);

        var written = job.Run();

        Assert.Equal(["2026Q2-zh-CN.pdf", "2026Q2-en.pdf"], written.Select(Path.GetFileName));
        Assert.Equal(["en", "zh-CN"], archive.List().Where(e => e.Quarter == "2026Q2").Select(e => e.Language)); // beside the demo's own 2026Q3 report
        var text = PdfText(written[0]);
        Assert.Contains("2026 年第二季度服务质量分析报告", text); // a space between Han and digits, as every Chinese sentence
        Assert.Contains("88.20", text);
        Assert.Contains("Service Quality Analysis Report", PdfText(written[1]));
    }

    private static string PdfText(string pdf)
    {
        using var p = Process.Start(new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}

public sealed class ReportsApiTests(Api.DashboardFactory app) : IClassFixture<Api.DashboardFactory>
{
    [Fact]
    public async Task The_working_group_generates_a_report_that_readers_list_and_download_but_managers_cannot()
    {
        var wg = await app.SignedIn("wg");
        Assert.Equal(HttpStatusCode.BadRequest, (await wg.PostAsync("/api/reports/2026Q2", null)).StatusCode); // no antiforgery token
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));
        var made = await wg.PostAsync("/api/reports/2026Q2", null);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);

        var viewer = await app.SignedIn("viewer");
        var list = JsonDocument.Parse(await viewer.GetStringAsync("/api/reports")).RootElement;
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("file").GetString() == "2026Q2-zh-CN.pdf");
        var pdf = await viewer.GetAsync("/api/reports/2026Q2-zh-CN.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/reports/..%2Fwarehouse.db")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/reports/2026Q2", null)).StatusCode);

        var manager = await app.SignedIn("log-manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/reports/2026Q2-zh-CN.pdf")).StatusCode);
    }
}
