using QualityAnalytics.Reports.Pdf.Layout;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>Labels on the left in a muted style, values wrapped on the right; one fragment per pair.</summary>
internal static class KeyValueComponent
{
    public static IEnumerable<Fragment> Layout(KeyValueBlock block, LayoutContext context)
    {
        var keyWidth = context.ContentWidth * Spacing.KeyColumnShare;
        var valueWidth = context.ContentWidth - keyWidth - Spacing.KeyValueGap;
        var keyStyle = Typography.KeyLabel;
        var valueStyle = Typography.KeyValue;
        var keyBaseline = context.Baseline(keyStyle);
        var valueBaseline = context.Baseline(valueStyle);
        for (var i = 0; i < block.Items.Count; i++)
        {
            var keyLines = context.Wrap(block.Items[i].Key, keyStyle, keyWidth);
            var valueLines = context.Wrap(block.Items[i].Value, valueStyle, valueWidth);
            yield return new Fragment
            {
                Height = Math.Max(keyLines.Count * keyStyle.LineHeight, valueLines.Count * valueStyle.LineHeight),
                SpaceBefore = i == 0 ? Spacing.BlockGap : 0,
                Draw = (d, x, y) =>
                {
                    for (var k = 0; k < keyLines.Count; k++)
                    {
                        d.DrawText(keyLines[k], x, y + k * keyStyle.LineHeight + keyBaseline, keyStyle);
                    }
                    var valueX = x + keyWidth + Spacing.KeyValueGap;
                    for (var v = 0; v < valueLines.Count; v++)
                    {
                        d.DrawText(valueLines[v], valueX, y + v * valueStyle.LineHeight + valueBaseline, valueStyle);
                    }
                },
            };
        }
    }
}
