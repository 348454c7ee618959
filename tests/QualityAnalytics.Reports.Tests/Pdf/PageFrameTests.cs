using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class PageFrameTests
{
    private static IReadOnlyList<Block> FivePages() =>
        Enumerable.Range(1, 5).SelectMany(i => i == 1
            ? new Block[] { new ParagraphBlock(PdfTestKit.ChineseParagraph(i)) }
            : [new PageBreakBlock(), new ParagraphBlock(PdfTestKit.ChineseParagraph(i))]).ToList();

    [Fact]
    public void A_five_page_document_numbers_its_pages_in_chinese()
    {
        var pages = PdfTestKit.PageTexts(PdfTestKit.Generate(FivePages(), PageFrame.Chinese("季度报告")));

        Assert.Equal(5, pages.Count);
        for (var n = 1; n <= 5; n++)
        {
            Assert.Contains(PdfTestKit.Squeeze($"第 {n} 页 / 共 5 页"), pages[n - 1], StringComparison.Ordinal);
            Assert.Contains("季度报告", pages[n - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_english_variant_says_page_n_of_n()
    {
        var pages = PdfTestKit.PageTexts(PdfTestKit.Generate(FivePages(), PageFrame.English("Quarterly report")));

        Assert.Equal(5, pages.Count);
        for (var n = 1; n <= 5; n++)
        {
            Assert.Contains($"Page{n}of5", pages[n - 1], StringComparison.Ordinal);
        }
    }
}
