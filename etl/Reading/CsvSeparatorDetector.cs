using System.Text;

namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// Chooses comma or tab from the header line. CsvHelper can detect separators itself, but it also considers
/// ';' and '|', which appear in Chinese header text and notes; the contract allows only comma and tab.
/// </summary>
internal static class CsvSeparatorDetector
{
    // A header longer than this without a line break is not a header worth guessing about.
    private const int MaxHeaderChars = 1 << 20;

    public static char Detect(string path, DetectedEncoding encoding)
    {
        using var reader = new StreamReader(TextEncodingDetector.OpenAsUtf8(path, encoding), Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var read = 0;
        while (reader.ReadLine() is { } line)
        {
            read += line.Length;
            if (!string.IsNullOrWhiteSpace(line))
            {
                return Choose(line);
            }

            if (read > MaxHeaderChars)
            {
                break;
            }
        }

        return ',';
    }

    /// <summary>Tab when the line has more tabs than commas outside quotes, else comma.</summary>
    internal static char Choose(string line)
    {
        int commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in line)
        {
            switch (c)
            {
                case '"': quoted = !quoted; break;
                case ',' when !quoted: commas++; break;
                case '\t' when !quoted: tabs++; break;
            }
        }

        return tabs > commas ? '\t' : ',';
    }
}
