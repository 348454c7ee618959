using System.Data.Common;
using System.Globalization;

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
/// row scope, and are matched to each line by its other dimensions; without the quarter among the dimensions (the
/// departments of 2026Q3, say), the whole range is compared with the range moved back (the departments of 2026Q2). The
/// change is current minus earlier, in the measure's own unit (a rate's in points of the rate). A line the earlier period
/// lacks while that period holds data has a count of 0 then; an average or a rate stays empty; before the first quarter
/// with data everything earlier is empty (<see cref="EarlierPeriod.Compared"/>).</summary>
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
        var earlierRequest = EarlierPeriod.MovedBack(request, comparison);
        var earlier = SemanticQuery.Run(connection, earlierRequest with { OrderBy = null, Limit = 100_000 }, scope);
        var withData = EarlierPeriod.QuartersWithData(connection, earlierRequest, scope);

        // An earlier line stands beside the current line whose quarter (or month) is as far after it; without the quarter
        // among the dimensions, beside the line of the same values (the whole range was moved back).
        string Key(object?[] row, bool moveForward) => string.Join('\u001f', row.Take(dimensions.Count).Select((v, i) =>
            Convert.ToString(moveForward ? EarlierPeriod.Forward(dimensions[i], v, comparison) : v, CultureInfo.InvariantCulture) ?? "\u0000"));
        var byLine = earlier.Rows.ToDictionary(r => Key(r, moveForward: true), r => r[dimensions.Count..]);

        var measures = current.Columns.Skip(dimensions.Count).ToList();
        var columns = current.Columns.Concat(EarlierPeriod.Columns(measures, comparison)).ToList();
        var rows = current.Rows.Select(row => (object?[])[
            .. row.Take(dimensions.Count),
            .. EarlierPeriod.Compared(row[dimensions.Count..], byLine.GetValueOrDefault(Key(row, moveForward: false)), measures,
                EarlierPeriod.HasData(dimensions.Select((d, i) => (d, row[i])), comparison, withData))!,
        ]).ToList();
        if (byComparison is { } order) rows = Ordered(rows, columns, order, request.Limit);
        return new QueryResult(columns, rows);
    }

    /// <summary>The column and direction of an order on a comparison's column; null for any other order (the query's own).</summary>
    internal static (string Column, bool Descending)? ComparisonOrder(string? orderBy)
    {
        var parts = (orderBy ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !(parts[0].EndsWith("_earlier", StringComparison.Ordinal) || parts[0].EndsWith("_change", StringComparison.Ordinal)))
            return null;
        return (parts[0], parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Where the ordering comparison column is among the columns; refused when it is not one of them.</summary>
    internal static int OrderColumn(IReadOnlyList<QueryColumn> columns, string column)
    {
        var at = columns.ToList().FindIndex(c => c.Name == column);
        if (at < 0 || columns[at].Role is not ("comparison" or "change"))
            throw new QueryRejectedException(QueryRejection.OrderNotRequested, $"Cannot order by '{column}': order by one of the requested columns.", column);
        return at;
    }

    /// <summary>Lines by one comparison value, empty values last either way; lines that tie keep the query's order (its
    /// dimensions ascending), so every engine gives the same order.</summary>
    internal static IEnumerable<T> Sorted<T>(IEnumerable<T> lines, Func<T, object?> value, bool descending)
    {
        var present = lines.OrderBy(l => value(l) is null);
        return descending ? present.ThenByDescending(value, Comparer<object?>.Default) : present.ThenBy(value, Comparer<object?>.Default);
    }

    private static List<object?[]> Ordered(List<object?[]> rows, List<QueryColumn> columns, (string Column, bool Descending) order, int limit)
    {
        var at = OrderColumn(columns, order.Column);
        return [.. Sorted(rows, r => r[at], order.Descending).Take(Math.Clamp(limit, 1, 100_000))];
    }
}
