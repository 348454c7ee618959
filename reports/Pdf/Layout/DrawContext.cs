using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Layout;

/// <summary>
/// The second pass: paints onto one page with the typeface that gets embedded (the subset), knowing the
/// page number, the page count and the page of every heading.
/// </summary>
internal sealed class DrawContext : IDisposable
{
    private readonly FontCache fonts;
    private readonly SKPaint paint = new() { IsAntialias = true };

    public DrawContext(SKTypeface typeface, string chartFontName, int pageCount, IReadOnlyDictionary<string, int> anchorPages)
    {
        Typeface = typeface;
        fonts = new FontCache(typeface);
        ChartFontName = chartFontName;
        PageCount = pageCount;
        AnchorPages = anchorPages;
    }

    public SKCanvas Canvas { get; set; } = null!;

    public int PageNumber { get; set; }

    public int PageCount { get; }

    /// <summary>The one typeface of the document, shared by text and charts so that it is embedded once.</summary>
    public SKTypeface Typeface { get; }

    /// <summary>Name under which ScottPlot finds <see cref="Typeface"/> while this document is drawn.</summary>
    public string ChartFontName { get; }

    public IReadOnlyDictionary<string, int> AnchorPages { get; }

    public void DrawText(string text, float x, float baseline, TextStyle style, SKTextAlign align = SKTextAlign.Left)
    {
        paint.Color = style.Color;
        paint.Style = SKPaintStyle.Fill;
        Canvas.DrawText(text, x, baseline, align, Font(style), paint);
    }

    public void FillRect(SKRect rect, SKColor color)
    {
        paint.Color = color;
        paint.Style = SKPaintStyle.Fill;
        Canvas.DrawRect(rect, paint);
    }

    public void Line(float x0, float y0, float x1, float y1, SKColor color, float width)
    {
        paint.Color = color;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = width;
        Canvas.DrawLine(x0, y0, x1, y1, paint);
    }

    /// <summary>A dotted leader line (contents page).</summary>
    public void DottedLine(float x0, float x1, float y, SKColor color)
    {
        if (x1 <= x0)
        {
            return;
        }
        using var dots = SKPathEffect.CreateDash([Spacing.ContentsDotSize, Spacing.ContentsDotPitch - Spacing.ContentsDotSize], 0);
        paint.Color = color;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = Spacing.ContentsDotSize;
        paint.PathEffect = dots;
        Canvas.DrawLine(x0, y, x1, y, paint);
        paint.PathEffect = null;
    }

    private SKFont Font(TextStyle style) => fonts.For(style);

    public void Dispose()
    {
        fonts.Dispose();
        paint.Dispose();
    }
}
