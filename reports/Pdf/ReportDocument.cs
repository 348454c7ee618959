using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QualityAnalytics.Reports.Pdf.Fonts;

namespace QualityAnalytics.Reports.Pdf;

/// <summary>What the PDF says about itself. The dates come from the caller, so the same input gives the same bytes.</summary>
public sealed record DocumentInfo(string Title, string Author, string Subject, DateTimeOffset Created)
{
    /// <summary>Defaults to <see cref="Created"/>.</summary>
    public DateTimeOffset? Modified { get; init; }

    public string? Keywords { get; init; }
}

/// <summary>Page size and margins in points (1/72 inch).</summary>
public sealed record PageSettings(float Width, float Height, float MarginLeft, float MarginTop, float MarginRight, float MarginBottom)
{
    /// <summary>A4 portrait with 2 cm side margins and room for the header and footer.</summary>
    public static readonly PageSettings A4 = new(595.28f, 841.89f, 56.7f, 70.9f, 56.7f, 70.9f);

    public float ContentWidth => Width - MarginLeft - MarginRight;

    public float ContentHeight => Height - MarginTop - MarginBottom;
}

/// <summary>The running header and the page-number footer on every page.</summary>
/// <param name="HeaderText">Shown at the top of every page (usually the report title); null for none.</param>
/// <param name="FooterTemplate">{0} is the page number, {1} the page count.</param>
public sealed record PageFrame(string? HeaderText, string FooterTemplate)
{
    public const string ChineseFooter = "第 {0} 页 / 共 {1} 页";
    public const string EnglishFooter = "Page {0} of {1}";

    public static PageFrame Chinese(string? headerText) => new(headerText, ChineseFooter);

    public static PageFrame English(string? headerText) => new(headerText, EnglishFooter);
}

/// <summary>Where the CJK font comes from and whether to subset it.</summary>
public sealed record PdfFontOptions
{
    /// <summary>A TrueType font (.ttf/.ttc) from configuration; the usual places are tried when it is missing.</summary>
    public string? FontPath { get; init; }

    /// <summary>The face inside a .ttc collection.</summary>
    public int FaceIndex { get; init; }

    /// <summary>Where to look when <see cref="FontPath"/> is not set or does not exist.</summary>
    public FontLocator Locator { get; init; } = new();

    /// <summary>Embed only the glyphs the document uses (on by default; off embeds the whole font).</summary>
    public bool Subset { get; init; } = true;
}

/// <summary>
/// A report: document information, page settings, the page frame and an ordered list of blocks.
/// <see cref="GeneratePdf"/> returns the bytes, so the caller decides where they go.
/// </summary>
public sealed record ReportDocument(DocumentInfo Info, IReadOnlyList<Block> Blocks)
{
    public PageSettings Page { get; init; } = PageSettings.A4;

    public PageFrame Frame { get; init; } = PageFrame.Chinese(null);

    /// <summary>Lays the blocks out, subsets the font to the characters used and writes the PDF.</summary>
    /// <exception cref="CjkFontNotFoundException">No CJK TrueType font is installed or configured.</exception>
    public byte[] GeneratePdf(PdfFontOptions? fonts = null, ILogger? logger = null) =>
        PdfRenderer.Render(this, fonts ?? new PdfFontOptions(), logger ?? NullLogger.Instance);
}
