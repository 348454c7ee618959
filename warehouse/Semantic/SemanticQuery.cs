using System.Data.Common;
using System.Globalization;
using System.Text;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>Turns a <see cref="QueryRequest"/> into one parameterised SQL statement over one mart and runs it.
/// Identifiers come only from <see cref="SemanticModel"/>; every value is a parameter; the row scope is always applied.
/// The database filters and groups; the measures are finished, ordered and limited here, so that the answer is the
/// same on SQLite and PostgreSQL (their rounding, their collations and where they put nulls all differ). A mart is
/// pre-aggregated, so its groups are few.</summary>
public static class SemanticQuery
{
    public static QueryResult Run(DbConnection connection, QueryRequest request, RowScope scope)
    {
        using var command = connection.CreateCommand();
        var plan = Build(request, scope, command);
        command.CommandText = plan.Sql;
        var rows = new List<object?[]>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) rows.Add(plan.Row(reader));
        }
        rows.Sort(plan.Order);
        var presented = rows.Take(Math.Clamp(request.Limit, 1, 100_000)).Select(plan.Present).ToList();
        return new QueryResult(plan.Columns, presented);
    }

    private static string KnownMeasures => string.Join(", ", SemanticModel.Measures.Select(m => m.Name));

    /// <summary>Builds the SQL and fills the command's parameters. Public for tests that check it is parameterised.</summary>
    public static QueryPlan Build(QueryRequest request, RowScope scope, DbCommand command)
    {
        if (request.Measures.Count == 0) throw new QueryRejectedException(QueryRejection.NoMeasure, $"Name at least one measure: {KnownMeasures}.", KnownMeasures);
        var measures = request.Measures.Select(name => SemanticModel.Measure(name)
            ?? throw new QueryRejectedException(QueryRejection.UnknownMeasure, $"Unknown measure '{name}'. Known: {KnownMeasures}.", name, KnownMeasures)).ToList();
        var martNames = measures.Select(m => m.Mart).Distinct().ToList();
        if (martNames.Count > 1)
        {
            string asked = string.Join(", ", request.Measures), marts = string.Join(", ", martNames);
            throw new QueryRejectedException(QueryRejection.MeasuresFromDifferentMarts, $"Measures {asked} come from different marts ({marts}); ask them separately.", asked, marts);
        }
        var mart = SemanticModel.Mart(martNames[0]);
        string Column(string dimension) => mart.Dimensions.TryGetValue(dimension, out var c) ? c
            : throw new QueryRejectedException(QueryRejection.DimensionNotInMart,
                $"The {mart.Name} measures cannot be split or filtered by '{dimension}'. Allowed: {string.Join(", ", mart.Dimensions.Keys)}.",
                dimension, string.Join(", ", mart.Dimensions.Keys), mart.Name);

        var columns = new List<QueryColumn>();
        var select = new List<string>();
        foreach (var d in request.Dimensions.Distinct())
        {
            var def = SemanticModel.Dimensions.FirstOrDefault(x => x.Name == d) ?? throw new QueryRejectedException(QueryRejection.UnknownDimension, $"Unknown dimension '{d}'.", d);
            select.Add(Column(d));
            columns.Add(new QueryColumn(d, "dimension", def.LabelZh, def.LabelEn, null));
        }
        var groupBy = select.ToList();
        foreach (var m in measures)
        {
            select.Add($"{m.Numerator} AS {m.Name}");
            if (m.Denominator is not null) select.Add($"{m.Denominator} AS {m.Name}_of");
            var (label, note) = MeasureLabels.For(m, request.ServiceTargets);
            columns.Add(new QueryColumn(m.Name, "measure", label.Zh, label.En, m.Format, note?.Zh, note?.En));
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
        return new QueryPlan(sql.ToString(), columns, groupBy.Count, measures, OrderBy(request, columns, groupBy.Count));
    }

    /// <summary>The ordering as column indexes: the requested column first (descending if asked), then every dimension
    /// ascending, so that ties fall the same way on every engine.</summary>
    private static IReadOnlyList<(int Index, bool Descending)> OrderBy(QueryRequest request, List<QueryColumn> columns, int dimensions)
    {
        var order = new List<(int, bool)>();
        if (request.OrderBy is { } text)
        {
            var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = parts.Length == 0 ? "" : parts[0];
            var index = columns.FindIndex(c => c.Name == name);
            if (index < 0) throw new QueryRejectedException(QueryRejection.OrderNotRequested, $"Cannot order by '{name}': order by one of the requested columns.", name);
            order.Add((index, parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        order.AddRange(Enumerable.Range(0, dimensions).Select(i => (i, false)));
        return order;
    }

    private static object FilterValue(string dimension, string value) => dimension switch
    {
        "quarter" => QuarterKey(value),
        "month" => MonthKey(value),
        _ => value,
    };

    private static int QuarterKey(string text) => SlicerValues.QuarterKey(text);

    private static int MonthKey(string text) => SlicerValues.MonthKey(text);
}
