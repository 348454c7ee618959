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
        Quarter.TryParse(text, out var q) ? q.Key : throw new QueryRejectedException(QueryRejection.NotAQuarter, $"'{text}' is not a quarter such as 2026Q2.", text);

    public static int MonthKey(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? DateKeys.Of(d) : throw new QueryRejectedException(QueryRejection.NotAMonth, $"'{text}' is not a month such as 2026-04.", text);
}

/// <summary>The one order of values the answers use: nulls first (as SQLite sorts them ascending; PostgreSQL puts them
/// last), numbers by value whatever type the engine returned them as, text by code point (as SQLite's BINARY and
/// PostgreSQL's "C" collation do, not by the database's locale).</summary>
internal static class QueryValues
{
    public static int Compare(object? x, object? y)
    {
        if (x is null || y is null) return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        if (x is string a && y is string b) return string.CompareOrdinal(a, b);
        if (IsNumber(x) && IsNumber(y)) return Convert.ToDecimal(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(y, CultureInfo.InvariantCulture));
        return string.CompareOrdinal(Convert.ToString(x, CultureInfo.InvariantCulture), Convert.ToString(y, CultureInfo.InvariantCulture));
    }

    private static bool IsNumber(object value) => value is int or long or short or decimal or double or float;
}
