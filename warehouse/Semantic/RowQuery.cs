using System.Data.Common;
using System.Globalization;
using Npgsql;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>The rows behind a number (drill-down): complaints, checks or survey answers, filtered by the same slicers
/// as the charts, searchable, sortable and paged on the server. Columns and sort keys come from a whitelist; values
/// are parameters; the row scope is always applied.</summary>
public static partial class RowQuery
{
    public sealed record RowRequest
    {
        public string? QuarterFrom { get; init; }
        public string? QuarterTo { get; init; }
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
        public string? Search { get; init; }
        public string? Sort { get; init; }
        public bool Descending { get; init; }
        public int Page { get; init; } = 1;
        public int PageSize { get; init; } = 50;
    }

    public sealed record RowPage(IReadOnlyList<RowColumn> Columns, IReadOnlyList<object?[]> Rows, long Total, int Page, int PageSize);

    public static RowPage Run(DbConnection connection, string kind, RowRequest request, RowScope scope)
    {
        using var count = connection.CreateCommand();
        using var select = connection.CreateCommand();
        var (source, page, pageSize, countedInPage) = Prepare(connection, kind, request, scope, count, select);
        long? total = countedInPage ? null : Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        var rows = new List<object?[]>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(Row(reader, source));
                if (countedInPage) total = Convert.ToInt64(reader.GetValue(source.Columns.Count), CultureInfo.InvariantCulture);
            }
        }
        // A page past the last one carries no count: nothing on the first page means nothing at all; further on, ask.
        total ??= page == 1 ? 0 : Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new RowPage(source.Columns, rows, total.Value, page, pageSize);
    }

    /// <summary>Every matching row in the page's order, read by one statement as the caller enumerates (an export):
    /// paging through them instead sorted all the matches again for every page of 500 (72,900 complaints: 146
    /// statements, 18.9 s). The rows are read while the enumeration runs, on the caller's open connection.</summary>
    public static (IReadOnlyList<RowColumn> Columns, IEnumerable<object?[]> Rows) All(DbConnection connection, string kind, RowRequest request, RowScope scope)
    {
        var source = Source(kind);
        // Built now, so that a request the whitelist refuses is refused before anything is read or written.
        var select = connection.CreateCommand();
        try
        {
            var where = Where(source, request, scope, select);
            select.CommandText = $"SELECT {string.Join(", ", source.Columns.Select(c => c.Sql))} FROM {source.From}{where} ORDER BY {OrderBy(connection, source, request)}";
        }
        catch
        {
            select.Dispose();
            throw;
        }
        return (source.Columns, Read(select, source));
    }

    /// <summary>The statement's rows; the statement is disposed when the enumeration ends.</summary>
    private static IEnumerable<object?[]> Read(DbCommand select, RowSource source)
    {
        using (select)
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read()) yield return Row(reader, source);
        }
    }

    /// <summary>The reader's current row, each column in the one form both engines answer with.</summary>
    private static object?[] Row(DbDataReader reader, RowSource source)
    {
        var row = new object?[source.Columns.Count];
        for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Present(source.Columns[i].Kind, reader.GetValue(i));
        return row;
    }

    /// <summary>The sort column, then the key columns: one total order on both engines.</summary>
    private static string OrderBy(DbConnection connection, RowSource source, RowRequest request)
    {
        var sortColumn = request.Sort is null ? source.Columns[0]
            : source.Columns.FirstOrDefault(c => c.Name == request.Sort) ?? throw new QueryRejectedException(QueryRejection.SortNotAllowed,
                $"Cannot sort by '{request.Sort}'. Sort by one of: {string.Join(", ", source.Columns.Select(c => c.Name))}.", request.Sort, string.Join(", ", source.Columns.Select(c => c.Name)));
        var onPostgres = connection is NpgsqlConnection;
        return string.Join(", ", source.KeyColumns.Prepend(sortColumn).Select((c, i) => SortKey(c, i == 0 && request.Descending, onPostgres)));
    }

    /// <summary>The two statements of a page, ready to run: the count of the matching rows and the page's rows. With a
    /// search (<paramref name="countedInPage"/>) the page's statement also counts the matches, in a last column: the
    /// search reads the text of every row in range, and once is enough (144,000 complaints: 0.53 s → 0.25 s); the
    /// count is then needed only for a page past the last. Without one the count reads only the quarter index, cheaper
    /// than counting alongside the page.</summary>
    internal static (RowSource Source, int Page, int PageSize, bool CountedInPage) Prepare(DbConnection connection, string kind, RowRequest request,
        RowScope scope, DbCommand count, DbCommand select)
    {
        var source = Source(kind);
        var where = Where(source, request, scope, count);
        count.CommandText = $"SELECT COUNT(*) FROM {source.FromFor(where)}{where}";

        where = Where(source, request, scope, select);
        var pageSize = Math.Clamp(request.PageSize, 1, 500);
        var page = Math.Max(1, request.Page);
        var orderBy = OrderBy(connection, source, request);
        var countedInPage = !string.IsNullOrWhiteSpace(request.Search);
        // The page's rows are chosen first, by id, with only the dimensions the filters and the sort need; only those
        // rows are then joined to every dimension for their columns, so the sort carries the sort keys and ids of the
        // matching rows rather than their whole width. Every alias the inner statement names must be joined in it:
        // one left out would silently refer to the outer statement's and make the subquery correlated (a test guards it).
        var chosen = $"SELECT f.id{(countedInPage ? ", COUNT(*) OVER () AS total" : "")} FROM {source.FromFor(where, orderBy)}{where} " +
                     $"ORDER BY {orderBy} LIMIT {pageSize} OFFSET {(page - 1) * pageSize}";
        var columns = string.Join(", ", source.Columns.Select(c => c.Sql));
        select.CommandText = countedInPage
            ? $"SELECT {columns}, p.total FROM ({chosen}) p JOIN {source.Fact} ON f.id = p.id {source.Joins} ORDER BY {orderBy}"
            : $"SELECT {columns} FROM {source.From} WHERE f.id IN ({chosen}) ORDER BY {orderBy}";
        return (source, page, pageSize, countedInPage);
    }

    /// <summary>One order on both engines: decimals by value (SQLite stores them as text, which would put 100.0 before
    /// 94.5), text by code point (SQLite's BINARY; on PostgreSQL the "C" collation, not the database's locale), and
    /// nulls where SQLite puts them (first going up, last going down), said out loud because PostgreSQL's defaults are
    /// the other way round.</summary>
    private static string SortKey(RowColumn column, bool descending, bool onPostgres)
    {
        var key = column.Kind switch
        {
            RowValue.Decimal => $"CAST({column.Sql} AS NUMERIC)",
            RowValue.Text when onPostgres => column.Sql + " COLLATE \"C\"",
            _ => column.Sql,
        };
        return key + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
    }

    private static string Where(RowSource source, RowRequest request, RowScope scope, DbCommand command)
    {
        var where = new List<string>();
        var parameters = new SqlParameters(command, "@r");
        string Param(object value) => parameters.Add(value);
        if (!scope.AllDepartments)
            where.Add(scope.Departments.Count == 0 ? "1 = 0" : $"{source.DepartmentSql} IN ({string.Join(", ", scope.Departments.Order().Select(d => Param(d)))})");
        if (request.QuarterFrom is not null) where.Add($"{source.QuarterSql} >= {Param(QuarterKey(request.QuarterFrom))}");
        if (request.QuarterTo is not null) where.Add($"{source.QuarterSql} <= {Param(QuarterKey(request.QuarterTo))}");
        foreach (var (name, values) in request.Filters)
        {
            if (values.Count == 0) continue;
            var sql = name switch
            {
                "department" => source.DepartmentSql,
                "quarter" => source.QuarterSql,
                _ => source.FilterSql.TryGetValue(name, out var s) ? s : throw new QueryRejectedException(QueryRejection.FilterNotAllowed, $"Rows '{source.Kind}' cannot be filtered by '{name}'.", name, source.Kind),
            };
            where.Add($"{sql} IN ({string.Join(", ", values.Select(v => Param(Value(name, v))))})");
        }
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            // Case-insensitive on both engines, and the text searched for literally: %, _ and the escape character itself
            // are escaped. SQLite's LIKE already ignores case (for ASCII, as its lower() does); PostgreSQL's does not, so
            // there both sides are lowered (on SQLite that would only cost a third more time over 144,000 rows).
            var like = Param("%" + EscapeLike(request.Search.Trim()) + "%");
            var test = command is NpgsqlCommand ? (Func<string, string>)(s => $"lower({s}) LIKE lower({like}) ESCAPE '\\'") : s => $"{s} LIKE {like} ESCAPE '\\'";
            where.Add("(" + string.Join(" OR ", source.SearchSql.Select(test)) + ")");
        }
        return where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static object Value(string name, string text) => name switch
    {
        "quarter" => QuarterKey(text),
        "month" => SlicerValues.MonthKey(text),
        _ => text,
    };

    private static int QuarterKey(string text) => SlicerValues.QuarterKey(text);

    private static object Present(RowValue kind, object value) => kind switch
    {
        RowValue.Quarter => Quarter.FromKey(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString(),
        RowValue.Month => DateKeys.ToDate(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        RowValue.Day => DateKeys.ToDate(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RowValue.Flag => value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        RowValue.Count => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        RowValue.Decimal => Decimals.Trimmed(value is string text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        RowValue.Time => WallTime(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        RowValue.Deadline => Scoring.ServiceTargetRules.DeadlineText(WallTime(value)),
        _ => value,
    };

    /// <summary>A stored local wall time: text on SQLite, a timestamp without time zone on PostgreSQL.</summary>
    private static DateTime WallTime(object value) =>
        value is DateTime time ? time : DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
