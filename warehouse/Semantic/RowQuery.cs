using System.Data.Common;
using System.Globalization;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>The rows behind a number (drill-down): complaints, checks or survey answers, filtered by the same slicers
/// as the charts, searchable, sortable and paged on the server. Columns and sort keys come from a whitelist; values
/// are parameters; the row scope is always applied.</summary>
public static class RowQuery
{
    public sealed record RowColumn(string Name, string Sql, string LabelZh, string LabelEn);

    public sealed record RowSource(string Kind, string From, IReadOnlyList<RowColumn> Columns, string DepartmentSql, string QuarterSql,
        IReadOnlyDictionary<string, string> FilterSql, IReadOnlyList<string> SearchSql);

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
                new("department_name", "d.name", "部门", "Department name"), new("received_at", "f.received_at", "受理时间", "Received"),
                new("channel", "ch.name", "渠道", "Channel"), new("category", "cat.name", "类别", "Category"), new("valid", "f.valid", "有效", "Valid"),
                new("customer", "cu.name", "客户", "Customer"), new("replied_at", "f.replied_at", "回复时间", "Replied"),
                new("resolved_at", "f.resolved_at", "解决时间", "Resolved"), new("direct_deduction", "f.direct_deduction", "主业扣分", "Direct deduction"),
                new("handler", "f.handler", "处理人", "Handler"), new("satisfaction", "f.satisfaction", "满意度", "Satisfaction"),
                new("description", "f.description", "投诉内容", "Description"),
            ],
            "d.code", "f.quarter_key",
            new Dictionary<string, string> { ["channel"] = "ch.name", ["category"] = "COALESCE(cat.name, '未分类')", ["month"] = "(f.received_date_key / 100 * 100 + 1)", ["complaint_id"] = "f.complaint_id" },
            ["f.complaint_id", "f.description", "cu.name", "f.handler"]),
        new("checks", $"fact_check f {DeptJoin}",
            [
                new("check_id", "f.check_id", "检查编号", "Check"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("month", "f.month_key", "月份", "Month"),
                new("kind", "f.kind", "检查类型", "Kind"), new("score", "f.score", "得分", "Score"), new("inspector", "f.inspector", "检查人", "Inspector"),
                new("note", "f.note", "备注", "Note"),
            ],
            "d.code", "f.quarter_key", new Dictionary<string, string> { ["kind"] = "f.kind", ["month"] = "f.month_key", ["check_id"] = "f.check_id" },
            ["f.check_id", "f.inspector", "f.note"]),
        new("surveys", $"fact_survey_answer f {DeptJoin} JOIN dim_customer cu ON cu.customer_key = f.customer_key JOIN dim_survey_question q ON q.question_key = f.question_key",
            [
                new("response_id", "f.response_id", "问卷编号", "Questionnaire"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("quarter", "f.quarter_key", "季度", "Quarter"),
                new("customer", "cu.name", "客户", "Customer"), new("question", "f.question", "题号", "Question"), new("question_text", "q.text", "题目", "Text"),
                new("score", "f.score", "评分", "Score"), new("scale", "q.scale", "满分", "Scale"), new("excluded", "f.excluded", "剔除", "Excluded"),
                new("excluded_by", "f.excluded_by", "剔除人", "Excluded by"), new("excluded_reason", "f.excluded_reason", "剔除原因", "Reason"),
            ],
            "d.code", "f.quarter_key", new Dictionary<string, string> { ["question"] = "f.question", ["response_id"] = "f.response_id" },
            ["f.response_id", "cu.name", "f.excluded_reason"]),
        new("callbacks", $"fact_callback f {DeptJoin} LEFT JOIN dim_customer cu ON cu.customer_key = f.customer_key",
            [
                new("callback_id", "f.callback_id", "回访编号", "Callback"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("called_on", "f.called_on_key", "回访日期", "Called on"),
                new("finding", "f.finding", "回访问题", "Finding"), new("deduction", "f.deduction", "扣分", "Deduction"),
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
        select.CommandText = $"SELECT {string.Join(", ", source.Columns.Select(c => c.Sql))} FROM {source.From}{where} " +
                             $"ORDER BY {sortColumn.Sql}{(request.Descending ? " DESC" : "")}, {source.Columns[0].Sql} LIMIT {pageSize} OFFSET {(page - 1) * pageSize}";
        var rows = new List<object?[]>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : Present(source.Columns[i].Name, reader.GetValue(i));
            rows.Add(row);
        }
        return new RowPage(source.Columns, rows, total, page, pageSize);
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
            var like = Param("%" + request.Search.Trim().Replace("%", "", StringComparison.Ordinal) + "%");
            where.Add("(" + string.Join(" OR ", source.SearchSql.Select(s => $"{s} LIKE {like}")) + ")");
        }
        return where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
    }

    private static object Value(string name, string text) => name switch
    {
        "quarter" => QuarterKey(text),
        "month" => SlicerValues.MonthKey(text),
        _ => text,
    };

    private static int QuarterKey(string text) => SlicerValues.QuarterKey(text);

    private static object Present(string column, object value) => column switch
    {
        "quarter" => Quarter.FromKey(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString(),
        "month" => DateKeys.ToDate(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        "called_on" => DateKeys.ToDate(Convert.ToInt32(value, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "valid" or "excluded" => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        "received_at" or "replied_at" or "resolved_at" when value is string s && s.Length >= 16 => s[..16],
        _ => value,
    };
}
