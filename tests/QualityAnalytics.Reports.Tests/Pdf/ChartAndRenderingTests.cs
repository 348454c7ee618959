using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class ChartAndRenderingTests
{
    [Fact]
    public void A_chart_block_draws_its_chinese_title_and_labels_as_text()
    {
        var pages = PdfTestKit.PageTexts(PdfTestKit.Generate([new ChartBlock(PdfTestKit.QuarterChart("季度服务质量趋势"), 250, "图 1 得分")]));

        Assert.Contains("季度服务质量趋势", pages[0], StringComparison.Ordinal);
        Assert.Contains("三季度", pages[0], StringComparison.Ordinal);
        Assert.Contains("图1得分", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_taller_than_a_page_is_shrunk_onto_one_page()
    {
        var pages = PdfTestKit.PageTexts(PdfTestKit.Generate([new ChartBlock(PdfTestKit.QuarterChart("很高的图"), 5000, "图注")]));

        Assert.Single(pages);
        Assert.Contains("图注", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_of_the_sample_report_renders_with_ink()
    {
        var pdf = PdfTestKit.Generate(PdfTestKit.SampleReport());

        var ink = PdfTestKit.InkPerPage(pdf, Path.Combine(Path.GetTempPath(), "pdf-sample"));

        Assert.True(ink.Count >= 3, $"{ink.Count} pages");
        Assert.All(ink, share => Assert.True(share > 0.005, $"a page is blank ({share:P2} ink)"));
    }

    [Fact]
    public void The_contents_page_lists_headings_with_their_page_numbers()
    {
        var pages = PdfTestKit.PageTexts(PdfTestKit.Generate(PdfTestKit.SampleReport()));

        var headingPage = pages.Select((text, i) => (text, number: i + 1)).First(p => p.number > 1 && p.text.Contains("一、总体情况", StringComparison.Ordinal)).number;
        Assert.Contains("目录", pages[0], StringComparison.Ordinal);
        Assert.Contains($"一、总体情况{headingPage}", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_entries_link_to_named_destinations_at_their_headings()
    {
        var pdf = PdfTestKit.Generate(PdfTestKit.SampleReport());
        var headings = PdfTestKit.SampleReport().OfType<HeadingBlock>().Count(h => h.Level is 1 or 2);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var links = document.GetPage(1).GetAnnotations()
            .Count(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link);
        Assert.Equal(headings, links);
        // One dictionary of named destinations, named by the catalog and by its version that adds the outline.
        Assert.Equal(2, PdfTestKit.Count(pdf, "/Type /Catalog"));
        Assert.Equal(2, PdfTestKit.Count(pdf, "/Dests"));
    }
}
