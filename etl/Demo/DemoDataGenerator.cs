using System.Globalization;
using System.Text;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Demo;

/// <summary>
/// Writes a seeded, reproducible set of demo files, shaped the way the seven departments and the working group send them
/// (see data-contract.md): CSV in GB18030 or UTF-8, comma or tab, Chinese or English headers, and XLSX workbooks with one kind
/// per sheet. The same options give byte-identical files (workbooks included: zip entry times are fixed).
/// </summary>
public static class DemoDataGenerator
{
    public static readonly Quarter DefaultFirstQuarter = new(2024, 4);
    public static readonly Quarter DefaultLastQuarter = new(2026, 3);

    public static DemoManifest Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputFolder, nameof(options));
        var first = options.FirstQuarter ?? DefaultFirstQuarter;
        var last = options.LastQuarter ?? DefaultLastQuarter;
        if (first > last) throw new ArgumentException($"The first quarter {first} is after the last quarter {last}.", nameof(options));

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var data = new DemoData(options.Seed, [.. Quarter.Range(first, last)]);
        data.Build();

        Directory.CreateDirectory(options.OutputFolder);
        var writer = new LayoutWriter(options.OutputFolder);
        writer.WriteAll(data);
        return new DemoManifest(writer.Files, writer.Bad, first, last);
    }

    /// <summary>Which record goes to which file, with which headers, encodings and value forms.</summary>
    private sealed class LayoutWriter(string folder)
    {
        private static readonly Encoding Gb18030 = Encoding.GetEncoding("GB18030");
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        private static readonly Dictionary<string, string> NameOf = DemoData.Departments.ToDictionary(d => d.Code, d => d.Name);
        private static readonly Dictionary<string, string> FindingZh = new() { ["none"] = "无", ["incomplete"] = "记录不全", ["mismatch"] = "与实际不符" };

        public List<string> Files { get; } = [];
        public List<DemoBadRow> Bad { get; } = [];

        public void WriteAll(DemoData data)
        {
            WriteDepartments();
            foreach (var quarter in data.Quarters)
            {
                WriteSelfChecks(quarter, data.Checks.Where(c => !c.Spot && Quarter.Of(c.Month) == quarter).OrderBy(c => c.Month).ThenBy(c => DeptOrder(c.Department)).ThenBy(c => c.Id, StringComparer.Ordinal));
                WriteComplaints(quarter, data.Complaints.Where(c => c.Quarter == quarter).OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id, StringComparer.Ordinal));
                if (quarter.Year >= 2026) WriteCallbacksCsv(quarter, data.Callbacks.Where(c => c.Quarter == quarter).OrderBy(c => c.CalledOn).ThenBy(c => c.Id, StringComparer.Ordinal));
            }
            foreach (var year in data.Quarters.Select(q => q.Year).Distinct())
            {
                WriteWorkingGroupBook(year,
                    data.Checks.Where(c => c.Spot && c.Month.Year == year && data.Quarters.Contains(Quarter.Of(c.Month))).OrderBy(c => c.Month).ThenBy(c => DeptOrder(c.Department)),
                    data.Deductions.Where(d => d.Month.Year == year),
                    year < 2026 ? data.Callbacks.Where(c => c.Quarter.Year == year).OrderBy(c => c.CalledOn).ThenBy(c => c.Id, StringComparer.Ordinal) : null);
                WriteSurveyBook(year, data.Surveys.Where(s => s.Quarter.Year == year));
            }
        }

        private void WriteDepartments()
        {
            Col<DemoDepartment>[] cols =
            [
                new("code", "部门编码", d => d.Code), new("name", "部门名称", d => d.Name),
                new("manager", "负责人", d => d.Manager), new("parent_code", "上级部门编码", _ => ""),
            ];
            Csv("departments.csv", DemoTable.From(cols, DemoData.Departments, _ => null), Encoding.UTF8, bom: true, ',', "\r\n");
        }

        /// <summary>Monthly self-checks, one GB18030 file per quarter as Excel in China saves it; layout changes in 2026.</summary>
        private void WriteSelfChecks(Quarter quarter, IEnumerable<CheckRecord> checks)
        {
            var rows = checks.ToList();
            Col<CheckRecord>[] cols;
            if (quarter.Year < 2026)
            {
                var byName = quarter == new Quarter(2025, 1); // this department sent names instead of codes
                cols =
                [
                    new("check_id", "检查编号", c => c.Id),
                    new("department", "部门编码", c => byName && NameOf.TryGetValue(c.Department, out var n) ? n : c.Department),
                    new("month", "月份", c => MonthCn(c.Month)), new("kind", "检查类型", _ => "自查"),
                    new("score", "得分", c => c.Score), new("inspector", "检查人", c => c.Inspector),
                    new("checked_on", "检查日期", c => Slash(c.CheckedOn)), new("note", "备注", c => c.Note),
                ];
            }
            else
            {
                var extra = quarter == new Quarter(2026, 1);
                cols =
                [
                    new("department", "部门编码", c => c.Department), new("month", "月份", c => MonthIso(c.Month)),
                    new("check_id", "检查编号", c => c.Id), new("score", "得分", c => c.Score), new("kind", "检查类型", _ => "自查"),
                    new("checked_on", "检查日期", c => Cn(c.CheckedOn)), new("inspector", "检查人", c => c.Inspector), new("note", "备注", c => c.Note),
                ];
                if (extra) cols = [.. cols, new("entered_by", "录入人", c => NameOf.ContainsKey(c.Department) ? "质量办-林雪" : "")];
            }
            var blankAt = quarter.Number == 3 && quarter.Year < 2026 ? rows.Count / 2 : -1; // someone left a blank line mid-file
            Csv($"自查考核_{quarter}.csv", DemoTable.From(cols, rows, c => c.Bad, i => i == blankAt), Gb18030, bom: false, ',', "\r\n");
        }

        private void WriteComplaints(Quarter quarter, IEnumerable<ComplaintRecord> complaints)
        {
            var rows = complaints.ToList();
            if (quarter.Year < 2026 && quarter.Number == 3)
            {
                // The paper log 投诉登记表, typed into Excel and saved as tab-separated text: Chinese headers, 年月日 dates, 有效/无效.
                Col<ComplaintRecord>[] zh =
                [
                    new("complaint_id", "投诉编号", c => c.Id), new("received_at", "受理时间", c => CnTime(c.ReceivedAt, true)),
                    new("department", "部门编码", c => c.Department), new("channel", "投诉渠道", c => c.Channel),
                    new("customer", "客户名称", c => c.Customer), new("category", "投诉类别", c => c.Category),
                    new("description", "投诉内容", c => c.Description), new("valid", "是否有效", c => c.Valid ? "有效" : "无效"),
                    new("replied_at", "回复时间", c => c.RepliedAt is { } t ? CnTime(t, true) : ""),
                    new("resolved_at", "解决时间", c => c.ResolvedAt is { } t ? CnTime(t, true) : ""),
                    new("handler", "处理人", c => c.Handler), new("satisfaction", "处理满意度", c => c.Satisfaction),
                    new("direct_deduction", "主业直接扣分", c => c.DirectDeduction),
                ];
                Csv($"投诉登记表_{quarter}.csv", DemoTable.From(zh, rows, c => c.Bad), Gb18030, bom: false, '\t', "\r\n");
                return;
            }
            // The complaint system's export: UTF-8, English headers, Y/N.
            Func<DateTime, bool, string> time = quarter.Year == 2025 && quarter.Number == 4 ? SlashTime : IsoTime;
            Col<ComplaintRecord>[] en = quarter.Year < 2026
                ?
                [
                    new("complaint_id", "complaint_id", c => c.Id), new("department", "department", c => c.Department),
                    new("received_at", "received_at", c => time(c.ReceivedAt, c.ReceivedWithSeconds)), new("channel", "channel", c => c.Channel),
                    new("valid", "valid", c => c.Valid ? "Y" : "N"), new("customer", "customer", c => c.Customer), new("category", "category", c => c.Category),
                    new("description", "description", c => c.Description),
                    new("replied_at", "replied_at", c => c.RepliedAt is { } t ? time(t, false) : ""),
                    new("resolved_at", "resolved_at", c => c.ResolvedAt is { } t ? time(t, false) : ""),
                    new("direct_deduction", "direct_deduction", c => c.DirectDeduction), new("handler", "handler", c => c.Handler),
                    new("satisfaction", "satisfaction", c => c.Satisfaction),
                ]
                :
                [
                    new("received_at", "received_at", c => time(c.ReceivedAt, c.ReceivedWithSeconds)), new("complaint_id", "complaint_id", c => c.Id),
                    new("department", "department", c => c.Department), new("customer", "customer", c => c.Customer),
                    new("channel", "channel", c => c.Channel), new("category", "category", c => c.Category),
                    new("valid", "valid", c => c.Valid ? "Y" : "N"), new("direct_deduction", "direct_deduction", c => c.DirectDeduction),
                    new("description", "description", c => c.Description),
                    new("replied_at", "replied_at", c => c.RepliedAt is { } t ? time(t, true) : ""),
                    new("resolved_at", "resolved_at", c => c.ResolvedAt is { } t ? time(t, true) : ""),
                    new("satisfaction", "satisfaction", c => c.Satisfaction), new("handler", "handler", c => c.Handler),
                ];
            Csv($"complaints_{quarter}.csv", DemoTable.From(en, rows, c => c.Bad), Utf8, bom: false, ',', "\n", trailingBlankLine: quarter.Number == 1);
        }

        private void WriteCallbacksCsv(Quarter quarter, IEnumerable<CallbackRecord> callbacks)
        {
            Col<CallbackRecord>[] cols =
            [
                new("callback_id", "callback_id", c => c.Id), new("department", "department", c => c.Department),
                new("called_on", "called_on", c => Iso(c.CalledOn)), new("finding", "finding", c => c.Finding),
                new("deduction", "deduction", c => c.Deduction is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : ""),
                new("customer", "customer", c => c.Customer), new("note", "note", c => c.Note),
            ];
            Csv($"callbacks_{quarter}.csv", DemoTable.From(cols, callbacks, c => c.Bad), Utf8, bom: false, ',', "\n");
        }

        /// <summary>The working group's yearly workbook: spot checks, check deductions and (until 2025) callback audits, one kind per sheet, real date cells.</summary>
        private void WriteWorkingGroupBook(int year, IEnumerable<CheckRecord> spots, IEnumerable<DeductionRecord> deductions, IEnumerable<CallbackRecord>? callbacks)
        {
            Col<CheckRecord>[] spotCols =
            [
                new("check_id", "检查编号", c => c.Id), new("department", "部门编码", c => c.Department), new("month", "月份", c => MonthIso(c.Month)),
                new("kind", "检查类型", _ => "抽查"), new("score", "得分", c => c.Score), new("inspector", "检查人", c => c.Inspector),
                new("checked_on", "检查日期", c => c.CheckedOn), new("note", "备注", c => c.Note),
            ];
            Col<DeductionRecord>[] dedCols =
            [
                new("check_id", "检查编号", d => d.CheckId), new("item", "考核项目", d => d.Item), new("points", "扣分", d => d.Points), new("note", "备注", d => d.Note),
            ];
            var sheets = new List<(string, DemoTable)>
            {
                ("抽查记录", DemoTable.From(spotCols, spots, c => c.Bad)),
                ("扣分明细", DemoTable.From(dedCols, deductions, _ => null)),
            };
            if (callbacks is not null)
            {
                Col<CallbackRecord>[] cbCols =
                [
                    new("callback_id", "回访编号", c => c.Id), new("department", "部门编码", c => c.Department), new("called_on", "回访日期", c => c.CalledOn),
                    new("customer", "客户名称", c => c.Customer), new("finding", "回访问题", c => FindingZh[c.Finding]),
                    new("deduction", "扣分", c => c.Deduction), new("note", "备注", c => c.Note),
                ];
                sheets.Add(("电话回访", DemoTable.From(cbCols, callbacks, c => c.Bad)));
            }
            Xlsx($"工作组台账_{year}.xlsx", sheets);
        }

        /// <summary>The yearly questionnaire workbook: the question sheet and the answers, quarters written the way that year's clerk wrote them.</summary>
        private void WriteSurveyBook(int year, IEnumerable<SurveyRecord> answers)
        {
            Col<(string Id, string Text, decimal Weight, int Scale)>[] qCols =
            [
                new("question", "题号", q => q.Id), new("text", "题目", q => q.Text), new("weight", "权重", q => q.Weight), new("scale", "满分", q => q.Scale),
            ];
            Func<Quarter, string> quarterText = year switch
            {
                <= 2024 => q => $"{q.Year}年第{q.Number}季度",
                2025 => q => $"{q.Year}-Q{q.Number}",
                _ => q => q.ToString(),
            };
            Col<SurveyRecord>[] aCols =
            [
                new("response_id", "问卷编号", s => s.ResponseId), new("department", "部门编码", s => s.Department),
                new("quarter", "季度", s => quarterText(s.Quarter)), new("customer", "客户名称", s => s.Customer),
                new("question", "题号", s => s.Question), new("score", "评分", s => s.Score), new("submitted_on", "提交日期", s => s.SubmittedOn),
                new("excluded", "是否剔除", s => s.Excluded ? "是" : "否"), new("note", "备注", s => s.Note),
            ];
            Xlsx($"满意度问卷_{year}.xlsx",
            [
                ("问卷题目", DemoTable.From(qCols, DemoData.Questions, _ => null)),
                ("答卷", DemoTable.From(aCols, answers, s => s.Bad)),
            ]);
        }

        private void Csv(string name, DemoTable table, Encoding encoding, bool bom, char delimiter, string newline, bool trailingBlankLine = false)
        {
            DemoFileWriter.WriteCsv(folder, name, table, encoding, bom, delimiter, newline, trailingBlankLine, Bad);
            Files.Add(name);
        }

        private void Xlsx(string name, IReadOnlyList<(string, DemoTable)> sheets)
        {
            DemoFileWriter.WriteXlsx(folder, name, sheets, Bad);
            Files.Add(name);
        }

        private static int DeptOrder(string code) => Array.FindIndex(DemoData.Departments, d => d.Code == code);

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private static string Slash(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}/{d.Month}/{d.Day}");
        private static string Cn(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");
        private static string MonthIso(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        private static string MonthCn(DateOnly m) => string.Create(CultureInfo.InvariantCulture, $"{m.Year}年{m.Month}月");
        private static string Clock(DateTime t, bool seconds) => t.ToString(seconds ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
        private static string IsoTime(DateTime t, bool seconds) => Iso(DateOnly.FromDateTime(t)) + " " + Clock(t, seconds);
        private static string SlashTime(DateTime t, bool seconds) => Slash(DateOnly.FromDateTime(t)) + " " + Clock(t, seconds);
        private static string CnTime(DateTime t, bool seconds) => Cn(DateOnly.FromDateTime(t)) + " " + Clock(t, seconds);
    }
}
