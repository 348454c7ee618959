using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>Adds values to a command as numbered parameters, so that nothing a caller sends is ever written into SQL.</summary>
internal sealed class SqlParameters(DbCommand command, string prefix)
{
    private int _next;

    public string Add(object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = prefix + _next++;
        p.Value = value;
        command.Parameters.Add(p);
        return p.ParameterName;
    }

    public string In(IEnumerable<object> values) => "(" + string.Join(", ", values.Select(Add)) + ")";
}

/// <summary>The slicers' values as the marts store them: quarters as 20262, months as the date key of their first day.</summary>
internal static class SlicerValues
{
    public static int QuarterKey(string text) =>
        Quarter.TryParse(text, out var q) ? q.Key : throw new QueryRejectedException($"'{text}' is not a quarter such as 2026Q2.");

    public static int MonthKey(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? DateKeys.Of(d) : throw new QueryRejectedException($"'{text}' is not a month such as 2026-04.");
}
