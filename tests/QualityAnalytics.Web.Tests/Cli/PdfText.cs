using System.Diagnostics;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>A PDF's text as poppler's pdftotext reads it (UTF-8, in reading order), whitespace removed: CJK lines wrap
/// wherever the layout breaks them, so tests match sentences without spaces or line breaks.</summary>
internal static class PdfText
{
    public static string Compact(string path)
    {
        var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", "-raw", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }
}
