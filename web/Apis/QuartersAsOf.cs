using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Apis;

/// <summary>The moment each quarter of a page's range has its open complaints judged at (OpenComplaintsAsOf). The shared
/// analysis already holds those of its history (the default range, eight quarters); only a range reaching further back
/// reads the rest, so the usual page costs no scan of the complaints.</summary>
internal static class QuartersAsOf
{
    // A range is a page's quarter slicers; this bounds what a hand-typed URL can ask for (25 years).
    private const int MaxQuarters = 100;

    public static IReadOnlyDictionary<string, DateTime> Of(QuarterAnalysis analysis, Quarter? from, Quarter to, WarehouseDb warehouse, TimeProvider clock)
    {
        var known = analysis.QuarterAsOf;
        if (from is not { } first || first.Key >= to.Key) return known;
        var wanted = new List<Quarter>();
        for (var q = to; q.Key >= first.Key && wanted.Count < MaxQuarters; q = q.Previous()) wanted.Add(q);
        var missing = wanted.Where(q => !known.ContainsKey(q.ToString())).ToList();
        if (missing.Count == 0) return known;
        using var db = warehouse.CreateContext();
        var read = OpenComplaintsAsOf.Read(db, missing, clock);
        return known.Concat(read.Select(p => KeyValuePair.Create(p.Key.ToString(), p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value);
    }
}
