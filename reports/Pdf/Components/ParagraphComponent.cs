using QualityAnalytics.Reports.Pdf.Layout;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>A paragraph becomes one fragment per line, so it may split between any two lines.</summary>
internal static class ParagraphComponent
{
    public static IEnumerable<Fragment> Layout(ParagraphBlock block, LayoutContext context)
    {
        var style = block.Style ?? Typography.Body;
        var baseline = context.Baseline(style);
        var lines = context.Wrap(block.Text, style, context.ContentWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            yield return new Fragment
            {
                Height = style.LineHeight,
                SpaceBefore = i == 0 ? Spacing.BlockGap : 0,
                Draw = (d, x, y) => d.DrawText(line, x, y + baseline, style),
            };
        }
    }
}
