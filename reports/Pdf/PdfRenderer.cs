using Microsoft.Extensions.Logging;
using QualityAnalytics.Reports.Charts;
using QualityAnalytics.Reports.Pdf.Components;
using QualityAnalytics.Reports.Pdf.Fonts;
using QualityAnalytics.Reports.Pdf.Layout;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf;

/// <summary>
/// Two passes: lay every block out with the whole font (measuring, recording code points, paginating), then
/// subset the font to those code points and draw each page with the known page count and heading pages.
/// </summary>
internal static class PdfRenderer
{
    // Resolution for the rare content Skia's PDF cannot keep as vectors; text and charts stay vectors.
    private const float RasterDpi = 150;

    // Skia's own default: images are kept lossless.
    private const int LosslessEncoding = 101;

    public static byte[] Render(ReportDocument document, PdfFontOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = FontSource.Load(options.Locator.Locate(options.FontPath, options.FaceIndex));
        var page = document.Page;
        var anchors = Anchors(document.Blocks);

        IReadOnlyList<IReadOnlyList<PlacedFragment>> pages;
        IReadOnlyCollection<int> codePoints;
        using (var layout = new LayoutContext(source.Typeface, page.ContentWidth, page.ContentHeight, anchors.Values.ToList()))
        {
            var fragments = new List<Fragment>();
            for (var i = 0; i < document.Blocks.Count; i++)
            {
                fragments.AddRange(Layout(document.Blocks[i], anchors.GetValueOrDefault(i), layout));
            }
            PageFrameComponent.Record(document.Frame, layout);
            layout.Record(AlwaysIncluded.Text);
            pages = Paginator.Paginate(fragments, page.ContentHeight);
            codePoints = layout.CodePoints.ToList();
        }

        var anchorPages = new Dictionary<string, int>();
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var placed in pages[p].Where(f => f.Fragment.Anchor is not null))
            {
                anchorPages.TryAdd(placed.Fragment.Anchor!, p + 1);
            }
        }

        var (typeface, ownsTypeface) = EmbeddedTypeface(source, codePoints, options, logger);
        try
        {
            using var chartFont = ChartFonts.Lease(typeface);
            using var output = new MemoryStream();
            using (var pdf = SKDocument.CreatePdf(output, Metadata(document.Info)))
            using (var draw = new DrawContext(typeface, chartFont.Name, pages.Count, anchorPages))
            {
                for (var p = 0; p < pages.Count; p++)
                {
                    draw.Canvas = pdf.BeginPage(page.Width, page.Height);
                    draw.PageNumber = p + 1;
                    PageFrameComponent.Draw(document.Frame, page, draw);
                    foreach (var placed in pages[p])
                    {
                        placed.Fragment.Draw(draw, page.MarginLeft, page.MarginTop + placed.Top);
                    }
                    pdf.EndPage();
                }
                pdf.Close();
            }
            // The bookmarks pane lists the same headings as the contents page (Skia cannot write an outline itself).
            var outline = anchors.OrderBy(a => a.Key).Select(a => a.Value).Where(h => anchorPages.ContainsKey(h.Anchor))
                .Select(h => new OutlineEntry(h.Text, h.Level, h.Anchor)).ToList();
            return PdfOutline.Append(output.ToArray(), outline);
        }
        finally
        {
            if (ownsTypeface)
            {
                typeface.Dispose();
            }
        }
    }

    private static IEnumerable<Fragment> Layout(Block block, HeadingEntry? anchor, LayoutContext context) => block switch
    {
        HeadingBlock heading => HeadingComponent.Layout(heading, anchor?.Anchor, context),
        ParagraphBlock paragraph => ParagraphComponent.Layout(paragraph, context),
        TableBlock table => TableComponent.Layout(table, context),
        ChartBlock chart => ChartComponent.Layout(chart, context),
        KeyValueBlock keyValues => KeyValueComponent.Layout(keyValues, context),
        ContentsBlock contents => ContentsComponent.Layout(contents, context),
        SpacerBlock spacer => SpacerComponent.Layout(spacer),
        PageBreakBlock b => SpacerComponent.PageBreak(b.Soft),
        _ => throw new NotSupportedException($"No layout for the block kind {block.GetType().Name}."),
    };

    /// <summary>Headings of level 1 and deeper get a named destination, known before layout for the contents page.</summary>
    private static Dictionary<int, HeadingEntry> Anchors(IReadOnlyList<Block> blocks)
    {
        var anchors = new Dictionary<int, HeadingEntry>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock { Level: >= 1 } heading)
            {
                anchors[i] = new HeadingEntry($"heading-{i}", heading.Text, heading.Level);
            }
        }
        return anchors;
    }

    private static (SKTypeface Typeface, bool Owned) EmbeddedTypeface(
        FontSource source, IReadOnlyCollection<int> codePoints, PdfFontOptions options, ILogger logger)
    {
        string reason;
        if (!options.Subset)
        {
            reason = "subsetting is switched off";
        }
        else
        {
            var (subset, failure) = FontSubsetter.TrySubset(source.Data, source.File.FaceIndex, codePoints);
            var typeface = subset is null ? null : SKTypeface.FromData(SKData.CreateCopy(subset));
            if (typeface is not null)
            {
                return (typeface, true);
            }
            reason = failure ?? "Skia could not read the subset font";
        }
        logger.LogWarning("Embedding the whole font {FontPath} ({FontBytes} bytes) in the PDF: {Reason}",
            source.File.Path, source.Data.Length, reason);
        return (source.Typeface, false);
    }

    private static SKDocumentPdfMetadata Metadata(DocumentInfo info) => new(RasterDpi, LosslessEncoding)
    {
        Title = info.Title,
        Author = info.Author,
        Subject = info.Subject,
        Keywords = info.Keywords ?? string.Empty,
        Creator = "QualityAnalytics",
        Creation = info.Created.UtcDateTime,
        Modified = (info.Modified ?? info.Created).UtcDateTime,
    };
}
