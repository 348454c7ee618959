using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Warehouse.Model;

/// <summary>Which departments a quarter assesses, and under which name: every department that exists at the quarter's
/// end, with the version valid then (policy §5: listed even without data). One rule for scoring, analysis and report.</summary>
public static class DepartmentVersions
{
    public static IReadOnlyList<DimDepartment> AsOfQuarterEnd(IEnumerable<DimDepartment> versions, Quarter quarter) =>
        versions
            .Where(v => v.ValidFrom <= quarter.LastDay)
            .GroupBy(v => v.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Where(v => v.ValidTo is null || v.ValidTo > quarter.LastDay).OrderByDescending(v => v.ValidFrom).FirstOrDefault()
                         ?? g.OrderByDescending(v => v.ValidFrom).First())
            .OrderBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
}
