using System.Globalization;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Reading;

namespace QualityAnalytics.Web.Host;

/// <summary>The loader's settings, one place for every load (`qa load`, the nightly job run by `qa serve` or `qa jobs
/// run`, uploads, the demo): section "Loader" of appsettings.json, or environment variables such as
/// Loader__MaxXlsxUnpackedMB=4096.</summary>
public static class LoaderSettings
{
    public const string MaxXlsxUnpackedMB = "Loader:MaxXlsxUnpackedMB";

    /// <summary>The loader's options as configured (MaxXlsxUnpackedMB: how many MB a workbook may unpack to, its zip's
    /// parts together, before it is refused whole; default 2048).</summary>
    /// <exception cref="InvalidOperationException">The setting is not a whole number of MB above 0.</exception>
    public static LoaderOptions From(IConfiguration configuration)
    {
        var value = configuration[MaxXlsxUnpackedMB];
        if (string.IsNullOrWhiteSpace(value)) return new LoaderOptions();
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes <= 0 || megabytes > long.MaxValue / (1024 * 1024))
            throw new InvalidOperationException(
                $"{MaxXlsxUnpackedMB} is '{value}': give a whole number of MB above 0 (default {TabularFile.DefaultMaxWorkbookUnpackedBytes / (1024 * 1024)}).");
        return new LoaderOptions { MaxWorkbookUnpackedBytes = megabytes * 1024 * 1024 };
    }
}
