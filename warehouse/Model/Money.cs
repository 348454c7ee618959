namespace QualityAnalytics.Warehouse.Model;

/// <summary>四舍五入: every score and amount is rounded half away from zero, never banker's rounding.</summary>
public static class Money
{
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
