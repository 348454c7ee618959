using System.Globalization;
using QualityAnalytics.Reports.Pdf.Layout;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>The running header above the content and the "第 n 页 / 共 N 页" footer below it, each with a rule.</summary>
internal static class PageFrameComponent
{
    public static void Record(PageFrame frame, LayoutContext context)
    {
        if (frame.HeaderText is not null)
        {
            context.Measure(frame.HeaderText, Typography.PageHeader);
        }
        context.Record(frame.FooterTemplate);
    }

    public static void Draw(PageFrame frame, PageSettings page, DrawContext d)
    {
        var left = page.MarginLeft;
        var right = page.Width - page.MarginRight;
        if (frame.HeaderText is not null)
        {
            var headerRule = page.MarginTop - Spacing.FrameRuleGap;
            d.DrawText(frame.HeaderText, left, headerRule - Spacing.FrameRuleGap, Typography.PageHeader);
            d.Line(left, headerRule, right, headerRule, Palette.Rule, Spacing.FrameRuleWidth);
        }
        var footerRule = page.Height - page.MarginBottom + Spacing.FrameRuleGap;
        d.Line(left, footerRule, right, footerRule, Palette.Rule, Spacing.FrameRuleWidth);
        var footer = string.Format(CultureInfo.InvariantCulture, frame.FooterTemplate, d.PageNumber, d.PageCount);
        var footerBaseline = footerRule + Spacing.FrameRuleGap + Typography.PageFooter.LineHeight;
        d.DrawText(footer, (left + right) / 2, footerBaseline, Typography.PageFooter, SkiaSharp.SKTextAlign.Center);
    }
}
