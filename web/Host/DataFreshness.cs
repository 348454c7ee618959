using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Host;

/// <summary>How fresh the numbers on a page are: the last load whose data the marts have taken in, as every page's footer
/// says it ("数据更新于 2026-11-28 02:00（第 12 批）", a BI tool's "data updated"). A load that failed or whose marts were
/// not rebuilt yet (killed after its commit) does not count: the pages do not show its rows' effect yet. A load that
/// changed nothing counts: the data was current as of then.</summary>
internal static class DataFreshness
{
    /// <param name="Batch">The batch's number, as the data desk and `qa batches` list it.</param>
    /// <param name="Finished">When it finished, Asia/Shanghai's "yyyy-MM-dd HH:mm".</param>
    public sealed record DataAsOf(long Batch, string Finished);

    public static DataAsOf? Latest(WarehouseDb warehouse)
    {
        using var db = warehouse.CreateContext();
        var latest = db.LoadBatches.AsNoTracking()
            .Where(b => b.MartsRefreshed && b.FinishedAt != null && (b.Status == "succeeded" || b.Status == "partial"))
            .OrderByDescending(b => b.Id).Select(b => new { b.Id, b.FinishedAt }).FirstOrDefault();
        return latest is null ? null : new DataAsOf(latest.Id, BusinessTime.ToMinute(latest.FinishedAt!.Value));
    }
}
