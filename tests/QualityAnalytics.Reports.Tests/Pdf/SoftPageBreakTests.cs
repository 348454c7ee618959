using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Tests.Pdf;

/// <summary>A soft page break (a section's start) opens a new page only when the page before is well filled, so that the
/// tail of a section (a department's last two lines, a lone chart) never leaves a page nearly blank.</summary>
public class SoftPageBreakTests
{
    private const string Next = "七、各部门考核说明";

    private static IReadOnlyList<string> Pages(float filled, bool soft) => PdfTestKit.PageTexts(PdfTestKit.Generate(
    [
        new SpacerBlock(PageSettings.A4.ContentHeight * filled),
        new ParagraphBlock("上一部分的最后一行。"),
        new PageBreakBlock(soft),
        new HeadingBlock(Next, 1),
        new ParagraphBlock(PdfTestKit.ChineseParagraph(1)),
    ]));

    [Fact]
    public void A_soft_break_on_a_nearly_empty_page_lets_the_next_section_follow_on_it()
    {
        var pages = Pages(0.1f, soft: true);

        Assert.Single(pages);
        Assert.Contains(Next, pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_soft_break_on_a_well_filled_page_starts_a_new_page()
    {
        var pages = Pages(PageBreakBlock.SoftBreakFill + 0.1f, soft: true);

        Assert.Equal(2, pages.Count);
        Assert.DoesNotContain(Next, pages[0], StringComparison.Ordinal);
        Assert.Contains(Next, pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_hard_break_always_starts_a_new_page()
    {
        var pages = Pages(0.1f, soft: false);

        Assert.Equal(2, pages.Count);
        Assert.Contains(Next, pages[1], StringComparison.Ordinal);
    }
}
