using System.Globalization;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Reports.Resources;

namespace QualityAnalytics.Reports.Tests.Report;

public sealed class NotesFileAndTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qa-notes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    [Fact]
    public void Csv_with_chinese_headers_quotes_and_line_breaks()
    {
        var rows = NotesFile.Read(Write("n.csv", "部门,原因分析,整改措施,季度\r\nLOG,\"人手不足,\"\"高峰\"\"期\r\n超时\",增派人员,2026Q2\r\n,,,\r\n"));

        var row = Assert.Single(rows);
        Assert.Equal("LOG", row.Department);
        Assert.Equal("人手不足,\"高峰\"期\n超时", row.Causes);
        Assert.Equal("增派人员", row.Solutions);
        Assert.Equal("2026Q2", row.Quarter);
    }

    [Fact]
    public void Json_array_of_objects()
    {
        var rows = NotesFile.Read(Write("n.json", """[{"Department": "储运中心", "causes": "无"}]"""));

        var row = Assert.Single(rows);
        Assert.Equal("储运中心", row.Department);
        Assert.Equal("无", row.Causes);
        Assert.Null(row.Solutions);
    }

    [Theory]
    [InlineData("bad.csv", "name,text\nLOG,x\n")]
    [InlineData("bad.json", "[{\"causes\": \"x\"}]")]
    [InlineData("broken.json", "[{")]
    public void Unreadable_notes_say_why(string name, string text)
    {
        var ex = Assert.Throws<FormatException>(() => NotesFile.Read(Write(name, text)));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_languages_have_every_text()
    {
        var zh = ReportText.Keys(CultureInfo.InvariantCulture).Order(StringComparer.Ordinal).ToList();
        var en = ReportText.Keys(CultureInfo.GetCultureInfo("en")).Order(StringComparer.Ordinal).ToList();

        Assert.True(zh.Count > 100, $"{zh.Count} keys");
        Assert.Equal(zh, en);
        Assert.Equal("2026 年第二季度服务质量分析报告", new ReportText(CultureInfo.GetCultureInfo("zh-CN")).Format("Title", 2026, "二"));
        Assert.Equal("Service Quality Analysis Report, 2026 Q2", new ReportText(CultureInfo.GetCultureInfo("en")).Format("Title", 2026, "2"));
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData(null, "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    public void Language_names(string? given, string expected) => Assert.Equal(expected, ReportOptions.NormalizeLanguage(given));
}
