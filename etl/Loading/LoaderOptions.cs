using QualityAnalytics.Etl.Staging.Mappers;

namespace QualityAnalytics.Etl.Loading;

public sealed record LoaderOptions
{
    /// <summary>Who sent the data, for the batch record and the change history.</summary>
    public string LoadedBy { get; init; } = Environment.UserName;
    public StagingRules Rules { get; init; } = new();
    public ILoadObserver? Observer { get; init; }
}
