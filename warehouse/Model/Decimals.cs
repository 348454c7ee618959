namespace QualityAnalytics.Warehouse.Model;

/// <summary>One written form per decimal value. A decimal carries its scale (4.0m and 4.00m are equal but print
/// differently), and the engines keep different scales: SQLite stores decimals as text with at least one decimal
/// ("4.0"), PostgreSQL's numeric keeps whatever scale was written. Values that leave the warehouse through the query
/// API are trimmed, so that the same number reads the same on both.</summary>
public static class Decimals
{
    /// <summary>The value with no trailing zeros after the point: 4.00m → 4m, 95.50m → 95.5m, 0.0m → 0m.</summary>
    public static decimal Trimmed(decimal value) => value / 1.0000000000000000000000000000m;
}
