using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Pdf.Fonts;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Report;

/// <summary>
/// The quarterly service-quality analysis report (第十五条) as a PDF: one entry point for `qa report`, the web and the
/// scheduled job. <see cref="Generate"/> reads the data (<see cref="ReportDataReader"/>), composes the document
/// (<see cref="Compose"/>) and returns the bytes; the caller decides where they go.
/// </summary>
public static class QuarterlyReport
{
    /// <summary>The report of <paramref name="quarter"/> as PDF bytes.</summary>
    /// <exception cref="ArgumentException">An unsupported language.</exception>
    /// <exception cref="InvalidOperationException">No policy version covers the quarter, or it has no departments.</exception>
    /// <exception cref="FormatException">The notes file cannot be read.</exception>
    /// <exception cref="CjkFontNotFoundException">No CJK TrueType font is installed or configured.</exception>
    public static byte[] Generate(WarehouseDbContext db, Quarter quarter, ReportOptions options, PolicySet policies, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var culture = options.Culture();
        var model = ReportDataReader.Read(db, quarter, options, policies, clock);
        return Render(model, options, culture);
    }

    /// <summary>Renders an already-read model (for callers that read once and write both languages).</summary>
    public static byte[] Render(ReportModel model, ReportOptions options) => Render(model, options, options.Culture());

    /// <summary>The document without rendering it: the blocks, the page frame and the document information.</summary>
    public static ReportDocument Compose(ReportModel model, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return new ReportComposer(model, new ReportText(options.Culture())).Compose();
    }

    /// <summary>The file name the CLI and the demo use: 2026Q2-zh-CN.pdf.</summary>
    public static string FileName(Quarter quarter, ReportOptions options) =>
        $"{quarter}-{ReportOptions.NormalizeLanguage(options?.Language)}.pdf";

    private static byte[] Render(ReportModel model, ReportOptions options, System.Globalization.CultureInfo culture)
    {
        var document = new ReportComposer(model, new ReportText(culture)).Compose();
        return document.GeneratePdf(new PdfFontOptions { FontPath = options.FontPath, FaceIndex = options.FontFaceIndex }, options.Logger);
    }
}
