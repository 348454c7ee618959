using System.Globalization;
using QualityAnalytics.Reports.Pdf.Layout;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>
/// The contents page: a title, then one entry per heading with dotted leaders, its page number and a link to it.
/// Page numbers are only known after pagination, so they are looked up while drawing.
/// </summary>
internal static class ContentsComponent
{
    // Room for a four-digit page number.
    private const string WidestPageNumber = "0000";

    public static IEnumerable<Fragment> Layout(ContentsBlock block, LayoutContext context)
    {
        foreach (var title in HeadingComponent.Layout(new HeadingBlock(block.Title, 1), anchor: null, context))
        {
            yield return title;
        }
        var style = Typography.ContentsEntry;
        var baseline = context.Baseline(style);
        var numberWidth = context.Measure(WidestPageNumber, style);
        var width = context.ContentWidth;
        var entries = context.Headings.Where(h => h.Level >= 1 && h.Level <= block.MaxLevel).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var indent = (entry.Level - 1) * Spacing.ContentsIndentPerLevel;
            var textWidth = width - indent - numberWidth - Spacing.ContentsNumberGap;
            var lines = context.Wrap(entry.Text, style, textWidth);
            var lastLineEnd = indent + context.Measure(lines[^1], style);
            var entryStyle = entry.Level == 1 ? style with { Color = Palette.Primary } : style;
            var height = lines.Count * style.LineHeight;
            yield return new Fragment
            {
                Height = height,
                SpaceBefore = i == 0 ? Spacing.BlockGap : 0,
                Draw = (d, x, y) =>
                {
                    for (var l = 0; l < lines.Count; l++)
                    {
                        d.DrawText(lines[l], x + indent, y + l * style.LineHeight + baseline, entryStyle);
                    }
                    var lastBaseline = y + (lines.Count - 1) * style.LineHeight + baseline;
                    var page = d.AnchorPages.TryGetValue(entry.Anchor, out var p) ? p.ToString(CultureInfo.InvariantCulture) : string.Empty;
                    d.DrawText(page, x + width, lastBaseline, entryStyle, SKTextAlign.Right);
                    d.DottedLine(x + lastLineEnd + Spacing.ContentsNumberGap, x + width - numberWidth - Spacing.ContentsNumberGap,
                        lastBaseline, Palette.Rule);
                    d.Canvas.DrawLinkDestinationAnnotation(SKRect.Create(x, y, width, height), entry.Anchor);
                },
            };
        }
    }
}
