
namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa report` end to end: the demo warehouse, the PDF on disk, its text read back with poppler's pdftotext (this
/// project does not reference PdfPig; the Reports tests read the same document with it, page by page).</summary>
public sealed class ReportCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    private static string Text(string path) => PdfText.Compact(path);

    private void Demo()
    {
        var (exit, output, error) = _qa.Run("demo");
        Assert.True(exit == 0, output + error);
    }

    [Fact]
    public void The_demo_writes_the_latest_quarters_report_and_says_where()
    {
        var (exit, output, error) = _qa.Run("demo");

        Assert.True(exit == 0, output + error);
        Assert.Contains("data/reports/2026Q3-zh-CN.pdf", output, StringComparison.Ordinal);
        var text = Text(Path.Combine(_qa.Folder, "data", "reports", "2026Q3-zh-CN.pdf"));
        Assert.Contains("2026年第三季度服务质量分析报告", text, StringComparison.Ordinal);
        // The quarantined rows' columns named as each file heads them, the other name beside, as the data desk does:
        // complaints_2026Q3.csv says received_at, the working group's workbook 扣分.
        Assert.Contains("received_at（受理时间）", text, StringComparison.Ordinal);
        Assert.Contains("扣分（deduction）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_out_a_report_goes_beside_the_warehouse_it_was_made_from_where_the_dashboard_lists_it()
    {
        // A warehouse elsewhere than data/ (a SQLite file in either pass): the demo's report and qa report's land in its
        // reports folder, which the dashboard's Reports page of `qa serve --db elsewhere/warehouse.db` lists.
        var (exit, output, error) = _qa.Run("demo", "--db", "elsewhere/warehouse.db");
        Assert.True(exit == 0, output + error);
        Assert.True(File.Exists(Path.Combine(_qa.Folder, "elsewhere", "reports", "2026Q3-zh-CN.pdf")), output);

        (exit, output, error) = _qa.Run("report", "--quarter", "2026Q2", "--db", "elsewhere/warehouse.db");

        Assert.True(exit == 0, output + error);
        Assert.Contains("elsewhere/reports/2026Q2-zh-CN.pdf", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_qa.Folder, "data", "reports")));
    }

    [Fact]
    public void Report_of_2026Q2_carries_the_worked_examples()
    {
        Demo();

        var (exit, output, error) = _qa.Run("report", "--quarter", "2026Q2", "--out", "r.pdf");

        Assert.True(exit == 0, output + error);
        Assert.Contains("r.pdf", output, StringComparison.Ordinal);
        var text = Text(Path.Combine(_qa.Folder, "r.pdf"));
        Assert.Contains("2026年第二季度服务质量分析报告", text, StringComparison.Ordinal);
        Assert.Contains("物流业务部94.0093.3377.000.5088.20不合格", text, StringComparison.Ordinal);
        Assert.Contains("储运中心99.00100.00100.000.0099.60优秀", text, StringComparison.Ordinal);
        Assert.Contains("第1页/共", text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_report_is_the_same_document_in_english()
    {
        Demo();

        var (exit, output, error) = _qa.Run("report", "--quarter", "2026Q2", "--lang", "en", "--out", "en.pdf");

        Assert.True(exit == 0, output + error);
        var text = Text(Path.Combine(_qa.Folder, "en.pdf"));
        Assert.Contains("ServiceQualityAnalysisReport,2026Q2", text, StringComparison.Ordinal);
        Assert.Contains("Page1of", text, StringComparison.Ordinal);
        // Departments by name and code, as the English report names them (reports/Analysis/DepartmentLabel.cs).
        Assert.Contains("物流业务部(LOG)94.0093.3377.000.5088.20Fail", text, StringComparison.Ordinal);
        Assert.Contains("储运中心(STO)99.00100.00100.000.0099.60Excellent", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notes_file_appears_in_the_report()
    {
        Demo();
        _qa.Write("notes.csv", "department,causes,solutions\nLOG,\"高峰期人手不足,答复超时\",增设值班岗并每周复盘\n储运中心,无,保持\n");

        var (exit, output, error) = _qa.Run("report", "--quarter", "2026Q2", "--notes", "notes.csv", "--out", "n.pdf");

        Assert.True(exit == 0, output + error);
        var text = Text(Path.Combine(_qa.Folder, "n.pdf"));
        Assert.Contains("高峰期人手不足,答复超时", text, StringComparison.Ordinal);
        Assert.Contains("增设值班岗并每周复盘", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_data_and_clock_give_identical_bytes()
    {
        Demo();

        _qa.Run("report", "--quarter", "2026Q2", "--out", "a.pdf");
        var (exit, _, _) = _qa.Run("report", "--quarter", "2026Q2", "--out", "b.pdf");

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_qa.Folder, "a.pdf")), File.ReadAllBytes(Path.Combine(_qa.Folder, "b.pdf")));
    }

    [Theory]
    [InlineData("--quarter", "2026Q5")]
    [InlineData("--quarter", "2026Q2", "--lang", "fr")]
    [InlineData("--quarter", "2026Q2", "--notes", "missing.csv")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (exit, _, error) = _qa.Run(["report", .. args]);

        Assert.Equal(2, exit);
        Assert.StartsWith("qa:", error, StringComparison.Ordinal);
    }
}
