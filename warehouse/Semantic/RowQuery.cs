using System.Data.Common;
using System.Globalization;
using Npgsql;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>The rows behind a number (drill-down): complaints, checks or survey answers, filtered by the same slicers
/// as the charts, searchable, sortable and paged on the server. Columns and sort keys come from a whitelist; values
/// are parameters; the row scope is always applied.</summary>
public static class RowQuery
{
    /// <summary>What a column holds, which decides how its value is sent: the engines return the same value as
    /// different types (a decimal is text on SQLite and numeric on PostgreSQL, a time text or DateTime, a flag an
    /// integer or a boolean), and the API answers the same on both.</summary>
    public enum RowValue
    {
        Text,
        /// <summary>A decimal, sent as a number with no trailing zeros.</summary>
        Decimal,
        /// <summary>A boolean.</summary>
        Flag,
        /// <summary>A local wall time, sent to the minute: "2026-04-01 09:30".</summary>
        Time,
        /// <summary>A date key (20260401), sent as "2026-04-01".</summary>
        Day,
        /// <summary>The date key of a month's first day, sent as "2026-04".</summary>
        Month,
        /// <summary>A quarter key (20262), sent as "2026Q2".</summary>
        Quarter,
    }

    public sealed record RowColumn(string Name, string Sql, string LabelZh, string LabelEn, RowValue Kind = RowValue.Text);

    /// <param name="Key">The columns that tell one row from another (the fact's natural key; null: the first column).
    /// Every page is ordered by them after the sort column, so that paging is stable and both engines give the same order.</param>
    public sealed record RowSource(string Kind, string From, IReadOnlyList<RowColumn> Columns, string DepartmentSql, string QuarterSql,
        IReadOnlyDictionary<string, string> FilterSql, IReadOnlyList<string> SearchSql, IReadOnlyList<string>? Key = null)
    {
        public IReadOnlyList<RowColumn> KeyColumns => Key is null ? [Columns[0]] : Key.Select(k => Columns.Single(c => c.Name == k)).ToList();
    }

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

    private const string DeptJoin = "JOIN dim_department d ON d.department_key = f.department_key";

    public static readonly IReadOnlyList<RowSource> Sources =
    [
        new("complaints",
            $"fact_complaint f {DeptJoin} JOIN dim_channel ch ON ch.channel_key = f.channel_key LEFT JOIN dim_category cat ON cat.category_key = f.category_key LEFT JOIN dim_customer cu ON cu.customer_key = f.customer_key",
            [
                new("complaint_id", "f.complaint_id", "投诉编号", "Complaint"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("received_at", "f.received_at", "受理时间", "Received", RowValue.Time),
                new("channel", "ch.name", "渠道", "Channel"), new("category", "cat.name", "类别", "Category"), new("valid", "f.valid", "有效", "Valid", RowValue.Flag),
                new("customer", "cu.name", "客户", "Customer"), new("replied_at", "f.replied_at", "回复时间", "Replied", RowValue.Time),
                new("resolved_at", "f.resolved_at", "解决时间", "Resolved", RowValue.Time), new("direct_deduction", "f.direct_deduction", "主业扣分", "Direct deduction", RowValue.Decimal),
                new("handler", "f.handler", "处理人", "Handler"), new("satisfaction", "f.satisfaction", "满意度", "Satisfaction"),
                new("description", "f.description", "投诉内容", "Description"),
            ],
            "d.code", "f.quarter_key",
            new Dictionary<string, string> { ["channel"] = "ch.name", ["category"] = "COALESCE(cat.name, '未分类')", ["month"] = "(f.received_date_key / 100 * 100 + 1)", ["complaint_id"] = "f.complaint_id" },
            ["f.complaint_id", "f.description", "cu.name", "f.handler"]),
        new("checks", $"fact_check f {DeptJoin}",
            [
                new("check_id", "f.check_id", "检查编号", "Check"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("month", "f.month_key", "月份", "Month", RowValue.Month),
                new("kind", "f.kind", "检查类型", "Kind"), new("score", "f.score", "得分", "Score", RowValue.Decimal), new("inspector", "f.inspector", "检查人", "Inspector"),
                new("note", "f.note", "备注", "Note"),
            ],
            "d.code", "f.quarter_key", new Dictionary<string, string> { ["kind"] = "f.kind", ["month"] = "f.month_key", ["check_id"] = "f.check_id" },
            ["f.check_id", "f.inspector", "f.note"]),
        new("surveys", $"fact_survey_answer f {DeptJoin} JOIN dim_customer cu ON cu.customer_key = f.customer_key JOIN dim_survey_question q ON q.question_key = f.question_key",
            [
                new("response_id", "f.response_id", "问卷编号", "Questionnaire"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("quarter", "f.quarter_key", "季度", "Quarter", RowValue.Quarter),
                new("customer", "cu.name", "客户", "Customer"), new("question", "f.question", "题号", "Question"), new("question_text", "q.text", "题目", "Text"),
                new("score", "f.score", "评分", "Score", RowValue.Decimal), new("scale", "q.scale", "满分", "Scale", RowValue.Decimal), new("excluded", "f.excluded", "剔除", "Excluded", RowValue.Flag),
                new("excluded_by", "f.excluded_by", "剔除人", "Excluded by"), new("excluded_reason", "f.excluded_reason", "剔除原因", "Reason"),
            ],
            "d.code", "f.quarter_key", new Dictionary<string, string> { ["question"] = "f.question", ["response_id"] = "f.response_id" },
            ["f.response_id", "cu.name", "f.excluded_reason"], Key: ["response_id", "question"]),
        new("callbacks", $"fact_callback f {DeptJoin} LEFT JOIN dim_customer cu ON cu.customer_key = f.customer_key",
            [
                new("callback_id", "f.callback_id", "回访编号", "Callback"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("called_on", "f.called_on_key", "回访日期", "Called on", RowValue.Day),
                new("finding", "f.finding", "回访问题", "Finding"), new("deduction", "f.deduction", "扣分", "Deduction", RowValue.Decimal),
                new("customer", "cu.name", "客户", "Customer"), new("note", "f.note", "备注", "Note"),
            ],
            "d.code", "f.quarter_key", new Dictionary<string, string> { ["finding"] = "f.finding", ["callback_id"] = "f.callback_id" },
            ["f.callback_id", "cu.name", "f.note"]),
    ];

    public static RowSource Source(string kind) =>
        Sources.FirstOrDefault(s => s.Kind == kind) ?? throw new QueryRejectedException($"Unknown rows '{kind}': {string.Join(", ", Sources.Select(s => s.Kind))}.");

    public static RowPage Run(DbConnection connection, string kind, RowRequest request, RowScope scope)
    {
        var source = Source(kind);
        using var count = connection.CreateCommand();
        var where = Where(source, request, scope, count);
        count.CommandText = $"SELECT COUNT(*) FROM {source.From}{where}";
        var total = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var select = connection.CreateCommand();
        where = Where(source, request, scope, select);
        var sortColumn = request.Sort is null ? source.Columns[0]
            : source.Columns.FirstOrDefault(c => c.Name == request.Sort) ?? throw new QueryRejectedException($"Cannot sort by '{request.Sort}'.");
        var pageSize = Math.Clamp(request.PageSize, 1, 500);
        var page = Math.Max(1, request.Page);
        var onPostgres = connection is NpgsqlConnection;
        select.CommandText = $"SELECT {string.Join(", ", source.Columns.Select(c => c.Sql))} FROM {source.From}{where} " +
                             $"ORDER BY {string.Join(", ", source.KeyColumns.Prepend(sortColumn).Select((c, i) => SortKey(c, i == 0 && request.Descending, onPostgres)))} " +
                             $"LIMIT {pageSize} OFFSET {(page - 1) * pageSize}";
        var rows = new List<object?[]>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Present(source.Columns[i].Kind, reader.GetValue(i));
            rows.Add(row);
        }
        return new RowPage(source.Columns, rows, total, page, pageSize);
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
                _ => source.FilterSql.TryGetValue(name, out var s) ? s : throw new QueryRejectedException($"Rows '{source.Kind}' cannot be filtered by '{name}'."),
            };
            where.Add($"{sql} IN ({string.Join(", ", values.Select(v => Param(Value(name, v))))})");
        }
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            // Case-insensitive on both engines (PostgreSQL's LIKE is not; SQLite's is, for ASCII), and the text searched
            // for literally: %, _ and the escape character itself are escaped.
            var like = Param("%" + EscapeLike(request.Search.Trim()) + "%");
            where.Add("(" + string.Join(" OR ", source.SearchSql.Select(s => $"lower({s}) LIKE lower({like}) ESCAPE '\\'")) + ")");
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
        RowValue.Decimal => Decimals.Trimmed(value is string text ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        RowValue.Time => (value is DateTime time ? time : DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.None))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => value,
    };
}
