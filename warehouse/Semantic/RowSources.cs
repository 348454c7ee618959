using System.Text.RegularExpressions;

namespace QualityAnalytics.Warehouse.Semantic;

/// <summary>The whitelist of the drill-down: which rows exist, their columns (and what each holds), filters and search.</summary>
public static partial class RowQuery
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
        /// <summary>A whole number (a count), sent as a number.</summary>
        Count,
        /// <summary>The date key of a month's first day, sent as "2026-04".</summary>
        Month,
        /// <summary>A deadline, sent as people read it: one at midnight as that day's 24:00 ("2026-07-27 24:00"), others to the
        /// minute (<see cref="Scoring.ServiceTargetRules.DeadlineText"/>).</summary>
        Deadline,
        /// <summary>A quarter key (20262), sent as "2026Q2".</summary>
        Quarter,
    }

    public sealed record RowColumn(string Name, string Sql, string LabelZh, string LabelEn, RowValue Kind = RowValue.Text);

    /// <param name="Key">The columns that tell one row from another (the fact's natural key; null: the first column).
    /// Every page is ordered by them after the sort column, so that paging is stable and both engines give the same order.</param>
    /// <param name="From">The fact table as <c>f</c> and its dimensions, each a LEFT JOIN on the dimension's own key (all its columns)
    /// (<see cref="Joins"/>): at most one row each, so a join never adds rows, and a fact row whose key finds nothing is
    /// still shown (with empty names) rather than hidden from the numbers it counts in.</param>
    public sealed record RowSource(string Kind, string From, IReadOnlyList<RowColumn> Columns, string DepartmentSql, string QuarterSql,
        IReadOnlyDictionary<string, string> FilterSql, IReadOnlyList<string> SearchSql, IReadOnlyList<string>? Key = null)
    {
        public IReadOnlyList<RowColumn> KeyColumns => Key is null ? [Columns[0]] : Key.Select(k => Columns.Single(c => c.Name == k)).ToList();

        /// <summary>The fact table with its alias (<c>fact_complaint f</c>).</summary>
        public string Fact => From[..FirstJoin].TrimEnd();

        /// <summary>Every dimension's join, after <see cref="Fact"/>.</summary>
        public string Joins => From[FirstJoin..];

        private int FirstJoin => JoinPattern().Match(From) is { Success: true } join ? join.Index : From.Length;

        /// <summary>The fact table and only the dimensions that the SQL fragments mention (by alias). Counting the rows
        /// and choosing a page's rows need no dimension the filters and the sort do not name: on 144,000 complaints
        /// the count then reads only the quarter index (0.21 s → 0.01 s).</summary>
        /// A join that another needed join names in its ON (a check's department, reached through the check) is needed too.
        public string FromFor(params string[] fragments)
        {
            var joins = JoinPattern().Matches(From).ToList();
            var needed = new bool[joins.Count];
            var texts = fragments.ToList();
            for (var added = true; added;)
            {
                added = false;
                for (var i = 0; i < joins.Count; i++)
                {
                    var alias = new Regex($@"(?<![\w.]){Regex.Escape(joins[i].Groups["alias"].Value)}\.");
                    if (needed[i] || !texts.Any(alias.IsMatch)) continue;
                    needed[i] = added = true;
                    texts.Add(joins[i].Value[joins[i].Value.IndexOf(" ON ", StringComparison.Ordinal)..]);
                }
            }
            var from = new System.Text.StringBuilder(Fact);
            for (var i = 0; i < joins.Count; i++) if (needed[i]) from.Append(' ').Append(joins[i].Value.Trim());
            return from.ToString();
        }
    }

    [GeneratedRegex(@"LEFT JOIN \w+ (?<alias>\w+) ON \S+ = \S+(?: AND \S+ = \S+)*")]
    private static partial Regex JoinPattern();

    private const string DeptJoin = "LEFT JOIN dim_department d ON d.department_key = f.department_key";

    public static readonly IReadOnlyList<RowSource> Sources =
    [
        new("complaints",
            $"fact_complaint f {DeptJoin} LEFT JOIN dim_channel ch ON ch.channel_key = f.channel_key LEFT JOIN dim_category cat ON cat.category_key = f.category_key LEFT JOIN dim_customer cu ON cu.customer_key = f.customer_key LEFT JOIN mart_complaint_status st ON st.quarter_key = f.quarter_key AND st.complaint_key = f.id",
            [
                new("complaint_id", "f.complaint_id", "投诉编号", "Complaint"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("received_at", "f.received_at", "受理时间", "Received", RowValue.Time),
                new("channel", "ch.name", "渠道", "Channel"), new("category", "cat.name", "类别", "Category"), new("valid", "f.valid", "有效", "Valid", RowValue.Flag),
                new("customer", "cu.name", "客户", "Customer"), new("replied_at", "f.replied_at", "回复时间", "Replied", RowValue.Time),
                new("resolved_at", "f.resolved_at", "解决时间", "Resolved", RowValue.Time),
                // Where each complaint stands against §7's deadlines, as the on-time rates counted it (mart_complaint_status).
                new("reply_status", "st.reply_status", "回复情况", "Reply"), new("reply_due", "st.reply_due", "回复时限", "Reply due", RowValue.Deadline),
                new("solution_status", "st.solution_status", "解决情况", "Solution"), new("solution_due", "st.solution_due", "解决时限", "Solution due", RowValue.Deadline),
                new("direct_deduction", "f.direct_deduction", "主业扣分", "Direct deduction", RowValue.Decimal),
                new("handler", "f.handler", "处理人", "Handler"), new("satisfaction", "f.satisfaction", "满意度", "Satisfaction"),
                new("description", "f.description", "投诉内容", "Description"),
            ],
            "d.code", "f.quarter_key",
            new Dictionary<string, string> { ["channel"] = "ch.name", ["category"] = "COALESCE(cat.name, '未分类')", ["month"] = "(f.received_date_key / 100 * 100 + 1)", ["complaint_id"] = "f.complaint_id",
                ["reply_status"] = "st.reply_status", ["solution_status"] = "st.solution_status" },
            ["f.complaint_id", "f.description", "cu.name", "f.handler"]),
        new("checks", $"fact_check f {DeptJoin}",
            [
                new("check_id", "f.check_id", "检查编号", "Check"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("month", "f.month_key", "月份", "Month", RowValue.Month),
                new("kind", "f.kind", "检查类型", "Kind"), new("score", "f.score", "得分", "Score", RowValue.Decimal),
                // How many deduction items the score lost points for: the page links a count to those items (deductions).
                new("deductions", "(SELECT COUNT(*) FROM fact_check_deduction x WHERE x.check_id = f.check_id)", "扣分项", "Deductions", RowValue.Count),
                new("inspector", "f.inspector", "检查人", "Inspector"), new("note", "f.note", "备注", "Note"),
            ],
            "d.code", "f.quarter_key", new Dictionary<string, string> { ["kind"] = "f.kind", ["month"] = "f.month_key", ["check_id"] = "f.check_id" },
            ["f.check_id", "f.inspector", "f.note"]),
        new("surveys", $"fact_survey_answer f {DeptJoin} LEFT JOIN dim_customer cu ON cu.customer_key = f.customer_key LEFT JOIN dim_survey_question q ON q.question_key = f.question_key",
            [
                new("response_id", "f.response_id", "问卷编号", "Questionnaire"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("quarter", "f.quarter_key", "季度", "Quarter", RowValue.Quarter),
                new("customer", "cu.name", "客户", "Customer"), new("question", "f.question", "题号", "Question"), new("question_text", "q.text", "题目", "Text"),
                new("score", "f.score", "评分", "Score", RowValue.Decimal), new("scale", "q.scale", "满分", "Scale", RowValue.Decimal), new("excluded", "f.excluded", "剔除", "Excluded", RowValue.Flag),
                new("excluded_by", "f.excluded_by", "剔除人", "Excluded by"), new("excluded_reason", "f.excluded_reason", "剔除原因", "Reason"),
            ],
            "d.code", "f.quarter_key", new Dictionary<string, string> { ["question"] = "f.question", ["response_id"] = "f.response_id" },
            ["f.response_id", "cu.name", "f.excluded_reason"], Key: ["response_id", "question"]),
        // A check's deduction items (the rows behind its score); department, month and quarter are the check's.
        new("deductions", "fact_check_deduction f LEFT JOIN fact_check c ON c.check_id = f.check_id LEFT JOIN dim_department d ON d.department_key = c.department_key",
            [
                new("check_id", "f.check_id", "检查编号", "Check"), new("department", "d.code", "部门编码", "Department"),
                new("department_name", "d.name", "部门", "Department name"), new("month", "c.month_key", "月份", "Month", RowValue.Month),
                new("kind", "c.kind", "检查类型", "Kind"), new("item", "f.item", "考核项目", "Item"), new("points", "f.points", "扣分", "Points", RowValue.Decimal),
                new("note", "f.note", "备注", "Note"),
            ],
            "d.code", "c.quarter_key", new Dictionary<string, string> { ["kind"] = "c.kind", ["month"] = "c.month_key", ["check_id"] = "f.check_id" },
            ["f.check_id", "f.item", "f.note"], Key: ["check_id", "item"]),
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
        Sources.FirstOrDefault(s => s.Kind == kind) ?? throw new QueryRejectedException(QueryRejection.UnknownRowKind,
            $"Unknown rows '{kind}': {string.Join(", ", Sources.Select(s => s.Kind))}.", kind, string.Join(", ", Sources.Select(s => s.Kind)));
}
