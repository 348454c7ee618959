using QualityAnalytics.Etl.Staging.Mappers;

namespace QualityAnalytics.Etl.Loading;

public sealed record LoaderOptions
{
    /// <summary>Who sent the data, for the batch record and the change history.</summary>
    public string LoadedBy { get; init; } = Environment.UserName;
    public StagingRules Rules { get; init; } = new();
    public ILoadObserver? Observer { get; init; }

    /// <summary>How many bytes a workbook may unpack to, all parts of its zip together, before it is refused whole (see
    /// <see cref="Reading.TabularFile.Open"/>): an .xlsx is a zip, and a file small enough to upload unpacks to gigabytes.</summary>
    public long MaxWorkbookUnpackedBytes { get; init; } = Reading.TabularFile.DefaultMaxWorkbookUnpackedBytes;
}
