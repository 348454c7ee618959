using System.Diagnostics;
using QualityAnalytics.Reports.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace QualityAnalytics.Reports.Tests.Pdf;

/// <summary>The outline (bookmarks) appended to Skia's PDF as an incremental update, read back by PdfPig and poppler.</summary>
public class OutlineTests
{
    [Fact]
    public void Every_heading_is_a_bookmark_nested_by_level_and_opening_its_page()
    {
        var blocks = PdfTestKit.SampleReport();
        var pdf = PdfTestKit.Generate(blocks);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks), "no outline");
        var expected = blocks.OfType<HeadingBlock>().Where(h => h.Level >= 1).Select(h => (h.Text, h.Level)).ToList();
        var read = Flatten(bookmarks.Roots).ToList();
        Assert.Equal(expected, read.Select(b => (b.Node.Title, b.Level)).ToList());
        // "1.1 部门得分" hangs under "一、总体情况"; each "n.1" under its "n、".
        Assert.Equal(6, bookmarks.Roots.Count);
        Assert.Equal("1.1 部门得分", Assert.Single(bookmarks.Roots[0].Children).Title);

        var pages = PdfTestKit.PageTexts(pdf);
        foreach (var (node, _) in read)
        {
            var target = Assert.IsType<DocumentBookmarkNode>(node);
            var firstPageWithIt = pages.Select((text, i) => (text, number: i + 1))
                .First(p => p.number > 1 && p.text.Contains(PdfTestKit.Squeeze(node.Title), StringComparison.Ordinal)).number;
            Assert.Equal(firstPageWithIt, target.PageNumber);
        }
    }

    [Fact]
    public void The_outline_keeps_the_report_byte_for_byte_reproducible_and_the_original_intact()
    {
        var first = PdfTestKit.Generate(PdfTestKit.SampleReport());
        var second = PdfTestKit.Generate(PdfTestKit.SampleReport());

        Assert.Equal(first, second);
        // An incremental update: Skia's file unchanged up to its end, then one more section that points back at it.
        Assert.Equal(2, PdfTestKit.Count(first, "%%EOF"));
        Assert.Equal(2, PdfTestKit.Count(first, "trailer"));
        var lastTrailer = System.Text.Encoding.Latin1.GetString(first)[^300..];
        Assert.Contains("/Prev ", lastTrailer[lastTrailer.LastIndexOf("trailer", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(1, PdfTestKit.Count(first, "/PageMode /UseOutlines"));
    }

    [Fact]
    public void Poppler_reads_the_updated_file_without_complaint()
    {
        var folder = Directory.CreateTempSubdirectory("qa-outline-");
        try
        {
            var path = Path.Combine(folder.FullName, "outline.pdf");
            File.WriteAllBytes(path, PdfTestKit.Generate(PdfTestKit.SampleReport()));
            var start = new ProcessStartInfo("pdfinfo", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", errors.Trim()); // poppler reports a broken cross-reference table here ("Syntax Error", "xref")
            Assert.Contains("Pages:", output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_document_without_headings_gets_no_outline()
    {
        var pdf = PdfTestKit.Generate([new ParagraphBlock(PdfTestKit.ChineseParagraph(1))]);

        Assert.Equal(1, PdfTestKit.Count(pdf, "%%EOF"));
        using var document = PdfDocument.Open(pdf);
        Assert.False(document.TryGetBookmarks(out _));
    }

    private static IEnumerable<(BookmarkNode Node, int Level)> Flatten(IEnumerable<BookmarkNode> nodes, int level = 1)
    {
        foreach (var node in nodes)
        {
            yield return (node, level);
            foreach (var child in Flatten(node.Children, level + 1))
            {
                yield return child;
            }
        }
    }
}
