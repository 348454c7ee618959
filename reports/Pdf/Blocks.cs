using ScottPlot;

namespace QualityAnalytics.Reports.Pdf;

/// <summary>One piece of the report's body, laid out top to bottom in the order given.</summary>
public abstract record Block;

/// <summary>A heading: level 0 is the report title, 1 and 2 appear on the contents page. Kept with what follows.</summary>
public sealed record HeadingBlock(string Text, int Level = 1) : Block;

/// <summary>Running text, wrapped with the CJK line-breaking rules; "\n" starts a new line.</summary>
public sealed record ParagraphBlock(string Text, TextStyle? Style = null) : Block;

/// <summary>A table that splits between rows across pages and repeats its header row on each page.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : Block
{
    /// <summary>Shade every other row.</summary>
    public bool Zebra { get; init; } = true;
}

/// <summary>A column: its header, its width, and how its cells align.</summary>
public sealed record TableColumn(string Header, ColumnWidth Width, CellAlignment Alignment = CellAlignment.Auto);

/// <summary>A column width: a share of the room the fixed columns leave, or a fixed width in points.</summary>
public readonly record struct ColumnWidth(float Value, bool IsFixed)
{
    public static ColumnWidth Relative(float share = 1) => new(share, false);
    public static ColumnWidth Fixed(float points) => new(points, true);
}

/// <summary>Auto puts numbers (12, -3.5, 98.2%, 1,204) on the right and everything else on the left.</summary>
public enum CellAlignment { Auto, Left, Center, Right }

/// <summary>A ScottPlot chart drawn as vectors, the full content width wide. Its fonts are set to the document's.</summary>
public sealed record ChartBlock(Plot Plot, float Height, string? Caption = null) : Block;

/// <summary>Vertical space in points.</summary>
public sealed record SpacerBlock(float Height) : Block;

/// <summary>The next block starts a new page. A <paramref name="Soft"/> break starts one only when the current page is
/// already well filled (<see cref="SoftBreakFill"/>): a section that would otherwise leave a page holding two lines of the
/// one before (a department's last notes, a lone chart) follows them on that page instead.</summary>
public sealed record PageBreakBlock(bool Soft = false) : Block
{
    /// <summary>The share of a page's content height that must be used for a soft break to start a new page.</summary>
    public const float SoftBreakFill = 0.4f;
}

/// <summary>Label and value pairs in two columns (report period, department, author…).</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValuePair<string, string>> Items) : Block;

/// <summary>
/// A contents page: every heading up to <paramref name="MaxLevel"/> with its page number, each a link to the heading.
/// Stands in for PDF bookmarks, which SkiaSharp's PDF backend cannot write.
/// </summary>
public sealed record ContentsBlock(string Title, int MaxLevel = 2) : Block;
