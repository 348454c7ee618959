using System.Globalization;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>The numbers of the findings' sentences, written the same in both languages and on every machine (invariant).</summary>
public static partial class Findings
{
    private static string F(double v, int decimals = 2) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    private static string F(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Yuan as the report's tables write them: −5,000, +9,200, 0 (a true minus sign, thousands separated).</summary>
    private static string Yuan(decimal v) => v switch
    {
        < 0 => "\u2212" + (-v).ToString("#,##0.##", CultureInfo.InvariantCulture),
        > 0 => "+" + v.ToString("#,##0.##", CultureInfo.InvariantCulture),
        _ => "0",
    };

    /// <summary>A trend's value as its measure is written: scores to two decimals, counts whole, rates as percentages
    /// (the stored values printed as they were read "98" and "0.8333").</summary>
    private static string SeriesValue(MetricTrend m, decimal v) => m.Metric switch
    {
        Metrics.ComplaintCount => v.ToString("0.##", CultureInfo.InvariantCulture),
        Metrics.SatisfactionRate => Pct((double)v),
        _ => F(v),
    };

    /// <summary>The slope's size in the measure's unit: points per quarter, or percentage points for a rate.</summary>
    private static string Slope(MetricTrend m) => m.Metric == Metrics.SatisfactionRate
        ? F(Math.Abs(m.Fit!.Slope) * 100, 1) + " pp"
        : F(Math.Abs(m.Fit!.Slope));

    private static string Bound(decimal? v) => v is { } b ? F(b) : "—";

    private static string P(double p) => p < 0.0001 ? "p < 0.0001" : "p = " + F(p, 4);
    private static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
