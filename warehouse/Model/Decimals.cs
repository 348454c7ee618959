namespace QualityAnalytics.Warehouse.Model;

/// <summary>One written form per decimal value. A decimal carries its scale (4.0m and 4.00m are equal but print
/// differently), and the engines keep different scales: SQLite stores decimals as text with at least one decimal
/// ("4.0"), PostgreSQL's numeric keeps whatever scale was written. Decimals are trimmed where they are read from the
/// warehouse (facts for scoring and analysis, stored assessments, the query API), so that what is computed from them and
/// how it is written (JSON, the findings' words, the report) is the same on both.</summary>
public static class Decimals
{
    /// <summary>The value with no trailing zeros after the point: 4.00m → 4m, 95.50m → 95.5m, 0.0m → 0m.</summary>
    public static decimal Trimmed(decimal value) => value / 1.0000000000000000000000000000m;

    public static decimal? Trimmed(decimal? value) => value is { } v ? Trimmed(v) : null;
}
