using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>The earlier side of a comparison, shared by the query (<see cref="SemanticComparison"/>) and the matrix
/// (<see cref="SemanticMatrix"/>): the request moved back a quarter (or a year), how an earlier line's quarter or month
/// is moved forward to meet the line it stands beside, the comparison's columns and the values they hold.</summary>
internal static class EarlierPeriod
{
    /// <summary>The same request over the quarters as far back: its range, and its quarter and month filters, moved. So
    /// the first quarter of a range is compared with the one before the range, and a range not split by quarter (the
    /// departments of 2026Q3, say) with the range moved back as a whole (the departments of 2026Q2).</summary>
    public static QueryRequest MovedBack(QueryRequest request, Comparison comparison)
    {
        var filters = request.Filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)(f.Key switch
        {
            "quarter" => f.Value.Select(v => Back(v, comparison)).ToList(),
            "month" => f.Value.Select(v => Months(v, -MonthsBack(comparison))).ToList(),
            _ => f.Value,
        }));
        return request with
        {
            QuarterFrom = request.QuarterFrom is { } from ? Back(from, comparison) : null,
            QuarterTo = request.QuarterTo is { } to ? Back(to, comparison) : null,
            Filters = filters,
        };
    }

    /// <summary>An earlier value of a dimension as the value of the line it stands beside: a quarter the one after it (or a
    /// year after it), a month as many months after it (April beside January, or beside April a year before); any
    /// other dimension's value as it is.</summary>
    public static object? Forward(string dimension, object? value, Comparison comparison) => (dimension, value) switch
    {
        ("quarter", string quarter) => Later(Quarter.Parse(quarter), comparison).ToString(),
        ("month", string month) => Months(month, MonthsBack(comparison)),
        _ => value,
    };

    /// <summary>The comparison's columns for these measures: each one's earlier value, then each one's change.</summary>
    public static IEnumerable<QueryColumn> Columns(IReadOnlyList<QueryColumn> measures, Comparison comparison)
    {
        var (zh, en) = comparison == Comparison.PreviousQuarter ? ("上季度", "previous quarter") : ("去年同期", "same quarter last year");
        return measures.Select(m => new QueryColumn(m.Name + "_earlier", "comparison", $"{m.LabelZh}（{zh}）", $"{m.LabelEn} ({en})", m.Format))
            .Concat(measures.Select(m => new QueryColumn(m.Name + "_change", "change", $"{m.LabelZh}变化", $"{m.LabelEn} change", m.Format)));
    }

    /// <summary>The measures now, then the earlier ones, then the changes; null when neither period has the line.
    /// <paramref name="earlierHasData"/>: whether the earlier period holds data at all (a quarter the warehouse has
    /// assessed; <see cref="QuartersWithData"/>). Where it does, a line or column it lacks (a channel with no complaints
    /// then) is a member with no rows: its count was 0, shown as 0, and a change is computed; a sum's absent side counts
    /// as 0 in the change (as Power BI treats a blank in arithmetic) but is not shown as a value; an average or a rate of
    /// nothing is no 0, so it stays empty, and so does its change. Where the earlier period has no data (before the
    /// first quarter loaded), every earlier value and every change is empty: nothing to compare with.</summary>
    public static object?[]? Compared(object?[]? now, object?[]? then, IReadOnlyList<QueryColumn> measures, bool earlierHasData)
    {
        if (now is null && then is null) return null;
        var count = measures.Count;
        var values = new object?[count * 3];
        for (var k = 0; k < count; k++)
        {
            var measure = SemanticModel.Measure(measures[k].Name);
            values[k] = now?[k];
            values[count + k] = then?[k] ?? (earlierHasData && measure is { Decimals: null } ? 0L : null);
            values[2 * count + k] = earlierHasData && measure is { Additive: true } && (values[k] ?? values[count + k]) is not null
                ? Change(values[k] ?? Zero(measure), values[count + k] ?? Zero(measure))
                : Change(values[k], values[count + k]);
        }
        return values;
    }

    /// <summary>The quarters of the earlier request's range that hold data: those the warehouse has assessed (every
    /// loaded quarter is, a department without data as 未考核), under the row scope, whatever the request's other filters
    /// select: a channel with no complaints in a loaded quarter had 0 of them, not none known.</summary>
    public static IReadOnlySet<string> QuartersWithData(DbConnection connection, QueryRequest earlier, RowScope scope)
    {
        var assessed = SemanticQuery.Run(connection, new QueryRequest
        {
            Measures = ["departments"], Dimensions = ["quarter"], QuarterFrom = earlier.QuarterFrom, QuarterTo = earlier.QuarterTo,
            Filters = earlier.Filters.Where(f => f.Key == "quarter").ToDictionary(f => f.Key, f => f.Value),
            Limit = 100_000,
        }, scope);
        return assessed.Rows.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToHashSet();
    }

    /// <summary>Whether the earlier period of a line (or cell) with these dimension values holds data: its quarter moved
    /// back (or its month's) is among <paramref name="withData"/>; without the quarter or month among them, the whole
    /// range moved back, which holds data when any of its quarters does.</summary>
    public static bool HasData(IEnumerable<(string Dimension, object? Value)> line, Comparison comparison, IReadOnlySet<string> withData)
    {
        foreach (var (dimension, value) in line)
        {
            if (dimension == "quarter" && value is string quarter) return withData.Contains(Back(quarter, comparison));
            if (dimension == "month" && value is string month) return withData.Contains(QuarterOf(Months(month, -MonthsBack(comparison))));
        }
        return withData.Count > 0;
    }

    private static string QuarterOf(string month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month[..4]}Q{(int.Parse(month[5..7], CultureInfo.InvariantCulture) - 1) / 3 + 1}");

    /// <summary>Now minus then, in the type the measure has (a count stays whole); empty when either is (for an additive
    /// measure only when both are: the caller made a single absent side 0).</summary>
    private static object? Change(object? now, object? then) => (now, then) switch
    {
        (long a, long b) => a - b,
        (decimal a, decimal b) => a - b,
        _ => null,
    };

    /// <summary>An absent count or sum as 0 of its own type (used only when the other side has a value: with neither, the
    /// change stays empty).</summary>
    private static object Zero(MeasureDef? measure) => measure?.Decimals is null ? (object)0L : 0m; // boxed apart: `? 0L : 0m` alone would make both decimal

    private static string Back(string quarter, Comparison comparison)
    {
        var q = Quarter.FromKey(SlicerValues.QuarterKey(quarter));
        return (comparison == Comparison.PreviousQuarter ? q.Previous() : q.SameQuarterLastYear()).ToString();
    }

    private static Quarter Later(Quarter q, Comparison comparison) => comparison == Comparison.PreviousQuarter ? q.Next() : new Quarter(q.Year + 1, q.Number);

    private static int MonthsBack(Comparison comparison) => comparison == Comparison.PreviousQuarter ? 3 : 12;

    private static string Months(string month, int add)
    {
        SlicerValues.MonthKey(month); // a month such as 2026-04, or the query's own rejection
        return DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(add).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }
}
