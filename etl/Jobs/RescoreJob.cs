using Hangfire;
using QualityAnalytics.Warehouse.Marts;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Etl.Jobs;

/// <summary>Rebuilds every quarter's summary marts and rescores the quarters whose data or policy changed. The nightly
/// load does this for what it touched; this job is for a changed policy file or a hand-made correction.</summary>
public sealed class RescoreJob(WarehouseDb warehouse, PolicySet policies, TimeProvider clock)
{
    public const string Id = "rescore";

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public IReadOnlyList<Quarter> Run()
    {
        using var db = warehouse.CreateMappedContext();
        SummaryMartRefresher.Refresh(db, QuarterFactsReader.QuartersWithData(db), clock, policies);
        AfterLoad.MarkRefreshed(db, long.MaxValue);
        return AssessmentMart.RefreshStale(db, policies, clock);
    }
}
