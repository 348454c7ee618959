using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf;

/// <summary>A text style: size in points, colour, and line height as a multiple of the size.</summary>
public sealed record TextStyle(float Size, SKColor Color, float LineHeightFactor)
{
    /// <summary>Distance between two baselines, in points.</summary>
    public float LineHeight => Size * LineHeightFactor;
}

/// <summary>The report's colours. Headings stand out by size and colour only: fake bold would turn text into outlines.</summary>
public static class Palette
{
    public static readonly SKColor Text = new(0x22, 0x22, 0x22);
    public static readonly SKColor Primary = new(0x1F, 0x4E, 0x79);
    public static readonly SKColor Secondary = new(0x2E, 0x75, 0xB6);
    public static readonly SKColor Muted = new(0x6B, 0x6B, 0x6B);
    public static readonly SKColor OnPrimary = SKColors.White;
    public static readonly SKColor Rule = new(0xBF, 0xBF, 0xBF);
    public static readonly SKColor Zebra = new(0xF2, 0xF5, 0xF9);
}

/// <summary>Every text style of the PDF, and every distance the layout uses: no sizes anywhere else.</summary>
public static class Typography
{
    public static readonly TextStyle Title = new(22f, Palette.Primary, 1.35f);
    public static readonly TextStyle Heading1 = new(16f, Palette.Primary, 1.4f);
    public static readonly TextStyle Heading2 = new(13f, Palette.Secondary, 1.4f);
    public static readonly TextStyle Heading3 = new(11.5f, Palette.Text, 1.4f);
    public static readonly TextStyle Body = new(10.5f, Palette.Text, 1.6f);
    public static readonly TextStyle Small = new(8.5f, Palette.Muted, 1.5f);
    public static readonly TextStyle TableHeader = new(9.5f, Palette.OnPrimary, 1.35f);
    public static readonly TextStyle TableCell = new(9.5f, Palette.Text, 1.35f);
    public static readonly TextStyle Caption = new(9f, Palette.Muted, 1.4f);
    public static readonly TextStyle KeyLabel = new(10f, Palette.Muted, 1.5f);
    public static readonly TextStyle KeyValue = new(10f, Palette.Text, 1.5f);
    public static readonly TextStyle ContentsEntry = new(10.5f, Palette.Text, 1.7f);
    public static readonly TextStyle PageHeader = new(8f, Palette.Muted, 1.2f);
    public static readonly TextStyle PageFooter = new(8f, Palette.Muted, 1.2f);

    /// <summary>Heading style by level (1 is the largest; deeper levels share the smallest heading style).</summary>
    public static TextStyle Heading(int level) => level switch
    {
        <= 0 => Title,
        1 => Heading1,
        2 => Heading2,
        _ => Heading3,
    };
}

/// <summary>Distances in points.</summary>
public static class Spacing
{
    public const float BlockGap = 6f;
    public const float HeadingGapBefore = 12f;
    public const float TitleGapBefore = 24f;
    public const float HeadingRuleGap = 2f;
    public const float HeadingRuleWidth = 0.8f;
    public const float TableCellPaddingX = 4f;
    public const float TableCellPaddingY = 3f;
    public const float TableRuleWidth = 0.5f;
    public const float CaptionGap = 3f;
    public const float KeyColumnShare = 0.3f;
    public const float KeyValueGap = 8f;
    public const float ContentsIndentPerLevel = 14f;
    public const float ContentsNumberGap = 6f;
    public const float ContentsDotPitch = 3f;
    public const float ContentsDotSize = 0.8f;
    public const float FrameRuleWidth = 0.5f;
    public const float FrameRuleGap = 4f;
}
