namespace QualityAnalytics.Reports.Pdf.Fonts;

/// <summary>A font file and the face inside it (a TrueType collection holds several faces).</summary>
public sealed record FontFile(string Path, int FaceIndex);

/// <summary>No CJK TrueType font was found where we looked.</summary>
public sealed class CjkFontNotFoundException(string message) : Exception(message);

/// <summary>
/// Finds a CJK TrueType font: the configured path first, then the places where operating systems install one.
/// TrueType (glyf) outlines only: Skia's PDF backend turns CFF outlines (fonts-noto-cjk) into Type 3 fonts whose
/// text extracts wrongly, so those are not on the list.
/// </summary>
public sealed class FontLocator
{
    /// <summary>Where Linux, Windows and macOS keep a CJK TrueType font, best first.</summary>
    public static readonly IReadOnlyList<FontFile> UsualPlaces =
    [
        new("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
        new("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
        new(@"C:\Windows\Fonts\msyh.ttc", 0),
        new(@"C:\Windows\Fonts\simhei.ttf", 0),
        new("/System/Library/Fonts/PingFang.ttc", 0),
        new("/Library/Fonts/Arial Unicode.ttf", 0),
    ];

    public const string InstallHint = "apt-get install fonts-wqy-microhei";

    private readonly IReadOnlyList<FontFile> fallbacks;

    public FontLocator() : this(UsualPlaces) { }

    /// <summary>A locator with other fallbacks (tests give none).</summary>
    public FontLocator(IReadOnlyList<FontFile> fallbacks)
    {
        ArgumentNullException.ThrowIfNull(fallbacks);
        this.fallbacks = fallbacks;
    }

    /// <summary>The configured font if it exists, else the first usual place that exists.</summary>
    /// <param name="configuredPath">A .ttf or .ttc path from configuration, or null.</param>
    /// <param name="configuredFaceIndex">The face inside a collection (0 for a plain .ttf).</param>
    /// <exception cref="CjkFontNotFoundException">Nothing found; the message names the package to install.</exception>
    public FontFile Locate(string? configuredPath = null, int configuredFaceIndex = 0)
    {
        var looked = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            if (File.Exists(configuredPath))
            {
                return new FontFile(configuredPath, configuredFaceIndex);
            }
            looked.Add($"{configuredPath} (configured)");
        }
        foreach (var candidate in fallbacks)
        {
            if (File.Exists(candidate.Path))
            {
                return candidate;
            }
            looked.Add(candidate.Path);
        }
        var where = looked.Count == 0 ? "nowhere (no path configured, no fallbacks)" : string.Join(", ", looked);
        throw new CjkFontNotFoundException(
            $"No CJK TrueType font found for the PDF report. Looked in: {where}. " +
            $"Install one with `{InstallHint}` (Debian/Ubuntu), or configure the path of a TrueType CJK font " +
            "(e.g. msyh.ttc on Windows, PingFang.ttc on macOS). Do not use fonts-noto-cjk: its CFF outlines " +
            "come out of the PDF as Type 3 fonts whose text extracts wrongly.");
    }
}
