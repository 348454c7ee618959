using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Web.Cli;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>qa load then qa score, end to end, on policy.md §6's worked example written in every supported format.</summary>
public sealed class ScoreCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public ScoreCliTests() => WriteWorkedExample();

    public void Dispose() => _qa.Dispose();

    private void WriteWorkedExample()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // Departments: UTF-8 with BOM, Chinese headers. 计量检测中心 has no data at all this quarter.
        File.WriteAllText(Path.Combine(Dir("inbox"), "部门.csv"), "部门编码,部门名称\nLOG,物流业务部\nSTO,储运中心\nMET,计量检测中心\n", new UTF8Encoding(true));
        // Self and spot checks: GB18030, Chinese headers, Chinese month forms.
        File.WriteAllBytes(Path.Combine(Dir("inbox"), "自查.csv"), Encoding.GetEncoding("GB18030").GetBytes(
            "检查编号,部门编码,月份,检查类型,得分\nK1,LOG,2026年4月,自查,96\nK2,LOG,2026年5月,自查,94\nK3,LOG,2026年6月,自查,98\nK4,LOG,2026年5月,抽查,90\n" +
            "K5,STO,2026-04,自查,98\nK6,STO,2026-05,自查,99\nK7,STO,2026-06,自查,100\nK8,STO,2026-06,抽查,99.5\n"));
        // Questions and questionnaires: an XLSX workbook with two sheets.
        var answers = new List<Dictionary<string, object?>>();
        void Q(string id, string dept, params int[] scores)
        {
            for (var i = 0; i < scores.Length; i++)
                answers.Add(new() { ["问卷编号"] = id, ["部门编码"] = dept, ["季度"] = "2026年第2季度", ["客户名称"] = "客户" + id, ["题号"] = $"Q{i + 1}", ["评分"] = scores[i] });
        }
        Q("R1", "LOG", 5, 4, 9); Q("R2", "LOG", 5, 5, 10); Q("R3", "LOG", 4, 5, 9);
        Q("R4", "STO", 5, 5, 10); Q("R5", "STO", 5, 4, 10); // 100 and 94 → 97 → 100
        MiniExcel.SaveAs(Path.Combine(Dir("inbox"), "问卷.xlsx"), new Dictionary<string, object>
        {
            ["题目"] = new[]
            {
                new Dictionary<string, object?> { ["题号"] = "Q1", ["题目"] = "服务态度", ["权重"] = 0.4, ["满分"] = 5 },
                new Dictionary<string, object?> { ["题号"] = "Q2", ["题目"] = "响应速度", ["权重"] = 0.3, ["满分"] = 5 },
                new Dictionary<string, object?> { ["题号"] = "Q3", ["题目"] = "综合满意度", ["权重"] = 0.3, ["满分"] = 10 },
            },
            ["答卷"] = answers,
        });
        // Complaints: UTF-8 without BOM, English headers; callbacks: tab-separated UTF-16.
        File.WriteAllText(Path.Combine(Dir("inbox"), "complaints.csv"),
            "complaint_id,department,received_at,channel,valid,direct_deduction\nC-101,LOG,2026-04-03 14:05,电话,是,\nC-102,LOG,2026/5/3 9:00,邮件,Y,3\nC-103,LOG,2026年6月3日 10:00,网站,否,\n" +
            "C-900,STO,2026-03-31 23:59:59,电话,是,\nC-901,STO,2026-07-01 00:00:00,电话,是,\n");
        File.WriteAllText(Path.Combine(Dir("inbox"), "callbacks.txt"), "callback_id\tdepartment\tcalled_on\tfinding\nB-1\tLOG\t2026-05-20\t记录不全\n", new UnicodeEncoding(false, true));
    }

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(_qa.Folder, name)).FullName;

    private JsonElement ScoreJson(params string[] extra)
    {
        var (exit, output, error) = _qa.Run(["score", "--quarter", "2026Q2", "--format", "json", .. extra]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static JsonElement Dept(JsonElement all, string code) => all.EnumerateArray().Single(e => e.GetProperty("department").GetString() == code);

    [Fact]
    public void The_worked_examples_come_out_to_the_cent_from_files_in_every_format()
    {
        Assert.Equal(0, _qa.Run("load", "inbox").Exit);
        var all = ScoreJson();

        var log = Dept(all, "LOG");
        Assert.Equal("物流业务部", log.GetProperty("name").GetString());
        Assert.Equal("2026Q2", log.GetProperty("quarter").GetString());
        Assert.Equal(96.00m, log.GetProperty("self_check_base").GetDecimal());
        Assert.Equal(2m, log.GetProperty("consistency_penalty").GetDecimal());
        Assert.Equal(94.00m, log.GetProperty("self_check").GetDecimal());
        Assert.Equal(93.33m, log.GetProperty("survey").GetDecimal());
        Assert.Equal(77.00m, log.GetProperty("complaint").GetDecimal());
        Assert.Equal(0.5m, log.GetProperty("callback_deduction").GetDecimal());
        Assert.Equal(88.20m, log.GetProperty("total").GetDecimal());
        Assert.Equal("fail", log.GetProperty("grade").GetString());
        Assert.Equal(-5000m, log.GetProperty("amount").GetDecimal());
        Assert.True(log.GetProperty("complete").GetBoolean());

        var sto = Dept(all, "STO");
        Assert.Equal((99.00m, 100m, 100m, 99.60m, "excellent", 9200m),
            (sto.GetProperty("self_check").GetDecimal(), sto.GetProperty("survey").GetDecimal(), sto.GetProperty("complaint").GetDecimal(),
             sto.GetProperty("total").GetDecimal(), sto.GetProperty("grade").GetString(), sto.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public void A_department_without_data_is_listed_as_withheld_with_no_total_and_no_money()
    {
        _qa.Run("load", "inbox");
        var met = Dept(ScoreJson(), "MET");
        Assert.Equal("withheld", met.GetProperty("grade").GetString());
        Assert.Equal(JsonValueKind.Null, met.GetProperty("total").ValueKind);
        Assert.Equal(JsonValueKind.Null, met.GetProperty("self_check").ValueKind);
        Assert.Equal(0m, met.GetProperty("amount").GetDecimal());
        Assert.False(met.GetProperty("complete").GetBoolean());
        Assert.Equal(["self_check", "survey"], met.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Under_missing_data_zero_a_missing_component_is_still_null_in_the_json()
    {
        _qa.Run("load", "inbox");
        // STO without its questionnaires: the contract's survey is null when missing; zero only decides what the total uses.
        _qa.Run("exclude", "--response", "R4", "--reason", "持异议");
        _qa.Run("exclude", "--response", "R5", "--reason", "持异议");
        var json = File.ReadAllText(Path.Combine(FindRepo(), "warehouse", "Scoring", "default-policy.json"))
            .Replace("\"version\": \"2013-07\"", "\"version\": \"zero\"").Replace("\"missing_data\": \"rescale\"", "\"missing_data\": \"zero\"");
        File.WriteAllText(Path.Combine(_qa.Folder, "zero.json"), json);

        var sto = Dept(ScoreJson("--policy", "zero.json"), "STO");

        Assert.Equal(JsonValueKind.Null, sto.GetProperty("survey").ValueKind);
        Assert.Equal(["survey"], sto.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.False(sto.GetProperty("complete").GetBoolean());
        Assert.Equal(69.60m, sto.GetProperty("total").GetDecimal()); // 0.4 × 99 + 0.3 × 0 + 0.3 × 100
    }

    [Fact]
    public void Every_number_in_the_json_has_at_most_two_decimals()
    {
        _qa.Run("load", "inbox");
        foreach (var dept in ScoreJson().EnumerateArray())
            foreach (var p in dept.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
                Assert.True(p.Value.GetDecimal() == Math.Round(p.Value.GetDecimal(), 2), $"{p.Name} = {p.Value}");
    }

    [Fact]
    public void The_table_writes_money_and_scores_as_the_report_does_with_the_minus_sign()
    {
        _qa.Run("load", "inbox");
        // policy.md §6's worked examples: LOG 88.20, −5,000 yuan; STO 99.60, +9,200.
        var (exit, table, error) = _qa.Run("score", "--quarter", "2026Q2");
        Assert.True(exit == 0, error);

        var log = table.Split('\n').Single(l => l.StartsWith("LOG "));
        var sto = table.Split('\n').Single(l => l.StartsWith("STO "));
        Assert.Contains(" 88.20 ", log);
        Assert.EndsWith("−5,000  物流业务部", log.TrimEnd('\r'));
        Assert.EndsWith("+9,200  储运中心", sto.TrimEnd('\r'));
        // The budget line reads as the report's sentence: the sums unsigned, the net signed; the fund without cents.
        Assert.Contains("rewards 9,200, penalties 5,000, net +4,200; working-group budget 30,000 yuan, remaining after rewards 20,800", table);
        // No number anywhere in the table is written with the ASCII hyphen as its sign.
        Assert.DoesNotMatch(@"(?<![\w-])-\d", table);
        // One formatter: exactly the report's forms (ReportFormat writes money and scores through Figures too).
        Assert.Contains(Figures.Money(-5000m), log);
        Assert.Contains(Figures.Score(88.20m), log);
    }

    [Fact]
    public void The_what_if_table_writes_money_as_the_report_does()
    {
        _qa.Run("load", "inbox");
        WriteLenientPolicy();

        var (exit, table, error) = _qa.Run("score", "--quarter", "2026Q2", "--policy", "lenient.json", "--compare");

        Assert.True(exit == 0, error);
        var log = table.Split('\n').Single(l => l.StartsWith("LOG ")).TrimEnd('\r');
        Assert.Matches(@"88\.20 .*−5,000 +91\.20 .*−3,800 +\+1,200$", log);
        Assert.DoesNotMatch(@"(?<![\w-])-\d", table);
    }

    [Fact]
    public void Every_score_and_amount_in_the_json_is_a_number_with_two_decimals_as_stored()
    {
        _qa.Run("load", "inbox");
        string[] scoresAndMoney = ["self_check_base", "consistency_penalty", "self_check", "survey", "complaint", "callback_deduction", "total", "amount"];
        // The contract's keys, each present; every score and amount a JSON number (or null when missing/withheld) whose
        // text has exactly 2 decimals, whatever the scale the decimal was computed with (90 and 90.0 were both printed).
        foreach (var dept in ScoreJson().EnumerateArray())
        {
            foreach (var key in new[] { "department", "name", "quarter", "grade", "complete", "missing" }.Concat(scoresAndMoney))
                Assert.True(dept.TryGetProperty(key, out _), $"{key} missing");
            foreach (var key in scoresAndMoney)
            {
                var value = dept.GetProperty(key);
                if (value.ValueKind == JsonValueKind.Null) continue;
                Assert.Equal(JsonValueKind.Number, value.ValueKind);
                Assert.Matches(@"^-?\d+\.\d\d$", value.GetRawText());
            }
        }
        var log = Dept(ScoreJson(), "LOG");
        Assert.Equal(("2.00", "77.00", "0.50", "-5000.00"), (log.GetProperty("consistency_penalty").GetRawText(), log.GetProperty("complaint").GetRawText(),
            log.GetProperty("callback_deduction").GetRawText(), log.GetProperty("amount").GetRawText()));

        // The what-if's stored side is read back from the mart and its other side computed, yet both read alike.
        var (_, compared, _) = _qa.Run("score", "--quarter", "2026Q2", "--policy", Path.Combine(FindRepo(), "warehouse", "Scoring", "default-policy.json"), "--compare", "--format", "json");
        var row = JsonDocument.Parse(compared).RootElement.EnumerateArray().Single(e => e.GetProperty("department").GetString() == "LOG");
        Assert.Equal(("88.20", "-5000.00"), (row.GetProperty("stored").GetProperty("total").GetRawText(), row.GetProperty("stored").GetProperty("amount").GetRawText()));
        Assert.Equal(("88.20", "-5000.00", "0.00"), (row.GetProperty("what_if").GetProperty("total").GetRawText(),
            row.GetProperty("what_if").GetProperty("amount").GetRawText(), row.GetProperty("amount_change").GetRawText()));
    }

    [Fact]
    public void Reloading_identical_data_gives_identical_results()
    {
        _qa.Run("load", "inbox");
        var first = ScoreJson().ToString();
        _qa.Run("load", "inbox");
        Assert.Equal(first, ScoreJson().ToString());
    }

    [Fact]
    public void Approved_results_never_change_and_later_data_makes_a_draft_with_the_differences()
    {
        _qa.Run("load", "inbox");
        var (exit, output, _) = _qa.Run("approve", "--quarter", "2026Q2", "--by", "质量管理委员会");
        Assert.Equal(0, exit);
        Assert.Contains("approved by 质量管理委员会", output);

        // A late complaint against STO arrives after the meeting.
        File.WriteAllText(Path.Combine(_qa.Folder, "inbox", "late.csv"), "complaint_id,department,received_at,channel,valid\nC-950,STO,2026-06-30 23:59:59,电话,是\n");
        _qa.Run("load", "inbox");

        using (var db = _qa.Warehouse.CreateContext())
        {
            var approved = db.ApprovedAssessments.Single(a => a.DepartmentCode == "STO");
            Assert.Equal((99.60m, "excellent", 9200m), (approved.Total!.Value, approved.Grade, approved.Amount));
            Assert.Equal("质量管理委员会", db.QuarterApprovals.Single().ApprovedBy);
        }
        var sto = Dept(ScoreJson(), "STO");
        Assert.Equal(96.60m, sto.GetProperty("total").GetDecimal());
        Assert.Equal("draft_differs_from_approved", sto.GetProperty("status").GetString());
        var table = _qa.Run("score", "--quarter", "2026Q2").Out;
        Assert.Contains("STO total: approved 99.60 → draft 96.60", table);
        Assert.Contains("STO amount: approved +9,200 → draft +3,200", table); // money as the report writes it
        // qa explain explains the current draft, and says that it is one and how it differs, for that department only.
        var explained = _qa.Run("explain", "--quarter", "2026Q2", "--department", "STO").Out;
        Assert.Contains("approved by 质量管理委员会", explained);
        Assert.Contains("this is a new draft", explained);
        Assert.Contains("STO total: approved 99.60 → draft 96.60", explained);
        var unchanged = _qa.Run("explain", "--quarter", "2026Q2", "--department", "LOG").Out;
        Assert.Contains("the current data gives the same results", unchanged);
        Assert.DoesNotContain("STO", unchanged);

        var again = _qa.Run("approve", "--quarter", "2026Q2");
        Assert.Equal(1, again.Exit);
        Assert.Contains("already approved", again.Error);
    }

    [Fact]
    public void Score_and_explain_name_each_value_of_the_approved_policy_version_edited_since_the_approval()
    {
        _qa.Run("load", "inbox");
        Assert.Equal(0, _qa.Run("approve", "--quarter", "2026Q2", "--by", "质量管理委员会").Exit);
        Assert.DoesNotContain("was edited since the approval", _qa.Run("score", "--quarter", "2026Q2").Out);
        // The same version (2013-07) edited in place: another pass mark.
        var edited = File.ReadAllText(Path.Combine(FindRepo(), "warehouse", "Scoring", "default-policy.json")).Replace("\"pass_at\": 95", "\"pass_at\": 90");
        File.WriteAllText(Path.Combine(_qa.Folder, "edited.json"), edited);

        var table = _qa.Run("score", "--quarter", "2026Q2", "--policy", "edited.json").Out;
        var explained = _qa.Run("explain", "--quarter", "2026Q2", "--department", "LOG", "--policy", "edited.json").Out;

        foreach (var output in new[] { table, explained })
        {
            Assert.Contains("policy 2013-07 was edited since the approval; this draft follows the values now in force, 'qa report' the values at approval:", output);
            Assert.Contains("  pass_at: approved 95 → now 90", output);
        }
    }

    [Fact]
    public void The_what_if_shows_another_policy_beside_the_stored_results_and_stores_nothing()
    {
        _qa.Run("load", "inbox");
        ScoreJson();
        WriteLenientPolicy();
        var before = MartSnapshot();

        var (exit, output, error) = _qa.Run("score", "--quarter", "2026Q2", "--policy", "lenient.json", "--compare", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Equal(before, MartSnapshot());
        var log = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(e => e.GetProperty("department").GetString() == "LOG");
        Assert.Equal(88.20m, log.GetProperty("stored").GetProperty("total").GetDecimal());
        Assert.Equal(91.20m, log.GetProperty("what_if").GetProperty("total").GetDecimal()); // C 87 instead of 77: +3.00
        Assert.Equal(-3800m, log.GetProperty("what_if").GetProperty("amount").GetDecimal());
        Assert.Equal(1200m, log.GetProperty("amount_change").GetDecimal());
    }

    [Fact]
    public void Explain_and_approve_take_the_policy_file_that_score_was_given()
    {
        _qa.Run("load", "inbox");
        WriteLenientPolicy();
        Assert.Equal(91.20m, Dept(ScoreJson("--policy", "lenient.json"), "LOG").GetProperty("total").GetDecimal());

        // The numbers qa score printed under --policy are the ones qa explain explains and qa approve freezes.
        var (exit, output, error) = _qa.Run("explain", "--quarter", "2026Q2", "--department", "LOG", "--policy", "lenient.json");
        Assert.True(exit == 0, error);
        Assert.Contains("policy lenient: total 91.20", output);
        Assert.Contains("C = 100 − 5 × 2 valid", output);
        (exit, output, error) = _qa.Run("approve", "--quarter", "2026Q2", "--policy", "lenient.json", "--by", "质量管理委员会");
        Assert.True(exit == 0, error);
        Assert.Contains("under policy lenient", output);
        using var db = _qa.Warehouse.CreateContext();
        var approved = db.ApprovedAssessments.Single(a => a.DepartmentCode == "LOG");
        Assert.Equal(("lenient", 91.20m), (approved.PolicyVersion, approved.Total!.Value));
    }

    [Fact]
    public void Explain_names_the_rows_behind_every_number()
    {
        _qa.Run("load", "inbox");
        var (exit, output, _) = _qa.Run("explain", "--quarter", "2026Q2", "--department", "LOG");
        Assert.Equal(0, exit);
        Assert.Contains("C = 100 − 10 × 2 valid (C-101, C-102) − 3 direct (C-102) = 77.00", output);
        Assert.Contains("R1 91.00", output);
        Assert.Contains("88.199 → 88.20", output);
    }

    [Fact]
    public void An_excluded_questionnaire_keeps_who_and_why_and_leaves_the_survey_score()
    {
        _qa.Run("load", "inbox");
        var (exit, _, error) = _qa.Run("exclude", "--response", "R2", "--reason", "客户对评分持异议", "--by", "王主任");
        Assert.True(exit == 0, error);
        Assert.Equal(90.00m, Dept(ScoreJson(), "LOG").GetProperty("survey").GetDecimal()); // mean(91, 89)
        using var db = _qa.Warehouse.CreateContext();
        Assert.All(db.SurveyAnswers.Where(a => a.ResponseId == "R2").ToList(), a => Assert.Equal((true, "王主任", "客户对评分持异议"), (a.Excluded, a.ExcludedBy, a.ExcludedReason)));
        Assert.Equal(3, db.RowChanges.Count(c => c.TableName == "fact_survey_answer"));
    }

    [Fact]
    public void Loading_rescores_the_quarters_whose_data_changed()
    {
        _qa.Run("load", "inbox");
        ScoreJson();
        File.WriteAllText(Path.Combine(_qa.Folder, "inbox", "late.csv"), "complaint_id,department,received_at,channel,valid\nC-951,LOG,2026-06-01 10:00,电话,否\n");
        var (_, _, error) = _qa.Run("load", "inbox");
        Assert.Contains("rescored: 2026Q2", error);
    }

    /// <summary>lenient.json in the working folder: the default policy as version "lenient", 5 points per valid complaint, not 10.</summary>
    private void WriteLenientPolicy()
    {
        var json = File.ReadAllText(Path.Combine(FindRepo(), "warehouse", "Scoring", "default-policy.json"))
            .Replace("\"version\": \"2013-07\"", "\"version\": \"lenient\"").Replace("\"complaint_cost_per_valid\": 10", "\"complaint_cost_per_valid\": 5");
        File.WriteAllText(Path.Combine(_qa.Folder, "lenient.json"), json);
    }

    private string MartSnapshot()
    {
        using var db = _qa.Warehouse.CreateContext();
        return string.Join("\n", db.Assessments.OrderBy(a => a.Id).ToList().Select(a => $"{a.Id}|{a.PolicyVersion}|{a.Total}|{a.ComputedAt:O}"));
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "QualityAnalytics.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}
