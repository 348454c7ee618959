using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using QualityAnalytics.Reports.Pdf;
using UglyToad.PdfPig;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class FontEmbeddingTests
{
    private const int OneMegabyte = 1024 * 1024;

    /// <summary>Twenty-odd pages of Chinese: paragraphs, a table, a chart, and 1,500 distinct rarer ideographs.</summary>
    private static readonly Lazy<byte[]> TwentyPages = new(() =>
    {
        var blocks = new List<Block> { new HeadingBlock(PdfTestKit.ReportTitle, 0), new ChartBlock(PdfTestKit.QuarterChart("季度服务质量趋势"), 240) };
        var ideographs = new StringBuilder();
        for (var cp = 0x4E00; cp < 0x4E00 + 1500; cp++)
        {
            ideographs.Append((char)cp);
        }
        blocks.Add(new ParagraphBlock(ideographs.ToString()));
        for (var i = 1; blocks.Count < 200; i++)
        {
            blocks.Add(new HeadingBlock($"第{i}节 服务质量", 2));
            blocks.Add(new ParagraphBlock(PdfTestKit.ChineseParagraph(i) + PdfTestKit.ChineseParagraph(i + 1000)));
        }
        return PdfTestKit.Generate(blocks);
    });

    [Fact]
    public void The_test_document_is_at_least_twenty_pages()
    {
        using var document = PdfDocument.Open(TwentyPages.Value);

        Assert.True(document.NumberOfPages >= 20, $"only {document.NumberOfPages} pages");
    }

    [Fact]
    public void Twenty_pages_of_chinese_with_a_chart_stay_well_under_one_megabyte()
    {
        Assert.True(TwentyPages.Value.Length < OneMegabyte, $"{TwentyPages.Value.Length} bytes");
    }

    [Fact]
    public void Text_and_chart_share_one_embedded_font_program_which_is_a_subset()
    {
        var pdf = TwentyPages.Value;

        Assert.Equal(1, PdfTestKit.Count(pdf, "/FontFile2"));
        var programLength = int.Parse(Regex.Match(Encoding.Latin1.GetString(pdf), @"/Length1 (\d+)").Groups[1].Value);
        var wholeFont = new FileInfo("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").Length;
        Assert.True(programLength < wholeFont / 5, $"font program {programLength} bytes, whole font {wholeFont}");

        using var document = PdfDocument.Open(pdf);
        var fontNames = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        var name = Assert.Single(fontNames);
        Assert.Matches("^[A-Z]{6}\\+", name);
    }

    [Fact]
    public void Chinese_extracts_as_the_characters_drawn()
    {
        var text = string.Concat(PdfTestKit.PageTexts(TwentyPages.Value));

        Assert.Contains("服务质量分析报告", text, StringComparison.Ordinal);
        Assert.Contains("用心服务", text, StringComparison.Ordinal);
        Assert.DoesNotContain("⼼", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_input_gives_identical_bytes()
    {
        var first = PdfTestKit.Generate(PdfTestKit.SampleReport());
        var second = PdfTestKit.Generate(PdfTestKit.SampleReport());

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_caller_supplies_the_dates_and_the_document_information()
    {
        using var document = PdfDocument.Open(PdfTestKit.Generate([new ParagraphBlock("正文")]));

        Assert.Equal(PdfTestKit.ReportTitle, document.Information.Title);
        Assert.Equal("质量管理部", document.Information.Author);
        Assert.Equal(PdfTestKit.Info.Created.ToUniversalTime(), document.Information.GetCreatedDateTimeOffset()?.ToUniversalTime());
    }

    [Fact]
    public void Without_subsetting_the_whole_font_is_embedded_and_the_reason_logged()
    {
        var logger = new ListLogger();

        var pdf = new ReportDocument(PdfTestKit.Info, [new ParagraphBlock("正文")]).GeneratePdf(new PdfFontOptions { Subset = false }, logger);

        Assert.True(pdf.Length > 2 * OneMegabyte, $"{pdf.Length} bytes");
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("subsetting is switched off", warning, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
