using QualityAnalytics.Reports.Pdf.Layout;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>A heading is one fragment kept with the first line of what follows; level 1 gets a rule beneath.</summary>
internal static class HeadingComponent
{
    public static IEnumerable<Fragment> Layout(HeadingBlock block, string? anchor, LayoutContext context)
    {
        var style = Typography.Heading(block.Level);
        var lines = context.Wrap(block.Text, style, context.ContentWidth);
        var baseline = context.Baseline(style);
        var ruled = block.Level == 1;
        var textHeight = lines.Count * style.LineHeight;
        var width = context.ContentWidth;
        yield return new Fragment
        {
            Height = textHeight + (ruled ? Spacing.HeadingRuleGap + Spacing.HeadingRuleWidth : 0),
            SpaceBefore = block.Level <= 0 ? Spacing.TitleGapBefore : Spacing.HeadingGapBefore,
            KeepWithNext = true,
            Anchor = anchor,
            Draw = (d, x, y) =>
            {
                if (anchor is not null)
                {
                    d.Canvas.DrawNamedDestinationAnnotation(new SKPoint(x, y), anchor);
                }
                for (var i = 0; i < lines.Count; i++)
                {
                    d.DrawText(lines[i], x, y + i * style.LineHeight + baseline, style);
                }
                if (ruled)
                {
                    var ruleY = y + textHeight + Spacing.HeadingRuleGap;
                    d.Line(x, ruleY, x + width, ruleY, style.Color, Spacing.HeadingRuleWidth);
                }
            },
        };
    }
}
