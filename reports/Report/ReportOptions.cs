using System.Globalization;
using Microsoft.Extensions.Logging;
using QualityAnalytics.Reports.Analysis;

namespace QualityAnalytics.Reports.Report;

/// <summary>How to write the quarterly report. Everything has a default: <c>new ReportOptions()</c> gives the zh-CN report.</summary>
public sealed record ReportOptions
{
    /// <summary>zh-CN (default) or en; "zh"/"zh-Hans" mean zh-CN and "en-US"/"en-GB" mean en.</summary>
    public string Language { get; init; } = "zh-CN";

    /// <summary>The company on the cover; null: the resource default (XX公司, in English XX Company).</summary>
    public string? Company { get; init; }

    /// <summary>A TrueType CJK font (.ttf/.ttc); null: the usual places are searched.</summary>
    public string? FontPath { get; init; }

    /// <summary>The face inside a .ttc collection.</summary>
    public int FontFaceIndex { get; init; }

    /// <summary>A notes file (CSV or JSON: department, causes, solutions) that takes the place of the warehouse's quarter
    /// notes for the departments it names. See <see cref="NotesFile"/>.</summary>
    public string? NotesFile { get; init; }

    /// <summary>Parameters of the statistical analysis behind the charts and findings.</summary>
    public AnalysisOptions Analysis { get; init; } = AnalysisOptions.Default;

    /// <summary>How many quarantined rows the lineage appendix lists (the rest are counted).</summary>
    public int QuarantinedRowsListed { get; init; } = 30;

    /// <summary>Receives the PDF layer's warnings (e.g. a font that could not be subset).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The culture of <see cref="Language"/>.</summary>
    /// <exception cref="ArgumentException">A language the report is not written in.</exception>
    public CultureInfo Culture() => NormalizeLanguage(Language) switch
    {
        "en" => CultureInfo.GetCultureInfo("en"),
        _ => CultureInfo.GetCultureInfo("zh-CN"),
    };

    /// <summary>zh-CN or en for the language names we accept; throws for any other.</summary>
    public static string NormalizeLanguage(string? language)
    {
        var text = (language ?? "").Trim();
        if (text.Length == 0 || text.Equals("zh", StringComparison.OrdinalIgnoreCase) || text.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)) return "zh-CN";
        if (text.Equals("en", StringComparison.OrdinalIgnoreCase) || text.StartsWith("en-", StringComparison.OrdinalIgnoreCase)) return "en";
        throw new ArgumentException($"The report is written in zh-CN or en, not '{language}'.", nameof(language));
    }
}
