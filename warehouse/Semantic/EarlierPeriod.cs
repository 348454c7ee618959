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

    /// <summary>The measures now, then the earlier ones, then the changes; null when neither period has the line. A
    /// change is empty where either side is, except for a count or a sum (<see cref="MeasureDef.Additive"/>), whose
    /// absent side counts as 0, as Power BI treats a blank in arithmetic: a channel with one complaint last quarter and
    /// none now fell by 1, which an empty change would read as no change. An average or a rate of nothing is no 0, so
    /// theirs stays empty. The values themselves stay as they are (an absent one is still shown empty).</summary>
    public static object?[]? Compared(object?[]? now, object?[]? then, IReadOnlyList<QueryColumn> measures)
    {
        if (now is null && then is null) return null;
        var count = measures.Count;
        var values = new object?[count * 3];
        for (var k = 0; k < count; k++)
        {
            values[k] = now?[k];
            values[count + k] = then?[k];
            values[2 * count + k] = SemanticModel.Measure(measures[k].Name) is { Additive: true } measure && (values[k] ?? values[count + k]) is not null
                ? Change(values[k] ?? Zero(measure), values[count + k] ?? Zero(measure))
                : Change(values[k], values[count + k]);
        }
        return values;
    }

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
    private static object Zero(MeasureDef measure) => measure.Decimals is null ? (object)0L : 0m; // boxed apart: `? 0L : 0m` alone would make both decimal

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
