using System.Xml;
using System.Xml.Linq;
using QualityAnalytics.Reports.Charts;
using QualityAnalytics.Reports.Pdf.Layout;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>
/// A ScottPlot chart drawn as vectors straight onto the page (translate, clip, render), in the document's one
/// typeface, with an optional caption beneath. The chart is one fragment: it never splits.
/// </summary>
internal static class ChartComponent
{
    public static IEnumerable<Fragment> Layout(ChartBlock block, LayoutContext context)
    {
        var width = (int)Math.Floor(context.ContentWidth);
        // A chart taller than a page could never be placed; it is shrunk to leave room for its caption.
        var captionLines = block.Caption is null ? [] : context.Wrap(block.Caption, Typography.Caption, context.ContentWidth);
        var captionHeight = captionLines.Count == 0 ? 0 : Spacing.CaptionGap + captionLines.Count * Typography.Caption.LineHeight;
        var height = (int)Math.Floor(Math.Clamp(block.Height, 1, context.ContentHeight - captionHeight));
        RecordChartText(block, context, width, height);
        var captionBaseline = context.Baseline(Typography.Caption);
        var plot = block.Plot;

        yield return new Fragment
        {
            Height = height + captionHeight,
            SpaceBefore = Spacing.BlockGap,
            Draw = (d, x, y) =>
            {
                using (ChartFonts.Apply(plot, d.ChartFontName))
                {
                    d.Canvas.Save();
                    d.Canvas.Translate(x, y);
                    d.Canvas.ClipRect(SKRect.Create(0, 0, width, height));
                    plot.Render(d.Canvas, width, height);
                    d.Canvas.Restore();
                }
                for (var i = 0; i < captionLines.Count; i++)
                {
                    var baseline = y + height + Spacing.CaptionGap + i * Typography.Caption.LineHeight + captionBaseline;
                    d.DrawText(captionLines[i], x + width / 2f, baseline, Typography.Caption, SKTextAlign.Center);
                }
            },
        };
    }

    /// <summary>
    /// Tick labels only exist once the plot is rendered at its final size, so the chart is rendered once to
    /// Skia's SVG canvas with the whole font, and the text of every &lt;text&gt; element goes into the subset.
    /// </summary>
    private static void RecordChartText(ChartBlock block, LayoutContext context, int width, int height)
    {
        using var lease = ChartFonts.Lease(context.Typeface);
        using var fonts = ChartFonts.Apply(block.Plot, lease.Name);
        using var svg = new MemoryStream();
        using (var skStream = new SKManagedWStream(svg))
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(width, height), skStream))
        {
            block.Plot.Render(canvas, width, height);
        }
        svg.Position = 0;
        var document = XDocument.Load(XmlReader.Create(svg, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }));
        foreach (var text in document.Descendants().Where(e => e.Name.LocalName == "text"))
        {
            context.Record(text.Value);
        }
    }
}
