using QualityAnalytics.Reports.Charts;
using QualityAnalytics.Reports.Pdf;
using SkiaSharp;

namespace QualityAnalytics.Reports.Tests.Pdf;

public class ChartFontsTests
{
    [Fact]
    public void A_leased_name_resolves_to_the_leased_typeface_in_every_weight_until_the_lease_ends()
    {
        using var typeface = SKTypeface.FromFile("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        string name;
        using (var lease = ChartFonts.Lease(typeface))
        {
            name = lease.Name;
            Assert.Same(typeface, ScottPlot.Fonts.GetTypeface(name, bold: false, italic: false));
            Assert.Same(typeface, ScottPlot.Fonts.GetTypeface(name, bold: true, italic: false));
        }

        Assert.NotSame(typeface, ScottPlot.Fonts.GetTypeface(name, bold: false, italic: false));
    }

    [Fact]
    public void Drawing_a_chart_into_the_pdf_leaves_the_callers_plot_fonts_as_they_were()
    {
        var plot = PdfTestKit.QuarterChart("季度服务质量趋势");
        var before = (plot.Axes.Title.Label.FontName, plot.Axes.Bottom.TickLabelStyle.FontName, plot.Legend.FontName);
        var defaultFont = ScottPlot.Fonts.Default;

        PdfTestKit.Generate([new ChartBlock(plot, 200)]);

        Assert.Equal(before, (plot.Axes.Title.Label.FontName, plot.Axes.Bottom.TickLabelStyle.FontName, plot.Legend.FontName));
        Assert.Equal(defaultFont, ScottPlot.Fonts.Default);
    }
}
