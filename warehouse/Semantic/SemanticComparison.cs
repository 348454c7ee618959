using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>What a query's measures are compared with: nothing, the quarter before (环比) or the same quarter a year
/// before (同比).</summary>
public enum Comparison
{
    None,
    PreviousQuarter,
    LastYear,
}

/// <summary>A query with each measure beside its value in an earlier quarter and the change from it (Power BI's
/// "quarter-over-quarter" quick measure). The earlier values come from the same query over the range moved back — so
/// the first quarter of a range is compared with the one before the range, not left blank — under the same filters and
/// row scope, and are matched to each line by its other dimensions. The change is current minus earlier, in the
/// measure's own unit (a rate's in points of the rate), and empty where either is.</summary>
public static class SemanticComparison
{
    public const string Previous = "previous";
    public const string Year = "year";

    public static Comparison Parse(string? text) => text switch
    {
        null or "" => Comparison.None,
        Previous => Comparison.PreviousQuarter,
        Year => Comparison.LastYear,
        _ => throw new QueryRejectedException(QueryRejection.UnknownComparison, $"Unknown comparison '{text}': {Previous} or {Year}.", text, $"{Previous}, {Year}"),
    };

    public static QueryResult Run(DbConnection connection, QueryRequest request, Comparison comparison, RowScope scope)
    {
        if (comparison == Comparison.None) return SemanticQuery.Run(connection, request, scope);
        // Ordered by an earlier value or a change ("complaints_change desc": the biggest rises first), the lines are
        // ordered here, once those are known, and only then cut to the limit; the query itself keeps every line.
        var byComparison = ComparisonOrder(request.OrderBy);
        var current = SemanticQuery.Run(connection, byComparison is null ? request : request with { OrderBy = null, Limit = 100_000 }, scope);
        var dimensions = current.Columns.TakeWhile(c => c.Role == "dimension").Select(c => c.Name).ToList();
        var quarterAt = dimensions.IndexOf("quarter");
        if (quarterAt < 0)
            throw new QueryRejectedException(QueryRejection.ComparisonNeedsQuarter, "A comparison with an earlier quarter needs the quarter among the dimensions.");

        Quarter Back(Quarter q) => comparison == Comparison.PreviousQuarter ? q.Previous() : q.SameQuarterLastYear();
        string? Moved(string? text) => text is null ? null : Back(Quarter.FromKey(SlicerValues.QuarterKey(text))).ToString();
        var filters = request.Filters.ToDictionary(f => f.Key, f => f.Key == "quarter" ? f.Value.Select(v => Moved(v)!).ToList() : f.Value);
        var earlier = SemanticQuery.Run(connection, request with
        {
            QuarterFrom = Moved(request.QuarterFrom), QuarterTo = Moved(request.QuarterTo), Filters = filters, OrderBy = null, Limit = 100_000,
        }, scope);

        // An earlier line stands beside the current line whose quarter is the one after it (or a year after it), and, split
        // by month too, whose month is as many months after it: April beside January (or beside April a year before).
        var monthAt = dimensions.IndexOf("month");
        var months = comparison == Comparison.PreviousQuarter ? 3 : 12;
        Quarter Later(Quarter q) => comparison == Comparison.PreviousQuarter ? q.Next() : new Quarter(q.Year + 1, q.Number);
        string Forward(object? value, int i) => i == quarterAt
            ? Later(Quarter.Parse((string)value!)).ToString()
            : DateOnly.ParseExact((string)value! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        string Key(object?[] row, bool moveForward) => string.Join('\u001f', row.Take(dimensions.Count).Select((v, i) =>
            moveForward && v is not null && (i == quarterAt || i == monthAt) ? Forward(v, i) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "\u0000"));
        var byLine = earlier.Rows.ToDictionary(r => Key(r, moveForward: true));

        var measures = current.Columns.Skip(dimensions.Count).ToList();
        var (zh, en) = comparison == Comparison.PreviousQuarter ? ("上季度", "previous quarter") : ("去年同期", "same quarter last year");
        var columns = current.Columns
            .Concat(measures.Select(m => new QueryColumn(m.Name + "_earlier", "comparison", $"{m.LabelZh}（{zh}）", $"{m.LabelEn} ({en})", m.Format)))
            .Concat(measures.Select(m => new QueryColumn(m.Name + "_change", "change", $"{m.LabelZh}变化", $"{m.LabelEn} change", m.Format)))
            .ToList();
        var rows = current.Rows.Select(row =>
        {
            var before = byLine.GetValueOrDefault(Key(row, moveForward: false));
            var values = measures.Select((_, k) => before?[dimensions.Count + k]).ToList();
            var changes = measures.Select((_, k) => Change(row[dimensions.Count + k], values[k]));
            return row.Concat(values).Concat(changes).ToArray();
        }).ToList();
        if (byComparison is { } order) rows = Ordered(rows, columns, order, request.Limit);
        return new QueryResult(columns, rows);
    }

    /// <summary>The column and direction of an order on a comparison's column; null for any other order (the query's own).</summary>
    private static (string Column, bool Descending)? ComparisonOrder(string? orderBy)
    {
        var parts = (orderBy ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !(parts[0].EndsWith("_earlier", StringComparison.Ordinal) || parts[0].EndsWith("_change", StringComparison.Ordinal)))
            return null;
        return (parts[0], parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The lines by one comparison column, empty values last either way; lines that tie keep the query's order
    /// (its dimensions ascending), so every engine gives the same order.</summary>
    private static List<object?[]> Ordered(List<object?[]> rows, List<QueryColumn> columns, (string Column, bool Descending) order, int limit)
    {
        var at = columns.FindIndex(c => c.Name == order.Column);
        if (at < 0 || columns[at].Role is not ("comparison" or "change"))
            throw new QueryRejectedException(QueryRejection.OrderNotRequested, $"Cannot order by '{order.Column}': order by one of the requested columns.", order.Column);
        var present = rows.OrderBy(r => r[at] is null);
        var sorted = order.Descending ? present.ThenByDescending(r => r[at], Comparer<object?>.Default) : present.ThenBy(r => r[at], Comparer<object?>.Default);
        return [.. sorted.Take(Math.Clamp(limit, 1, 100_000))];
    }

    /// <summary>Now minus then, in the type the measure has (a count stays whole); empty when either is.</summary>
    private static object? Change(object? now, object? then) => (now, then) switch
    {
        (long a, long b) => a - b,
        (decimal a, decimal b) => a - b,
        _ => null,
    };
}
