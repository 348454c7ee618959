using System.Text;
using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Warehouse.Model;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Demo;

/// <summary>Generates the default demo set once into a temporary folder and reads it back.</summary>
public sealed class DemoFolderFixture : IDisposable
{
    public DemoFolderFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "qa-demo-" + Guid.NewGuid().ToString("N"));
        Manifest = DemoDataGenerator.Generate(new DemoOptions(Folder));
        Rows = DemoFileReader.ReadAll(Folder);
        var bad = Manifest.BadRows.Select(b => (b.File, b.Sheet, b.Line)).ToHashSet();
        Good = [.. Rows.Where(r => !bad.Contains((r.File, r.Sheet, r.Line)))];
        var names = Good.Where(r => r.Kind == "departments").ToDictionary(r => r["name"], r => r["code"]);
        Code = text => names.TryGetValue(text, out var code) ? code : text;
    }

    public string Folder { get; }
    public DemoManifest Manifest { get; }
    public List<RawRow> Rows { get; }
    public List<RawRow> Good { get; }

    /// <summary>A department cell (code or exact name) as its code.</summary>
    public Func<string, string> Code { get; }

    public IEnumerable<RawRow> Kind(string kind) => Good.Where(r => r.Kind == kind);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

public class DemoDataGeneratorTests(DemoFolderFixture demo) : IClassFixture<DemoFolderFixture>
{
    private static readonly Quarter Q2 = new(2026, 2);

    [Fact]
    public void The_same_options_give_byte_identical_files_and_the_same_manifest()
    {
        var again = Path.Combine(Path.GetTempPath(), "qa-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifest = DemoDataGenerator.Generate(new DemoOptions(again));
            Assert.Equal(demo.Manifest.Files, manifest.Files);
            Assert.Equal(demo.Manifest.BadRows, manifest.BadRows);
            foreach (var file in manifest.Files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(demo.Folder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))),
                    $"{file} differs between two runs with the same seed");
            }
            var other = DemoDataGenerator.Generate(new DemoOptions(again, Seed: 7));
            Assert.False(File.ReadAllBytes(Path.Combine(demo.Folder, "自查考核_2025Q1.csv")).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(again, "自查考核_2025Q1.csv"))), "another seed should give other data");
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void The_manifest_lists_every_file_written_and_the_default_quarters()
    {
        Assert.Equal(new Quarter(2024, 4), demo.Manifest.FirstQuarter);
        Assert.Equal(new Quarter(2026, 3), demo.Manifest.LastQuarter);
        Assert.Equal(Directory.GetFiles(demo.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal), demo.Manifest.Files.Order(StringComparer.Ordinal));
        Assert.Contains("departments.csv", demo.Manifest.Files);
        Assert.Equal(8, demo.Manifest.Files.Count(f => f.StartsWith("自查考核_", StringComparison.Ordinal)));
        Assert.Equal(3, demo.Manifest.Files.Count(f => f.StartsWith("满意度问卷_", StringComparison.Ordinal)));
        Assert.Equal(3, demo.Manifest.Files.Count(f => f.StartsWith("工作组台账_", StringComparison.Ordinal)));
    }

    [Fact]
    public void Files_have_the_encodings_claimed()
    {
        var departments = File.ReadAllBytes(Path.Combine(demo.Folder, "departments.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], departments[..3]);
        Assert.StartsWith("部门编码,部门名称,负责人,上级部门编码", Encoding.UTF8.GetString(departments, 3, departments.Length - 3));

        foreach (var file in demo.Manifest.Files.Where(f => f.StartsWith("自查考核_", StringComparison.Ordinal) || f.StartsWith("投诉登记表_", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(Path.Combine(demo.Folder, file));
            Assert.False(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]), file);
            Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes)); // really not UTF-8
            var (text, name) = DemoFileReader.Decode(bytes);
            Assert.Equal("gb18030", name);
            Assert.Contains(file.StartsWith("自查", StringComparison.Ordinal) ? "检查编号" : "投诉编号", text);
            Assert.Contains(file.StartsWith("自查", StringComparison.Ordinal) ? "自查" : "响应不及时", text);
        }
        var tab = demo.Manifest.Files.Single(f => f.StartsWith("投诉登记表_", StringComparison.Ordinal));
        Assert.Contains('\t', DemoFileReader.Decode(File.ReadAllBytes(Path.Combine(demo.Folder, tab))).Text.Split('\n')[0]);

        foreach (var file in demo.Manifest.Files.Where(f => f.StartsWith("complaints_", StringComparison.Ordinal) || f.StartsWith("callbacks_", StringComparison.Ordinal)))
        {
            var (text, name) = DemoFileReader.Decode(File.ReadAllBytes(Path.Combine(demo.Folder, file)));
            Assert.Equal("utf-8", name);
            Assert.Matches("^[a-z_,]+\r?\n", text.Split('\n')[0] + "\n");
        }

        // Real Excel date cells, not text.
        var answers = DemoFileReader.ReadSheet(Path.Combine(demo.Folder, "满意度问卷_2026.xlsx"), "答卷");
        Assert.All(answers, r => Assert.IsType<DateTime>(r.Cells["提交日期"]));
        var spots = DemoFileReader.ReadSheet(Path.Combine(demo.Folder, "工作组台账_2025.xlsx"), "抽查记录");
        Assert.All(spots, r => Assert.IsType<DateTime>(r.Cells["检查日期"]));
    }

    [Fact]
    public void The_files_use_every_value_form_the_contract_allows()
    {
        string All(string prefix) => string.Concat(demo.Manifest.Files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && f.EndsWith(".csv", StringComparison.Ordinal))
            .Select(f => DemoFileReader.Decode(File.ReadAllBytes(Path.Combine(demo.Folder, f))).Text));
        var self = All("自查考核_");
        var complaints = All("complaints_") + All("投诉登记表_");
        Assert.Matches(@",2025年4月,", self);
        Assert.Matches(@",2026-04,", self);
        Assert.Matches(@"\d{4}/\d{1,2}/\d{1,2}", self);
        Assert.Matches(@"2026年\d{1,2}月\d{1,2}日", self);
        Assert.Contains("录入人", self); // an extra, unknown column
        Assert.Contains("\r\n\r\n", self); // a blank line
        Assert.Contains(demo.Kind("checks"), r => r["department"] == "物流业务部"); // a department by name
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d,", complaints);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,", complaints);
        Assert.Matches(@"\d{4}/\d{1,2}/\d{1,2} \d\d:\d\d", complaints);
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d", complaints);
        Assert.Contains(demo.Kind("complaints"), r => r["description"].Contains('\n'));

        var quarters = demo.Kind("surveys").Select(r => r["quarter"]).ToHashSet();
        Assert.Contains("2024年第4季度", quarters);
        Assert.Contains("2025-Q1", quarters);
        Assert.Contains("2026Q2", quarters);

        var valid = demo.Kind("complaints").Select(r => r["valid"]).ToHashSet();
        Assert.Superset(new HashSet<string> { "Y", "N", "有效", "无效" }, valid);
        Assert.Superset(new HashSet<string> { "是", "否" }, demo.Kind("surveys").Select(r => r["excluded"]).ToHashSet());

        // Every good row parses in the contract's forms.
        Assert.All(demo.Kind("checks"), r => DemoFileReader.ParseMonth(r["month"]));
        Assert.All(demo.Kind("complaints"), r => DemoFileReader.ParseDateTime(r["received_at"]));
        Assert.All(demo.Kind("surveys"), r => DemoFileReader.ParseQuarter(r["quarter"]));
    }

    [Fact]
    public void Survey_questions_are_exactly_those_of_policy_section_6()
    {
        var questions = demo.Kind("survey_questions").Where(r => r.File == "满意度问卷_2026.xlsx")
            .Select(r => (r["question"], DemoFileReader.Number(r["weight"]), DemoFileReader.Number(r["scale"]))).ToList();
        Assert.Equal([("Q1", 0.4m, 5m), ("Q2", 0.3m, 5m), ("Q3", 0.3m, 10m)], questions);
        Assert.All(demo.Kind("survey_questions"), r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r["text"]));
    }

    [Fact]
    public void Bad_rows_are_where_the_manifest_says()
    {
        var bad = demo.Manifest.BadRows;
        Assert.InRange(bad.Count, 6, 10);
        AssertBadRowsAreWhereListed(demo.Folder, bad);
        var why = string.Join("\n", bad.Select(b => b.Why));
        Assert.Contains(bad, b => b.Value == "105");
        Assert.Contains(bad, b => b.Value == "WHB");
        Assert.Contains(bad, b => b.Column == "resolved_at");
        Assert.Contains(bad, b => b.Value.StartsWith("2026-13-01", StringComparison.Ordinal));
        Assert.Contains(bad, b => b.Value == "2.0" && b.Why.Contains("记录不全", StringComparison.Ordinal));
        Assert.Contains(bad, b => b.Value == "6" && b.Why.Contains("scale", StringComparison.Ordinal));
        Assert.Contains(bad, b => b.Value == "" && b.Why.Contains("blank", StringComparison.Ordinal));
        Assert.Contains(bad, b => b.Sheet is not null);
        Assert.NotEmpty(why);
    }

    internal static void AssertBadRowsAreWhereListed(string folder, IReadOnlyList<DemoBadRow> bad)
    {
        foreach (var row in bad)
        {
            var path = Path.Combine(folder, row.File);
            string actual;
            if (row.Sheet is null)
            {
                var records = DemoFileReader.ParseCsv(DemoFileReader.Decode(File.ReadAllBytes(path)).Text);
                var header = records[0].Fields;
                var record = records.Single(r => r.Line == row.Line);
                actual = record.Fields[Array.IndexOf(header, row.Column)];
            }
            else
            {
                actual = DemoFileReader.CellText(DemoFileReader.ReadSheet(path, row.Sheet).Single(r => r.Line == row.Line).Cells[row.Column]);
            }
            Assert.True(row.Value == actual, $"{row.File}/{row.Sheet} line {row.Line} column {row.Column}: manifest says '{row.Value}', file has '{actual}'");
        }
    }

    [Theory]
    [InlineData(1, 2026, 2, 2026, 2)]
    [InlineData(42, 2025, 1, 2025, 4)]
    [InlineData(20260710, 2023, 3, 2027, 1)]
    public void Other_seeds_and_ranges_generate_readable_files_with_bad_rows_where_listed(int seed, int y1, int q1, int y2, int q2)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qa-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifest = DemoDataGenerator.Generate(new DemoOptions(folder, seed, new Quarter(y1, q1), new Quarter(y2, q2)));
            Assert.InRange(manifest.BadRows.Count, 6, 10);
            AssertBadRowsAreWhereListed(folder, manifest.BadRows);
            var rows = DemoFileReader.ReadAll(folder);
            Assert.Contains(rows, r => r.Kind == "complaints");
            Assert.Contains(rows, r => r.Kind == "survey_questions");
            Assert.Equal(manifest.Files.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_first_quarter_after_the_last_is_refused() =>
        Assert.Throws<ArgumentException>(() => DemoDataGenerator.Generate(new DemoOptions(Path.GetTempPath(), 1, new Quarter(2026, 2), new Quarter(2026, 1))));

    [Fact]
    public void Bad_rows_really_break_a_rule()
    {
        var bad = demo.Rows.Where(r => demo.Manifest.BadRows.Any(b => b.File == r.File && b.Sheet == r.Sheet && b.Line == r.Line)).ToList();
        Assert.Equal(demo.Manifest.BadRows.Count, bad.Count);
        var resolvedEarly = bad.Single(r => r.Kind == "complaints" && r["resolved_at"].Length > 0 && r["received_at"].StartsWith("20", StringComparison.Ordinal)
            && !r["received_at"].Contains("-13-", StringComparison.Ordinal) && DemoFileReader.ParseDateTime(r["resolved_at"]) < DemoFileReader.ParseDateTime(r["received_at"]));
        Assert.Equal("MKT", resolvedEarly["department"]);
        Assert.DoesNotContain(demo.Rows.Where(r => r.Kind == "departments"), r => r["code"] == "WHB");
        Assert.Throws<FormatException>(() => DemoFileReader.ParseDateTime(bad.Single(r => r["received_at"].Contains("-13-", StringComparison.Ordinal))["received_at"]));
        // None of them touches the worked example.
        Assert.DoesNotContain(bad, r => r["department"] is "LOG" or "STO" && (r["quarter"] == "2026Q2" || r.Cells.Values.Any(v => v.Contains("2026Q2", StringComparison.Ordinal))));
    }

    [Fact]
    public void Check_scores_equal_100_minus_their_deductions()
    {
        var points = demo.Kind("check_deductions").GroupBy(r => r["check_id"]).ToDictionary(g => g.Key, g => g.Sum(r => DemoFileReader.Number(r["points"])));
        var checks = demo.Kind("checks").ToDictionary(r => r["check_id"], r => DemoFileReader.Number(r["score"]));
        Assert.NotEmpty(points);
        foreach (var (id, sum) in points)
        {
            Assert.True(checks.ContainsKey(id), $"deductions for an unknown check {id}");
            Assert.Equal(100m - sum, checks[id]);
        }
    }

    [Fact]
    public void The_worked_example_of_policy_section_6_is_in_the_files()
    {
        Assert.Equal(88.20m, Total("LOG", out var log));
        Assert.Equal((94.00m, 93.33m, 77.00m, 0.5m), log);
        Assert.Equal(99.60m, Total("STO", out var sto));
        Assert.Equal((99.00m, 100m, 100m, 0m), sto);

        var logSelf = demo.Kind("checks").Where(r => demo.Code(r["department"]) == "LOG" && Q2.Contains(DemoFileReader.ParseMonth(r["month"])) && r["kind"] == "自查")
            .OrderBy(r => DemoFileReader.ParseMonth(r["month"])).Select(r => DemoFileReader.Number(r["score"]));
        Assert.Equal([96m, 94m, 98m], logSelf);
        var answers = demo.Kind("surveys").Where(r => r["department"] == "LOG" && DemoFileReader.ParseQuarter(r["quarter"]) == Q2)
            .GroupBy(r => r["response_id"]).Select(g => string.Join(",", g.OrderBy(r => r["question"]).Select(r => r["score"])));
        Assert.Equal(["5,4,9", "5,5,10", "4,5,9"], answers);
    }

    /// <summary>policy.md §3–4 with the default parameters, straight from the rows read back (no shortcut through the generator).</summary>
    private decimal Total(string dept, out (decimal S, decimal V, decimal C, decimal K) parts)
    {
        var checks = demo.Kind("checks").Where(r => demo.Code(r["department"]) == dept && Q2.Contains(DemoFileReader.ParseMonth(r["month"]))).ToList();
        decimal MonthMean(IEnumerable<RawRow> rows) => rows.Average(r => DemoFileReader.Number(r["score"]));
        var self = checks.Where(r => r["kind"] is "自查" or "self").GroupBy(r => DemoFileReader.ParseMonth(r["month"])).ToDictionary(g => g.Key, MonthMean);
        var spot = checks.Where(r => r["kind"] is "抽查" or "spot").GroupBy(r => DemoFileReader.ParseMonth(r["month"])).ToDictionary(g => g.Key, MonthMean);
        var penalty = spot.Sum(s => Math.Abs(s.Value - self[s.Key]) switch { <= 1 => 0m, <= 3 => 1m, <= 5 => 2m, <= 10 => 4m, _ => 6m });
        var s = Money.Round2(Math.Max(0, self.Values.Average() - penalty));

        var questions = demo.Kind("survey_questions").GroupBy(r => r["question"]).ToDictionary(g => g.Key,
            g => (W: DemoFileReader.Number(g.First()["weight"]), Scale: DemoFileReader.Number(g.First()["scale"])));
        var questionnaires = demo.Kind("surveys").Where(r => r["department"] == dept && DemoFileReader.ParseQuarter(r["quarter"]) == Q2 && r["excluded"] != "是")
            .GroupBy(r => r["response_id"])
            .Select(g => g.Sum(r => questions[r["question"]].W * DemoFileReader.Number(r["score"]) / questions[r["question"]].Scale * 100) / g.Sum(r => questions[r["question"]].W))
            .ToList();
        var v = Money.Round2(questionnaires.Average());
        if (v >= 95) v = 100;

        var complaints = demo.Kind("complaints").Where(r => r["department"] == dept && Q2.Contains(DateOnly.FromDateTime(DemoFileReader.ParseDateTime(r["received_at"])))).ToList();
        var valid = complaints.Where(r => r["valid"] is "Y" or "有效").ToList();
        var c = Math.Max(0, 100 - 10 * valid.Count - valid.Sum(r => r["direct_deduction"].Length == 0 ? 0 : DemoFileReader.Number(r["direct_deduction"])));

        var callbacks = demo.Kind("callbacks").Where(r => r["department"] == dept && Q2.Contains(DateOnly.FromDateTime(DemoFileReader.ParseDateTime(r["called_on"])))).ToList();
        var k = callbacks.Sum(r => r["deduction"].Length > 0 ? DemoFileReader.Number(r["deduction"]) : r["finding"] is "incomplete" or "记录不全" ? 0.5m : r["finding"] is "mismatch" or "与实际不符" ? 1m : 0m);
        if (dept == "LOG")
        {
            Assert.Equal(3, complaints.Count);
            Assert.Single(callbacks, r => r["finding"] is "incomplete" or "记录不全");
            Assert.All(callbacks.Where(r => r["finding"] is not ("incomplete" or "记录不全")), r => Assert.True(r["finding"] is "none" or "无"));
        }
        parts = (s, v, c, k);
        return Math.Max(0, Money.Round2(0.4m * s + 0.3m * v + 0.3m * c - k));
    }

    [Fact]
    public void WUH_declines_every_quarter()
    {
        var quarters = Quarter.Range(demo.Manifest.FirstQuarter, demo.Manifest.LastQuarter).ToList();
        Assert.Equal(8, quarters.Count);
        var self = quarters.Select(q => demo.Kind("checks")
            .Where(r => demo.Code(r["department"]) == "WUH" && r["kind"] == "自查" && q.Contains(DemoFileReader.ParseMonth(r["month"])))
            .Average(r => DemoFileReader.Number(r["score"]))).ToList();
        for (var i = 1; i < self.Count; i++) Assert.True(self[i] < self[i - 1], $"WUH self-check mean did not fall in {quarters[i]}: {self[i - 1]:0.00} → {self[i]:0.00}");
        var drop = (self[0] - self[^1]) / (self.Count - 1);
        Assert.InRange(drop, 1.0m, 1.5m);

        var complaints = quarters.Select(q => demo.Kind("complaints").Count(r => r["department"] == "WUH"
            && q.Contains(DateOnly.FromDateTime(DemoFileReader.ParseDateTime(r["received_at"]))))).ToList();
        for (var i = 1; i < complaints.Count; i++) Assert.True(complaints[i] >= complaints[i - 1], $"WUH complaints fell in {quarters[i]}");
        Assert.True(complaints[^1] >= complaints[0] + 4);
    }

    [Fact]
    public void ORD_has_one_out_of_control_month_2026_05()
    {
        var months = demo.Kind("checks").Where(r => demo.Code(r["department"]) == "ORD" && r["kind"] == "自查")
            .GroupBy(r => DemoFileReader.ParseMonth(r["month"])).ToDictionary(g => g.Key, g => (double)g.Average(r => DemoFileReader.Number(r["score"])));
        Assert.Equal(24, months.Count);
        var outlier = months.MinBy(m => m.Value);
        Assert.Equal(new DateOnly(2026, 5, 1), outlier.Key);
        var others = months.Where(m => m.Key != outlier.Key).Select(m => m.Value).ToList();
        var mean = others.Average();
        var sd = Math.Sqrt(others.Sum(x => (x - mean) * (x - mean)) / (others.Count - 1));
        Assert.InRange(mean, 96, 98);
        Assert.True(outlier.Value < mean - 3 * sd, $"2026-05 {outlier.Value} is not below {mean:0.00} − 3·{sd:0.00}");
        Assert.All(others, x => Assert.True(x > mean - 3 * sd));
    }

    [Fact]
    public void Slow_response_dominates_the_complaints()
    {
        var complaints = demo.Kind("complaints").ToList();
        Assert.InRange(complaints.Count, 100, 400);
        var byCategory = complaints.GroupBy(r => r["category"]).OrderByDescending(g => g.Count()).ToList();
        Assert.Equal("响应不及时", byCategory[0].Key);
        Assert.True(byCategory[0].Count() >= 0.45 * complaints.Count, $"响应不及时 is {byCategory[0].Count()} of {complaints.Count}");
        Assert.Superset(new HashSet<string> { "电话", "邮件", "网站", "意见箱", "其他" }, complaints.Select(r => r["channel"]).ToHashSet());
        Assert.Subset(new HashSet<string> { "电话", "邮件", "网站", "意见箱", "其他" }, complaints.Select(r => r["channel"]).ToHashSet());
    }

    [Fact]
    public void Complaints_look_like_a_real_log()
    {
        var calendar = QualityAnalytics.Warehouse.Calendar.WorkdayCalendar.Default;
        var all = demo.Kind("complaints").Select(r => (Row: r, Received: DemoFileReader.ParseDateTime(r["received_at"]),
            Replied: r["replied_at"].Length > 0 ? DemoFileReader.ParseDateTime(r["replied_at"]) : (DateTime?)null,
            Resolved: r["resolved_at"].Length > 0 ? DemoFileReader.ParseDateTime(r["resolved_at"]) : (DateTime?)null)).ToList();
        var offHours = all.Count(c => !calendar.IsWorkingDay(DateOnly.FromDateTime(c.Received)) || c.Received.Hour >= 18);
        Assert.InRange(offHours, 5, all.Count / 2);
        Assert.Contains(all, c => c.Replied - c.Received > TimeSpan.FromHours(24));
        Assert.True(all.Count(c => c.Replied - c.Received <= TimeSpan.FromHours(24)) > all.Count * 0.7);
        var resolved = all.Where(c => c.Resolved is not null).ToList();
        var days = resolved.Select(c => calendar.WorkingDaysBetween(DateOnly.FromDateTime(c.Received), DateOnly.FromDateTime(c.Resolved!.Value))).ToList();
        Assert.All(days, d => Assert.InRange(d, 1, 5));
        Assert.Contains(days, d => d > 3);
        Assert.Contains(resolved, c => c.Resolved!.Value.Date - c.Received.Date > TimeSpan.FromDays(6)); // spans a long holiday
        Assert.Contains(all, c => c.Resolved is null); // still open in the last quarter
        var invalid = all.Count(c => c.Row["valid"] is "N" or "无效");
        Assert.InRange(invalid, all.Count * 0.03, all.Count * 0.2);
        Assert.All(all.Where(c => c.Row["direct_deduction"].Length > 0), c => Assert.InRange(DemoFileReader.Number(c.Row["direct_deduction"]), 1m, 5m));
        Assert.Superset(new HashSet<string> { "满意", "基本满意", "不满意" }, all.Select(c => c.Row["satisfaction"]).ToHashSet());
    }

    [Fact]
    public void Volumes_per_department_and_quarter_are_in_the_ranges_asked()
    {
        var quarters = Quarter.Range(demo.Manifest.FirstQuarter, demo.Manifest.LastQuarter).ToList();
        foreach (var dept in new[] { "MKT", "LOG", "WUH", "ORD", "STO", "BID", "MET" })
        {
            foreach (var q in quarters)
            {
                var questionnaires = demo.Kind("surveys").Where(r => r["department"] == dept && DemoFileReader.ParseQuarter(r["quarter"]) == q).Select(r => r["response_id"]).Distinct().Count();
                var callbacks = demo.Kind("callbacks").Count(r => r["department"] == dept && q.Contains(DateOnly.FromDateTime(DemoFileReader.ParseDateTime(r["called_on"]))));
                var complaints = demo.Kind("complaints").Count(r => r["department"] == dept && q.Contains(DateOnly.FromDateTime(DemoFileReader.ParseDateTime(r["received_at"]))));
                var selfPerMonth = q.Months.Select(m => demo.Kind("checks").Count(r => demo.Code(r["department"]) == dept && r["kind"] == "自查" && DemoFileReader.ParseMonth(r["month"]) == m));
                Assert.InRange(questionnaires, dept == "LOG" && q == Q2 ? 3 : 4, 8);
                Assert.InRange(callbacks, 6, 12);
                Assert.InRange(complaints, 0, 8);
                Assert.All(selfPerMonth, n => Assert.InRange(n, 1, 2));
            }
        }
    }
}
