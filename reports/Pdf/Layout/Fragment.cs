namespace QualityAnalytics.Reports.Pdf.Layout;

/// <summary>
/// The smallest piece of a block that is never split across pages: a paragraph line, a table row, a heading,
/// a chart. Blocks become fragments in the layout pass; the paginator places them; the draw pass paints them.
/// </summary>
internal sealed class Fragment
{
    /// <summary>Height in points, without <see cref="SpaceBefore"/>.</summary>
    public required float Height { get; init; }

    /// <summary>Gap above the fragment, dropped when the fragment opens a page.</summary>
    public float SpaceBefore { get; init; }

    /// <summary>The fragment must share its page with the one after it (headings, table header rows).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>A page break marker: no height, nothing drawn, the next fragment opens a page.</summary>
    public bool BreaksPage { get; init; }

    /// <summary>Drawn first when this fragment opens a page: the header row of the table the row belongs to.</summary>
    public Fragment? RepeatedHeader { get; init; }

    /// <summary>Named destination of a heading, for the contents page and its links.</summary>
    public string? Anchor { get; init; }

    /// <summary>Paints the fragment with its top-left corner at (x, y).</summary>
    public required Action<DrawContext, float, float> Draw { get; init; }

    /// <summary>A page break that is kept only when the page is filled past <see cref="PageBreakBlock.SoftBreakFill"/>.</summary>
    public bool SoftBreak { get; init; }

    public static Fragment PageBreak() => new() { Height = 0, BreaksPage = true, Draw = static (_, _, _) => { } };

    public static Fragment SoftPageBreak() => new() { Height = 0, BreaksPage = true, SoftBreak = true, Draw = static (_, _, _) => { } };
}

/// <summary>A fragment and the distance of its top from the top of the page's content area.</summary>
internal readonly record struct PlacedFragment(Fragment Fragment, float Top);
