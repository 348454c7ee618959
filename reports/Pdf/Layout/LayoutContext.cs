using System.Text;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Layout;

/// <summary>
/// The first pass: measures text with the whole font and records every code point the document will draw,
/// so the font can be subset to exactly those before anything is embedded. The subset keeps the advance
/// widths, so what is measured here is what is drawn later.
/// </summary>
internal sealed class LayoutContext : IDisposable
{
    private readonly FontCache fonts;
    private readonly HashSet<int> codePoints = [];

    public LayoutContext(SKTypeface typeface, float contentWidth, float contentHeight, IReadOnlyList<HeadingEntry> headings)
    {
        Typeface = typeface;
        fonts = new FontCache(typeface);
        ContentWidth = contentWidth;
        ContentHeight = contentHeight;
        Headings = headings;
    }

    /// <summary>The whole font: for measuring, and for the charts' first rendering.</summary>
    public SKTypeface Typeface { get; }

    public float ContentWidth { get; }

    public float ContentHeight { get; }

    /// <summary>Every heading of the document with its anchor, known before layout (for the contents page).</summary>
    public IReadOnlyList<HeadingEntry> Headings { get; }

    public IReadOnlyCollection<int> CodePoints => codePoints;

    /// <summary>Notes text that will be drawn without having been measured (page numbers, chart labels).</summary>
    public void Record(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            codePoints.Add(rune.Value);
        }
    }

    public float Measure(string text, TextStyle style)
    {
        Record(text);
        return Font(style).MeasureText(text);
    }

    public IReadOnlyList<string> Wrap(string text, TextStyle style, float width) =>
        LineBreaker.Break(text, width, piece => Measure(piece, style));

    /// <summary>Distance from the top of a line box to the baseline, centring the glyphs in the line height.</summary>
    public float Baseline(TextStyle style)
    {
        var metrics = Font(style).Metrics;
        var ascent = -metrics.Ascent;
        return (style.LineHeight - (ascent + metrics.Descent)) / 2 + ascent;
    }

    private SKFont Font(TextStyle style) => fonts.For(style);

    public void Dispose()
    {
        fonts.Dispose();
    }
}

/// <summary>A heading as the contents page lists it.</summary>
internal sealed record HeadingEntry(string Anchor, string Text, int Level);

/// <summary>Code points always put into the subset: what page numbers and chart ticks may draw.</summary>
internal static class AlwaysIncluded
{
    public static readonly string Text = BuildPrintableAscii();

    private static string BuildPrintableAscii()
    {
        var builder = new StringBuilder();
        for (var c = ' '; c <= '~'; c++)
        {
            builder.Append(c);
        }
        // ScottPlot writes negative ticks with a minus sign and some labels with a degree or micro sign.
        return builder.Append("−°µ×·").ToString();
    }
}
