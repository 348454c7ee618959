using QualityAnalytics.Reports.Pdf;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class KeepWithNextTests
{
    private const string Heading = "二、整改建议";

    // The heading alone needs its gap and one line; with the paragraph's first line it needs a block gap and a body line more.
    private static readonly float HeadingAlone = Spacing.HeadingGapBefore + Typography.Heading2.LineHeight;

    private static IReadOnlyList<string> PagesWithRoomLeft(float room) => PdfTestKit.PageTexts(PdfTestKit.Generate(
    [
        new SpacerBlock(PageSettings.A4.ContentHeight - room),
        new HeadingBlock(Heading, 2),
        new ParagraphBlock(PdfTestKit.ChineseParagraph(1)),
    ]));

    [Fact]
    public void A_heading_that_would_stand_alone_at_the_foot_of_a_page_moves_to_the_next_page()
    {
        var pages = PagesWithRoomLeft(HeadingAlone + 1);

        Assert.DoesNotContain(Heading, pages[0], StringComparison.Ordinal);
        Assert.Contains(Heading, pages[1], StringComparison.Ordinal);
        Assert.Contains("第1段", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_stays_when_the_first_line_after_it_fits_too()
    {
        var pages = PagesWithRoomLeft(HeadingAlone + Spacing.BlockGap + Typography.Body.LineHeight + 1);

        Assert.Contains(Heading, pages[0], StringComparison.Ordinal);
        Assert.Contains("第1段", pages[0], StringComparison.Ordinal);
    }
}
