using System.Data.Common;
using System.Globalization;

namespace QualityAnalytics.Warehouse.Semantic;

public static partial class RowQuery
{
    /// <summary>One value of a column and how many of the matching rows hold it (null: rows without one).</summary>
    public sealed record ValueCount(string? Value, long Count);

    /// <summary>How many of the rows a page would show (the same slicers, search and row scope) hold each value of one of
    /// the kind's filterable columns, most first: the tally beside the rows (a complaint page's 按时完成 / 超时完成 … counts,
    /// which give back the on-time rate the overview's card shows for the same slicers).</summary>
    public static IReadOnlyList<ValueCount> CountsBy(DbConnection connection, string kind, string column, RowRequest request, RowScope scope)
    {
        var source = Source(kind);
        var sql = source.FilterSql.TryGetValue(column, out var s) ? s : throw new QueryRejectedException(QueryRejection.CountNotAllowed,
            $"Rows '{source.Kind}' cannot be counted by '{column}'. Count by one of: {string.Join(", ", source.FilterSql.Keys)}.", column, string.Join(", ", source.FilterSql.Keys));
        using var command = connection.CreateCommand();
        var where = Where(source, request, scope, command);
        // The value itself breaks ties, so that both engines give one order.
        command.CommandText = $"SELECT {sql} AS v, COUNT(*) AS n FROM {source.FromFor(where, sql)}{where} GROUP BY {sql} ORDER BY n DESC, v";
        var counts = new List<ValueCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            counts.Add(new ValueCount(reader.IsDBNull(0) ? null : Shown(column, reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        return counts;
    }

    /// <summary>A value as the slicer that filters by it names it: a month as "2026-04", anything else as stored.</summary>
    private static string Shown(string column, object value) => column == "month"
        ? (string)Present(RowValue.Month, value)
        : Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
