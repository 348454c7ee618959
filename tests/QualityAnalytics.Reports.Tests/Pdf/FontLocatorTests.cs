using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Pdf.Fonts;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class FontLocatorTests
{
    private const string Missing = "/nonexistent/fonts/missing-cjk.ttc";
    private const string Installed = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    [Fact]
    public void A_missing_configured_font_and_no_fallback_fails_naming_the_path_and_the_package()
    {
        var error = Assert.Throws<CjkFontNotFoundException>(() => new FontLocator([]).Locate(Missing));

        Assert.Contains(Missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-wqy-microhei", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_configured_font_falls_back_to_the_usual_places()
    {
        var found = new FontLocator([new FontFile("/nonexistent/other.ttf", 0), new FontFile(Installed, 0)]).Locate(Missing);

        Assert.Equal(Installed, found.Path);
    }

    [Fact]
    public void A_configured_font_that_exists_comes_first()
    {
        var found = new FontLocator([new FontFile("/nonexistent/other.ttf", 0)]).Locate(Installed, 0);

        Assert.Equal(new FontFile(Installed, 0), found);
    }

    [Fact]
    public void Generating_a_pdf_without_any_font_fails_with_the_clear_message()
    {
        var options = new PdfFontOptions { FontPath = Missing, Locator = new FontLocator([]) };

        var error = Assert.Throws<CjkFontNotFoundException>(
            () => new ReportDocument(PdfTestKit.Info, [new ParagraphBlock("正文")]).GeneratePdf(options));

        Assert.Contains("fonts-wqy-microhei", error.Message, StringComparison.Ordinal);
    }
}
