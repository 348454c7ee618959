using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Layout;

/// <summary>One SKFont per text size of a typeface, shared by a document's layout pass and its drawing pass so that
/// both measure with identical fonts (subpixel positioning on, as the PDF draws). Unhinted, with linear metrics: the
/// glyphs are placed on the font's own advance widths, as a PDF viewer scales them; hinted advances rounded to whole
/// points opened and closed gaps of up to a point inside small Latin words ("Ser vi ce Qu al i ty").</summary>
internal sealed class FontCache(SKTypeface typeface) : IDisposable
{
    private readonly Dictionary<float, SKFont> _fonts = [];

    public SKFont For(TextStyle style)
    {
        if (!_fonts.TryGetValue(style.Size, out var font))
        {
            font = new SKFont(typeface, style.Size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            _fonts[style.Size] = font;
        }
        return font;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
    }
}
