namespace QualityAnalytics.Warehouse.Quality;

/// <summary>The warehouse's data tests (dbt's kinds: relationships, accepted values, expressions, and the marts'
/// agreement with the facts they summarise), each stating the rule it checks. Run by `qa verify`. The SQL is written
/// once for both engines: booleans compared with TRUE, decimals (TEXT on SQLite) compared as DOUBLE PRECISION with a
/// tolerance of half a cent, dates as ISO text on SQLite and dates on PostgreSQL, which compare alike.</summary>
public static class DataTests
{
    /// <summary>TargetStatus's four codes as an SQL list: 'on_time', 'late', 'overdue', 'pending'.</summary>
    private static readonly string Statuses = string.Join(", ", Scoring.TargetStatus.All.Select(s => $"'{s}'"));

    /// <summary>How each fact table names its rows in a test's examples: its natural key.
    /// Declared before <see cref="All"/>, which is built from it when the class is first used.</summary>
    private static readonly (string Table, string Key)[] Facts =
    [
        ("fact_check", "f.check_id"),
        ("fact_check_deduction", "f.check_id || ' / ' || f.item"),
        ("fact_survey_answer", "f.response_id || ' / ' || f.question"),
        ("fact_complaint", "f.complaint_id"),
        ("fact_callback", "f.callback_id"),
    ];

    public static IReadOnlyList<DataTest> All { get; } =
    [
        .. Relationships(),
        .. FactRules(),
        .. DepartmentHistory(),
        .. Calendar(),
        .. Marts(),
        .. Audit(),
    ];

    private static IEnumerable<DataTest> Relationships()
    {
        string KeyOf(string table) => Facts.Single(f => f.Table == table).Key;
        var references = new (string Table, string Column, string ToTable, string ToColumn)[]
        {
            ("fact_check", "department_key", "dim_department", "department_key"),
            ("fact_check", "month_key", "dim_date", "date_key"),
            ("fact_check", "checked_on_key", "dim_date", "date_key"),
            ("fact_survey_answer", "question_key", "dim_survey_question", "question_key"),
            ("fact_survey_answer", "department_key", "dim_department", "department_key"),
            ("fact_survey_answer", "customer_key", "dim_customer", "customer_key"),
            ("fact_survey_answer", "submitted_on_key", "dim_date", "date_key"),
            ("fact_complaint", "department_key", "dim_department", "department_key"),
            ("fact_complaint", "received_date_key", "dim_date", "date_key"),
            ("fact_complaint", "channel_key", "dim_channel", "channel_key"),
            ("fact_complaint", "customer_key", "dim_customer", "customer_key"),
            ("fact_complaint", "category_key", "dim_category", "category_key"),
            ("fact_callback", "department_key", "dim_department", "department_key"),
            ("fact_callback", "called_on_key", "dim_date", "date_key"),
            ("fact_callback", "customer_key", "dim_customer", "customer_key"),
        };
        foreach (var (table, column, toTable, toColumn) in references) yield return Relationship(table, column, toTable, toColumn, KeyOf(table));
        // Every fact row's lineage: the batch and the file it came from.
        foreach (var (table, key) in Facts)
        {
            yield return Relationship(table, "batch_id", "load_batch", "id", key);
            yield return Relationship(table, "source_file_id", "source_file", "id", key);
        }
        // The contract keeps a deduction of a check not (yet) loaded, with a load warning: a warning here too.
        yield return Relationship("fact_check_deduction", "check_id", "fact_check", "check_id", KeyOf("fact_check_deduction"), DataTestSeverity.Warn);
    }

    private static DataTest Relationship(string table, string column, string toTable, string toColumn, string key,
        DataTestSeverity severity = DataTestSeverity.Error) =>
        new($"relationship:{table}.{column}", table, severity, $"every {table}.{column} names a row of {toTable} ({toColumn})",
            $"每个 {table}.{column} 都指向 {toTable} 中存在的行（{toColumn}）",
            $"SELECT {key} FROM {table} f WHERE f.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {toTable} t WHERE t.{toColumn} = f.{column})");

    private const string Real = "DOUBLE PRECISION";

    private static IEnumerable<DataTest> FactRules()
    {
        yield return new("accepted_values:fact_check.kind", "fact_check", DataTestSeverity.Error, "kind is self or spot", "检查类型是自查(self)或抽查(spot)",
            "SELECT f.check_id || ': ' || f.kind FROM fact_check f WHERE f.kind NOT IN ('self', 'spot')");
        yield return new("range:fact_check.score", "fact_check", DataTestSeverity.Error, "score is within 0–100", "得分在 0–100 之间",
            $"SELECT f.check_id || ': ' || CAST(f.score AS TEXT) FROM fact_check f WHERE CAST(f.score AS {Real}) < 0 OR CAST(f.score AS {Real}) > 100");
        yield return new("expression:fact_check.month", "fact_check", DataTestSeverity.Error, "month_key is the first day of a month of quarter_key", "月份键是所属季度中某月的第一天",
            "SELECT f.check_id FROM fact_check f JOIN dim_date d ON d.date_key = f.month_key WHERE d.day <> 1 OR d.quarter_key <> f.quarter_key");
        yield return new("expression:fact_check.deductions", "fact_check", DataTestSeverity.Warn, "a check with deductions scores 100 − Σ points (Article 8)", "有扣分明细的检查，得分等于 100 − 扣分合计（第八条）",
            $"SELECT f.check_id || ': ' || CAST(f.score AS TEXT) FROM fact_check f JOIN (SELECT check_id, SUM(CAST(points AS {Real})) AS points FROM fact_check_deduction GROUP BY check_id) d " +
            $"ON d.check_id = f.check_id WHERE ABS(CAST(f.score AS {Real}) - (100 - d.points)) > 0.005");

        yield return new("range:fact_survey_answer.score", "fact_survey_answer", DataTestSeverity.Error, "an answer is within 0..scale of its question", "问卷评分在该题的 0 到满分之间",
            $"SELECT f.response_id || ' / ' || f.question || ': ' || CAST(f.score AS TEXT) FROM fact_survey_answer f JOIN dim_survey_question q ON q.question_key = f.question_key " +
            $"WHERE CAST(f.score AS {Real}) < 0 OR CAST(f.score AS {Real}) > CAST(q.scale AS {Real})");
        yield return new("expression:fact_survey_answer.question", "fact_survey_answer", DataTestSeverity.Error, "question is the question number of question_key", "题号与题目键一致",
            "SELECT f.response_id || ' / ' || f.question FROM fact_survey_answer f JOIN dim_survey_question q ON q.question_key = f.question_key WHERE q.question <> f.question");
        yield return new("expression:fact_survey_answer.quarter", "fact_survey_answer", DataTestSeverity.Error, "quarter_key is a quarter of the calendar", "季度在日历之内",
            "SELECT f.response_id || ' / ' || f.question FROM fact_survey_answer f WHERE NOT EXISTS (SELECT 1 FROM dim_date d WHERE d.quarter_key = f.quarter_key)");

        yield return new("expression:fact_complaint.replied_at", "fact_complaint", DataTestSeverity.Error, "replied_at is not before received_at", "回复时间不早于受理时间",
            "SELECT f.complaint_id FROM fact_complaint f WHERE f.replied_at < f.received_at");
        yield return new("expression:fact_complaint.resolved_at", "fact_complaint", DataTestSeverity.Error, "resolved_at is not before received_at", "解决时间不早于受理时间",
            "SELECT f.complaint_id FROM fact_complaint f WHERE f.resolved_at < f.received_at");
        yield return new("expression:fact_complaint.quarter", "fact_complaint", DataTestSeverity.Error, "quarter_key is the quarter of received_date_key", "季度是受理日期所在的季度",
            "SELECT f.complaint_id FROM fact_complaint f JOIN dim_date d ON d.date_key = f.received_date_key WHERE d.quarter_key <> f.quarter_key");

        yield return new("accepted_values:fact_callback.finding", "fact_callback", DataTestSeverity.Error, "finding is none, incomplete or mismatch", "回访问题是 无、记录不全 或 与实际不符",
            "SELECT f.callback_id || ': ' || f.finding FROM fact_callback f WHERE f.finding NOT IN ('none', 'incomplete', 'mismatch')");
        yield return new("expression:fact_callback.deduction", "fact_callback", DataTestSeverity.Error, "a finding of none deducts nothing; any deduction is within 0–1", "回访无问题时不扣分；扣分在 0–1 之间",
            $"SELECT f.callback_id || ': ' || f.finding || ' ' || CAST(f.deduction AS TEXT) FROM fact_callback f WHERE CAST(f.deduction AS {Real}) < 0 OR CAST(f.deduction AS {Real}) > 1 " +
            $"OR (f.finding = 'none' AND CAST(f.deduction AS {Real}) <> 0)");
        yield return new("expression:fact_callback.quarter", "fact_callback", DataTestSeverity.Error, "quarter_key is the quarter of called_on_key", "季度是回访日期所在的季度",
            "SELECT f.callback_id FROM fact_callback f JOIN dim_date d ON d.date_key = f.called_on_key WHERE d.quarter_key <> f.quarter_key");
    }

    private static IEnumerable<DataTest> DepartmentHistory()
    {
        yield return new("expression:dim_department.one_current", "dim_department", DataTestSeverity.Error, "each department code has exactly one current version", "每个部门编码恰有一个当前版本",
            "SELECT code FROM dim_department GROUP BY code HAVING SUM(CASE WHEN is_current = TRUE THEN 1 ELSE 0 END) <> 1");
        yield return new("expression:dim_department.current_is_open", "dim_department", DataTestSeverity.Error, "the current version, and only it, has no valid_to", "只有当前版本没有失效日期",
            "SELECT code || ' from ' || CAST(valid_from AS TEXT) FROM dim_department WHERE (is_current = TRUE) <> (valid_to IS NULL)");
        yield return new("expression:dim_department.contiguous", "dim_department", DataTestSeverity.Error, "a closed version ends where the code's next version starts", "已关闭版本的失效日期正是该部门下一版本的生效日期",
            "SELECT d.code || ' to ' || CAST(d.valid_to AS TEXT) FROM dim_department d WHERE d.valid_to IS NOT NULL " +
            "AND NOT EXISTS (SELECT 1 FROM dim_department n WHERE n.code = d.code AND n.valid_from = d.valid_to)");
        // Type 2: a fact points at the version valid on its date (one dated before the first version, at the first).
        const string wrongVersion = "(v.valid_to IS NOT NULL AND d.date >= v.valid_to) " +
                                    "OR (d.date < v.valid_from AND EXISTS (SELECT 1 FROM dim_department e WHERE e.code = v.code AND e.valid_from < v.valid_from))";
        // Each says which date it judges by: the three used to share "the row's date", which left the reader to guess it.
        foreach (var (table, dateKey, key, rule, ruleZh) in new[]
                 {
                     ("fact_check", "f.month_key", "f.check_id",
                         "a check's department_key is the department's version valid on the first day of the check's month", "检查的部门键指向检查月份第一天有效的部门版本"),
                     ("fact_complaint", "f.received_date_key", "f.complaint_id",
                         "a complaint's department_key is the department's version valid on the day it was received", "投诉的部门键指向受理当日有效的部门版本"),
                     ("fact_callback", "f.called_on_key", "f.callback_id",
                         "a callback's department_key is the department's version valid on the day of the call", "回访的部门键指向回访当日有效的部门版本"),
                 })
        {
            yield return new($"expression:{table}.department_version", table, DataTestSeverity.Error, rule, ruleZh,
                $"SELECT {key} FROM {table} f JOIN dim_department v ON v.department_key = f.department_key JOIN dim_date d ON d.date_key = {dateKey} WHERE {wrongVersion}");
        }
        yield return new("expression:fact_survey_answer.department_version", "fact_survey_answer", DataTestSeverity.Error,
            "department_key is the department's version valid on the first day of the answer's quarter", "部门键指向答卷所在季度第一天有效的部门版本",
            "SELECT f.response_id || ' / ' || f.question FROM fact_survey_answer f JOIN dim_department v ON v.department_key = f.department_key " +
            "JOIN (SELECT quarter_key, MIN(date) AS date FROM dim_date GROUP BY quarter_key) d ON d.quarter_key = f.quarter_key WHERE " + wrongVersion);
    }

    private static IEnumerable<DataTest> Calendar()
    {
        yield return new("expression:dim_date.every_day", "dim_date", DataTestSeverity.Error, "every day of 2020–2035 is in the calendar, once", "2020–2035 年的每一天都在日历中，且只出现一次",
            "SELECT CAST(year AS TEXT) || ': ' || CAST(COUNT(*) AS TEXT) || ' days' FROM dim_date GROUP BY year " +
            "HAVING COUNT(*) <> CASE WHEN year % 4 = 0 THEN 366 ELSE 365 END " +
            "UNION ALL SELECT 'years 2020–2035: ' || CAST(COUNT(DISTINCT year) AS TEXT) FROM dim_date WHERE year BETWEEN 2020 AND 2035 HAVING COUNT(DISTINCT year) <> 16");
        yield return new("expression:dim_date.parts", "dim_date", DataTestSeverity.Error, "date_key, quarter and quarter_key agree with year, month and day", "日期键、季度、季度键与年、月、日一致",
            "SELECT CAST(date_key AS TEXT) FROM dim_date WHERE date_key <> year * 10000 + month * 100 + day OR quarter <> (month + 2) / 3 OR quarter_key <> year * 10 + quarter");
        yield return new("expression:dim_date.unofficial_weekdays", "dim_date", DataTestSeverity.Error,
            "in a year the official calendar does not cover yet, the working days are Monday to Friday", "尚未导入官方日历的年份，工作日为周一至周五",
            "SELECT CAST(date_key AS TEXT) FROM dim_date WHERE is_official = FALSE AND is_working_day <> (day_of_week BETWEEN 1 AND 5)");
    }

    private static IEnumerable<DataTest> Marts()
    {
        yield return new("equality:mart_complaint_summary", "mart_complaint_summary", DataTestSeverity.Error,
            "the complaint mart counts the same complaints per quarter and department as fact_complaint (the dashboard reads the mart)", "投诉汇总表按季度、部门的投诉数与投诉事实表一致（仪表板读取的是汇总表）",
            "SELECT CAST(COALESCE(a.quarter_key, b.quarter_key) AS TEXT) || ' ' || COALESCE(a.code, b.code) || ': ' || CAST(COALESCE(a.n, 0) AS TEXT) || ' facts, ' || CAST(COALESCE(b.n, 0) AS TEXT) || ' in the mart' " +
            "FROM (SELECT f.quarter_key, v.code, COUNT(*) AS n FROM fact_complaint f JOIN dim_department v ON v.department_key = f.department_key GROUP BY f.quarter_key, v.code) a " +
            "FULL OUTER JOIN (SELECT quarter_key, department_code AS code, SUM(complaints) AS n FROM mart_complaint_summary GROUP BY quarter_key, department_code) b " +
            "ON b.quarter_key = a.quarter_key AND b.code = a.code WHERE COALESCE(a.n, 0) <> COALESCE(b.n, 0)");
        yield return new("equality:mart_check_monthly", "mart_check_monthly", DataTestSeverity.Error,
            "the check mart counts the same checks per month, department and kind as fact_check", "检查汇总表按月、部门、类型的检查数与检查事实表一致",
            "SELECT CAST(COALESCE(a.month_key, b.month_key) AS TEXT) || ' ' || COALESCE(a.code, b.code) || ' ' || COALESCE(a.kind, b.kind) || ': ' || CAST(COALESCE(a.n, 0) AS TEXT) || ' facts, ' || CAST(COALESCE(b.n, 0) AS TEXT) || ' in the mart' " +
            "FROM (SELECT f.month_key, v.code, f.kind, COUNT(*) AS n FROM fact_check f JOIN dim_department v ON v.department_key = f.department_key GROUP BY f.month_key, v.code, f.kind) a " +
            "FULL OUTER JOIN (SELECT month_key, department_code AS code, kind, SUM(checks) AS n FROM mart_check_monthly GROUP BY month_key, department_code, kind) b " +
            "ON b.month_key = a.month_key AND b.code = a.code AND b.kind = a.kind WHERE COALESCE(a.n, 0) <> COALESCE(b.n, 0)");
        yield return new("relationship:mart_complaint_status.complaint", "mart_complaint_status", DataTestSeverity.Error,
            "every complaint has one status row, judged in its own quarter, and every status row a complaint (the drill-down shows these statuses)",
            "每条投诉都有一条按其所属季度判定的时限状态，每条时限状态都对应一条投诉（明细页显示的是这些状态）",
            "SELECT f.complaint_id || ': no status in ' || CAST(f.quarter_key AS TEXT) " +
            "FROM fact_complaint f LEFT JOIN mart_complaint_status s ON s.quarter_key = f.quarter_key AND s.complaint_key = f.id WHERE s.complaint_key IS NULL " +
            "UNION ALL SELECT CAST(s.quarter_key AS TEXT) || ': a status for no complaint of the quarter (key ' || CAST(s.complaint_key AS TEXT) || ')' " +
            "FROM mart_complaint_status s WHERE NOT EXISTS (SELECT 1 FROM fact_complaint f WHERE f.id = s.complaint_key AND f.quarter_key = s.quarter_key)");
        yield return new("accepted_values:mart_complaint_status.status", "mart_complaint_status", DataTestSeverity.Error,
            "reply and solution statuses are on_time, late, overdue or pending", "回复、解决状态是按时完成、超时完成、超时未完成或未到期",
            "SELECT COALESCE(f.complaint_id, 'key ' || CAST(s.complaint_key AS TEXT)) || ': ' || s.reply_status || ' / ' || s.solution_status " +
            "FROM mart_complaint_status s LEFT JOIN fact_complaint f ON f.id = s.complaint_key " +
            $"WHERE s.reply_status NOT IN ({Statuses}) OR s.solution_status NOT IN ({Statuses})");
        yield return new("expression:mart_assessment.one_current", "mart_assessment", DataTestSeverity.Error, "one current assessment per department and quarter", "每个部门每季度只有一条当前考核结果",
            "SELECT CAST(quarter_key AS TEXT) || ' ' || department_code FROM mart_assessment GROUP BY quarter_key, department_code HAVING SUM(CASE WHEN is_current = TRUE THEN 1 ELSE 0 END) > 1");
        yield return new("expression:mart_assessment.withheld", "mart_assessment", DataTestSeverity.Error, "an assessment has no total exactly when it is not assessed (withheld)", "考核结果仅在未考核时没有总分",
            "SELECT CAST(quarter_key AS TEXT) || ' ' || department_code || ' ' || policy_version FROM mart_assessment WHERE (grade = 'withheld') <> (total IS NULL)");
        yield return new("accepted_values:mart_assessment.grade", "mart_assessment", DataTestSeverity.Error, "grade is excellent, pass, fail or withheld", "等次是优秀、合格、不合格或未考核",
            "SELECT CAST(quarter_key AS TEXT) || ' ' || department_code || ': ' || grade FROM mart_assessment WHERE grade NOT IN ('excellent', 'pass', 'fail', 'withheld')");
        yield return new("relationship:quarter_approval.snapshot", "quarter_approval", DataTestSeverity.Error, "every approval keeps the results it approved", "每次审定都保存了所审定的结果",
            "SELECT CAST(a.quarter_key AS TEXT) || ' ' || a.policy_version FROM quarter_approval a WHERE NOT EXISTS (SELECT 1 FROM mart_assessment_approved s WHERE s.approval_id = a.id)");
    }

    private static IEnumerable<DataTest> Audit()
    {
        yield return new("relationship:source_file.batch_id", "source_file", DataTestSeverity.Error, "every source file belongs to a load batch", "每个源文件都属于某个导入批次",
            "SELECT f.file_name FROM source_file f WHERE NOT EXISTS (SELECT 1 FROM load_batch b WHERE b.id = f.batch_id)");
        yield return new("relationship:quarantined_row.source_file_id", "quarantined_row", DataTestSeverity.Error, "every quarantined row names its source file", "每个隔离行都指向其源文件",
            "SELECT q.file || ' line ' || CAST(q.line AS TEXT) FROM quarantined_row q WHERE NOT EXISTS (SELECT 1 FROM source_file f WHERE f.id = q.source_file_id)");
        yield return new("expression:source_file.counts", "source_file", DataTestSeverity.Error, "a file's rows read are its rows loaded, updated, unchanged and quarantined", "文件读取行数 = 新增 + 更新 + 未变 + 隔离",
            "SELECT f.file_name || COALESCE(' [' || f.sheet || ']', '') || ' (batch ' || CAST(f.batch_id AS TEXT) || ')' FROM source_file f " +
            "WHERE f.rejected = FALSE AND f.read <> f.loaded + f.updated + f.unchanged + f.quarantined");
        yield return new("expression:source_file.quarantined", "source_file", DataTestSeverity.Error, "a file's quarantined count is the number of its lines in quarantine", "文件的隔离行数等于隔离表中该文件的行数",
            "SELECT f.file_name || COALESCE(' [' || f.sheet || ']', '') || ' (batch ' || CAST(f.batch_id AS TEXT) || ')' FROM source_file f " +
            "WHERE f.quarantined <> (SELECT COUNT(DISTINCT q.line) FROM quarantined_row q WHERE q.source_file_id = f.id)");
        yield return new("expression:load_batch.counts", "load_batch", DataTestSeverity.Error, "a batch's counts are the sums of its files'", "批次的各项计数等于其文件计数之和",
            "SELECT CAST(b.id AS TEXT) FROM load_batch b JOIN (SELECT batch_id, SUM(read) AS r, SUM(loaded) AS l, SUM(updated) AS u, SUM(unchanged) AS s, SUM(quarantined) AS q " +
            "FROM source_file GROUP BY batch_id) f ON f.batch_id = b.id WHERE b.read <> f.r OR b.loaded <> f.l OR b.updated <> f.u OR b.unchanged <> f.s OR b.quarantined <> f.q");
    }
}
