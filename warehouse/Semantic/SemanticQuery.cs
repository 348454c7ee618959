using System.Data.Common;
using System.Globalization;
using System.Text;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>Turns a <see cref="QueryRequest"/> into one parameterised SQL statement over one mart and runs it.
/// Identifiers come only from <see cref="SemanticModel"/>; every value is a parameter; the row scope is always applied.</summary>
public static class SemanticQuery
{
    public static QueryResult Run(DbConnection connection, QueryRequest request, RowScope scope)
    {
        using var command = connection.CreateCommand();
        var (sql, columns) = Build(request, scope, command);
        command.CommandText = sql;
        var rows = new List<object?[]>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Present(columns[i], reader.GetValue(i));
            rows.Add(row);
        }
        return new QueryResult(columns, rows);
    }

    /// <summary>Builds the SQL and fills the command's parameters. Public for tests that check it is parameterised.</summary>
    public static (string Sql, IReadOnlyList<QueryColumn> Columns) Build(QueryRequest request, RowScope scope, DbCommand command)
    {
        if (request.Measures.Count == 0) throw new QueryRejectedException($"Name at least one measure: {string.Join(", ", SemanticModel.Measures.Select(m => m.Name))}.");
        var measures = request.Measures.Select(name => SemanticModel.Measure(name)
            ?? throw new QueryRejectedException($"Unknown measure '{name}'. Known: {string.Join(", ", SemanticModel.Measures.Select(m => m.Name))}.")).ToList();
        var martNames = measures.Select(m => m.Mart).Distinct().ToList();
        if (martNames.Count > 1) throw new QueryRejectedException($"Measures {string.Join(", ", request.Measures)} come from different marts ({string.Join(", ", martNames)}); ask them separately.");
        var mart = SemanticModel.Mart(martNames[0]);
        string Column(string dimension) => mart.Dimensions.TryGetValue(dimension, out var c) ? c
            : throw new QueryRejectedException($"The {mart.Name} measures cannot be split or filtered by '{dimension}'. Allowed: {string.Join(", ", mart.Dimensions.Keys)}.");

        var columns = new List<QueryColumn>();
        var select = new List<string>();
        foreach (var d in request.Dimensions.Distinct())
        {
            var def = SemanticModel.Dimensions.FirstOrDefault(x => x.Name == d) ?? throw new QueryRejectedException($"Unknown dimension '{d}'.");
            select.Add(Column(d));
            columns.Add(new QueryColumn(d, "dimension", def.LabelZh, def.LabelEn, null));
        }
        var groupBy = select.ToList();
        foreach (var m in measures)
        {
            select.Add($"{m.Sql} AS {m.Name}");
            columns.Add(new QueryColumn(m.Name, "measure", m.LabelZh, m.LabelEn, m.Format));
        }

        var where = new List<string>();
        if (mart.RowFilter is not null) where.Add(mart.RowFilter);
        var parameters = new SqlParameters(command, "@p");
        string Param(object value) => parameters.Add(value);
        // Row-level security first: a department manager's scope is part of every statement.
        if (!scope.AllDepartments)
        {
            where.Add(scope.Departments.Count == 0
                ? "1 = 0"
                : $"{Column("department")} IN ({string.Join(", ", scope.Departments.Order().Select(d => Param(d)))})");
        }
        foreach (var (dimension, values) in request.Filters)
        {
            if (values.Count == 0) continue;
            var column = Column(dimension);
            where.Add($"{column} IN ({string.Join(", ", values.Select(v => Param(FilterValue(dimension, v))))})");
        }
        if (request.QuarterFrom is not null) where.Add($"{Column("quarter")} >= {Param(QuarterKey(request.QuarterFrom))}");
        if (request.QuarterTo is not null) where.Add($"{Column("quarter")} <= {Param(QuarterKey(request.QuarterTo))}");

        var sql = new StringBuilder($"SELECT {string.Join(", ", select)} FROM {mart.Table}");
        if (where.Count > 0) sql.Append(" WHERE ").Append(string.Join(" AND ", where));
        if (groupBy.Count > 0) sql.Append(" GROUP BY ").Append(string.Join(", ", groupBy));
        sql.Append(" ORDER BY ").Append(OrderBy(request, columns, groupBy));
        sql.Append(" LIMIT ").Append(Param(Math.Clamp(request.Limit, 1, 100_000)));
        return (sql.ToString(), columns);
    }

    private static string OrderBy(QueryRequest request, List<QueryColumn> columns, List<string> groupBy)
    {
        if (request.OrderBy is { } order)
        {
            var parts = order.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var index = columns.FindIndex(c => c.Name == parts[0]);
            if (index < 0) throw new QueryRejectedException($"Cannot order by '{parts[0]}': order by one of the requested columns.");
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            return (index + 1).ToString(CultureInfo.InvariantCulture) + (descending ? " DESC" : "");
        }
        return groupBy.Count > 0 ? string.Join(", ", Enumerable.Range(1, groupBy.Count)) : "1";
    }

    private static object FilterValue(string dimension, string value) => dimension switch
    {
        "quarter" => QuarterKey(value),
        "month" => MonthKey(value),
        _ => value,
    };

    private static int QuarterKey(string text) => SlicerValues.QuarterKey(text);

    private static int MonthKey(string text) => SlicerValues.MonthKey(text);

    /// <summary>Keys become what people read: 20262 → "2026Q2", 20260401 → "2026-04".</summary>
    private static object Present(QueryColumn column, object value) => column.Name switch
    {
        "quarter" => Quarter.FromKey(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString(),
        "month" => DateKeys.ToDate(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => value,
    };
}
