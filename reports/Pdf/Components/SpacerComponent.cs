using QualityAnalytics.Reports.Pdf.Layout;

namespace QualityAnalytics.Reports.Pdf.Components;

/// <summary>Empty space and forced page breaks.</summary>
internal static class SpacerComponent
{
    public static IEnumerable<Fragment> Layout(SpacerBlock block)
    {
        yield return new Fragment { Height = Math.Max(0, block.Height), Draw = static (_, _, _) => { } };
    }

    public static IEnumerable<Fragment> PageBreak(bool soft = false)
    {
        yield return soft ? Fragment.SoftPageBreak() : Fragment.PageBreak();
    }
}
