using System.Collections.Concurrent;
using SkiaSharp;

namespace QualityAnalytics.Reports.Pdf.Fonts;

/// <summary>
/// A whole font file in memory and its typeface, loaded once per process: layout measures with it and the
/// subsetter cuts from its bytes. It is never embedded itself unless subsetting fails.
/// </summary>
internal sealed class FontSource
{
    private static readonly ConcurrentDictionary<FontFile, Lazy<FontSource>> Loaded = new();

    // 'glyf': TrueType outlines. Without it the font is CFF, which Skia's PDF writes as Type 3 (wrong text extraction).
    private const uint GlyfTag = 0x676C7966;

    private FontSource(FontFile file, byte[] data, SKTypeface typeface)
    {
        File = file;
        Data = data;
        Typeface = typeface;
    }

    public FontFile File { get; }

    public byte[] Data { get; }

    public SKTypeface Typeface { get; }

    public static FontSource Load(FontFile file) =>
        Loaded.GetOrAdd(file, f => new Lazy<FontSource>(() => Read(f))).Value;

    private static FontSource Read(FontFile file)
    {
        var data = System.IO.File.ReadAllBytes(file.Path);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(data), file.FaceIndex)
            ?? throw new InvalidOperationException($"Skia cannot read face {file.FaceIndex} of the font {file.Path}.");
        if (!typeface.GetTableTags().Contains(GlyfTag))
        {
            typeface.Dispose();
            throw new InvalidOperationException(
                $"The font {file.Path} has no TrueType outlines (glyf table); Skia's PDF would embed it as Type 3 " +
                $"with wrong text extraction. Use a TrueType CJK font, e.g. `{FontLocator.InstallHint}`.");
        }
        return new FontSource(file, data, typeface);
    }
}
