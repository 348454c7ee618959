using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Reports.Tests.Pdf;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;
using UglyToad.PdfPig;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>The quarterly report of the demo warehouse, read back with PdfPig (text, fonts) and pdftoppm (pixels).</summary>
public sealed class QuarterlyReportTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    /// <summary>A file of the contract loaded into a copy of the demo warehouse (its data folder: a PostgreSQL copy has one
    /// too), as data that arrived after the demo's.</summary>
    private void Load(WarehouseDb warehouse, string name, string csv)
    {
        var file = Path.Combine(warehouse.DataFolder, name);
        Directory.CreateDirectory(warehouse.DataFolder);
        File.WriteAllText(file, csv);
        Assert.False(new QualityAnalytics.Etl.Loading.FileLoader(warehouse, demo.Clock).Load([file]).AnyRejected);
    }

    private byte[] Generate(ReportOptions? options = null, WarehouseDb? warehouse = null, TimeProvider? clock = null)
    {
        using var db = (warehouse ?? demo.Db).CreateContext();
        return QuarterlyReport.Generate(db, DemoWarehouse.Q2, options ?? new ReportOptions(), PolicyFile.Default, clock ?? demo.Clock);
    }

    private static string AllText(byte[] pdf) => string.Concat(PdfTestKit.PageTexts(pdf));

    [Fact]
    public void The_method_names_the_policy_file_but_not_the_servers_folder()
    {
        // The PDF is downloaded from the dashboard's Reports page: the folder the policy file sits in on the server is
        // none of its readers' business.
        var folder = Path.Combine(Path.GetTempPath(), "qa-policy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "policy.json");
            using (var shipped = typeof(PolicyFile).Assembly.GetManifestResourceStream("QualityAnalytics.Warehouse.Scoring.default-policy.json")!)
            using (var copy = File.Create(file)) shipped.CopyTo(copy);
            using var db = demo.Db.CreateContext();
            var text = AllText(QuarterlyReport.Generate(db, DemoWarehouse.Q2, new ReportOptions(), PolicyFile.Load(file), demo.Clock));
            Assert.Contains("来源：policy.json）", text, StringComparison.Ordinal); // PdfPig reads the text without its spaces
            Assert.DoesNotContain(Path.GetFileName(folder), text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_department_appears_with_its_total_to_the_cent_and_its_grade()
    {
        var pdf = Generate();
        var text = AllText(pdf);

        using var db = demo.Db.CreateContext();
        var scored = AssessmentMart.Stored(db, DemoWarehouse.Q2, PolicyFile.Default.For(DemoWarehouse.Q2))!;
        Assert.Equal(7, scored.Assessments.Count);
        foreach (var a in scored.Assessments)
        {
            var grade = a.Grade switch { Grade.Excellent => "优秀", Grade.Pass => "合格", Grade.Fail => "不合格", _ => "未考核" };
            var total = a.Total!.Value.ToString("0.00", CultureInfo.InvariantCulture);
            // The assessment table's row: name, S, V, C, K, total, grade.
            Assert.Contains($"{a.DepartmentName}{a.SelfCheck:0.00}{a.Survey:0.00}{a.Complaint:0.00}{a.CallbackDeduction:0.00}{total}{grade}", text, StringComparison.Ordinal);
        }
        Assert.Contains("物流业务部94.0093.3377.000.5088.20不合格−5,000", text, StringComparison.Ordinal);
        Assert.Contains("储运中心99.00100.00100.000.0099.60优秀+9,200", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zh_CN_report_has_its_title_sections_and_page_footers()
    {
        var pdf = Generate();
        var pages = PdfTestKit.PageTexts(pdf);

        Assert.InRange(pages.Count, 15, 60);
        Assert.Contains("2026年第二季度服务质量分析报告", pages[0], StringComparison.Ordinal);
        Assert.Contains("XX公司", pages[0], StringComparison.Ordinal);
        Assert.Contains("草稿", pages[0], StringComparison.Ordinal);
        Assert.Contains("2013-07", pages[0], StringComparison.Ordinal);
        Assert.Contains("目录", pages[1], StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"第{i + 1}页/共{pages.Count}页", pages[i], StringComparison.Ordinal);
        var text = string.Concat(pages);
        foreach (var section in new[] { "一、总体情况", "二、考核结果", "三、抽查结果", "四、满意度调查", "五、客户投诉与服务目标", "六、存在的问题",
                     "七、各部门考核说明", "八、原因分析与整改措施", "附录一考核方法", "附录二数据来源" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
        // Sentences written from the numbers, and the fund.
        Assert.Contains("30,000元", text, StringComparison.Ordinal);
        Assert.Contains("环比", text, StringComparison.Ordinal);
        Assert.Contains("同比", text, StringComparison.Ordinal);
        // Lineage: the demo's planted bad rows are counted.
        Assert.Contains("共有8行", text, StringComparison.Ordinal);
        // Each department's explanation is in Chinese too (the PDF's text comes out without spaces).
        Assert.Contains("等次=不合格（T88.20<95）", text, StringComparison.Ordinal);
        Assert.Contains("奖惩金额=−(95−max(88.20,90))×1,000=−5,000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Grade=Fail", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_english_report_is_the_same_document_in_english()
    {
        var zh = PdfTestKit.PageTexts(Generate());
        var pages = PdfTestKit.PageTexts(Generate(new ReportOptions { Language = "en" }));

        Assert.Contains("ServiceQualityAnalysisReport,2026Q2", pages[0], StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page{i + 1}of{pages.Count}", pages[i], StringComparison.Ordinal);
        var text = string.Concat(pages);
        Assert.Contains("物流业务部(LOG)94.0093.3377.000.5088.20Fail", text, StringComparison.Ordinal);
        Assert.Contains("储运中心(STO)99.00100.00100.000.0099.60Excellent", text, StringComparison.Ordinal);
        Assert.Contains("AppendixB.Datasources", text, StringComparison.Ordinal);
        Assert.Contains("Grade=Fail(T88.20<95)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("总体情况", text, StringComparison.Ordinal);
        // The default company in English words, on the cover and in the policy's English title: no Chinese on the cover.
        Assert.Contains("XXCompany", pages[0], StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", pages[0]);
        Assert.Contains("theXXCompanyServiceQualityManagementRules(trial)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("XX公司", text, StringComparison.Ordinal);
        Assert.InRange(pages.Count, zh.Count - 3, zh.Count + 3);
    }

    [Fact]
    public void A_finding_of_several_clauses_prints_each_after_a_bullet_and_one_of_one_clause_as_a_sentence()
    {
        using var db = demo.Db.CreateContext();
        var findings = ReportDataReader.Read(db, DemoWarehouse.Q2, new ReportOptions(), PolicyFile.Default, demo.Clock).Analysis.Findings;
        var several = findings.First(f => f.EvidenceZhClauses.Count > 2);
        var single = findings.First(f => f.EvidenceZhClauses.Count == 1);

        var zh = AllText(Generate());
        var en = AllText(Generate(new ReportOptions { Language = "en" }));

        // The clauses one after another, each after its bullet, in the order of the analysis (the text comes without its
        // spaces and line breaks).
        Assert.Contains(PdfTestKit.Squeeze(string.Concat(several.EvidenceZhClauses.Select(c => "• " + c))), zh, StringComparison.Ordinal);
        Assert.Contains(PdfTestKit.Squeeze(string.Concat(several.EvidenceEnClauses.Select(c => "• " + c))), en, StringComparison.Ordinal);
        Assert.Contains(PdfTestKit.Squeeze(single.EvidenceZh), zh, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfTestKit.Squeeze("• " + single.EvidenceZh), zh, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfTestKit.Squeeze(several.EvidenceZh), zh, StringComparison.Ordinal); // no longer one sentence
    }

    [Fact]
    public void The_english_summaries_read_as_english_when_a_count_is_one()
    {
        // The spot-check summary read "10 agreed with the self-check (d ≤ 1 points); penalties total 1 points" and the
        // complaint summary "with direct deductions of 0 points": sentences whose numbers came from the data.
        var text = AllText(Generate(new ReportOptions { Language = "en" }));

        Assert.DoesNotContain("≤1points", text, StringComparison.Ordinal);
        Assert.Contains("agreedwiththeself-check(d≤1);consistencypenaltypointsintotal:", text, StringComparison.Ordinal);
        Assert.Contains("pointsofdirectdeductions.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_method_appendix_names_the_built_in_policy_and_its_missing_data_rule_in_the_reports_language()
    {
        // The Chinese report said "来源 default-policy.json (embedded)" and "数据缺失处理 rescale": English of the code's.
        var zh = AllText(Generate());
        Assert.Contains("来源：系统内置的默认考核办法", zh, StringComparison.Ordinal);
        Assert.Contains("数据缺失处理按现有分项重新分配权重", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", zh, StringComparison.Ordinal);
        var en = AllText(Generate(new ReportOptions { Language = "en" }));
        Assert.Contains("(source:thedefaultpolicybuiltintothesystem)", en, StringComparison.Ordinal);
        Assert.Contains("Missingdatarescaletheweightsofthepresentcomponents", en, StringComparison.Ordinal);
    }

    [Fact]
    public void One_subset_cjk_font_is_embedded_and_chinese_extracts_correctly()
    {
        var pdf = Generate();

        Assert.Equal(1, PdfTestKit.Count(pdf, "/FontFile2"));
        using var document = PdfDocument.Open(pdf);
        var name = Assert.Single(document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct());
        Assert.Matches("^[A-Z]{6}\\+", name);
        Assert.True(pdf.Length < 1_500_000, $"{pdf.Length} bytes");
        Assert.DoesNotContain("⼼", AllText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_renders_with_ink()
    {
        var pdf = Generate();

        var folder = Directory.CreateTempSubdirectory("qa-report-ink-");
        IReadOnlyList<double> ink;
        try
        {
            ink = PdfTestKit.InkPerPage(pdf, folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.True(ink.Count >= 15, $"{ink.Count} pages");
        Assert.All(ink, share => Assert.True(share > 0.005, $"a page is blank ({share:P2} ink)"));
    }

    [Fact]
    public void The_same_data_and_clock_give_identical_bytes_and_another_clock_changes_only_the_stamp()
    {
        var first = Generate();
        var second = Generate();
        Assert.Equal(first, second);

        var later = Generate(clock: new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero)));
        var a = PdfTestKit.PageTexts(first);
        var b = PdfTestKit.PageTexts(later);
        Assert.Equal(a.Count, b.Count);
        Assert.Contains("2026年9月1日10:00", b[0], StringComparison.Ordinal);
        Assert.Equal(a.Skip(1), b.Skip(1));
        // Data as of: the end of the demo's load, not the clock.
        Assert.Equal(Cover(a[0], "数据截至"), Cover(b[0], "数据截至"));
    }

    private static string Cover(string page, string label)
    {
        var at = page.IndexOf(label, StringComparison.Ordinal);
        return at < 0 ? "" : page.Substring(at, Math.Min(label.Length + 16, page.Length - at));
    }

    [Fact]
    public void The_working_groups_notes_from_the_warehouse_and_from_a_file_appear()
    {
        var warehouse = demo.CopyDatabase();
        using (var db = warehouse.CreateContext())
        {
            db.Notes.Add(new QuarterNote { QuarterKey = DemoWarehouse.Q2.Key, DepartmentCode = "WUH", Causes = "人员流动大,新人培训不足", Solutions = "建立带教制度", UpdatedBy = "组长", UpdatedAt = demo.Clock.GetUtcNow() });
            db.Notes.Add(new QuarterNote { QuarterKey = DemoWarehouse.Q2.Key, DepartmentCode = "LOG", Causes = "库里的原因", Solutions = "库里的措施", UpdatedBy = "组长", UpdatedAt = demo.Clock.GetUtcNow() });
            db.SaveChanges();
        }
        var file = Path.Combine(demo.Folder, $"notes-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """[{"department": "物流业务部", "causes": "文件里的原因", "solutions": "文件里的措施"}, {"department": "STO", "causes": "x", "solutions": "y", "quarter": "2026Q1"}]""");

        var text = AllText(Generate(new ReportOptions { NotesFile = file }, warehouse));

        Assert.Contains("人员流动大,新人培训不足", text, StringComparison.Ordinal);
        Assert.Contains("建立带教制度", text, StringComparison.Ordinal);
        Assert.Contains("文件里的原因", text, StringComparison.Ordinal);
        Assert.DoesNotContain("库里的原因", text, StringComparison.Ordinal); // the file takes the department's place
    }

    [Fact]
    public void An_approved_quarter_says_so_on_the_cover()
    {
        var warehouse = demo.CopyDatabase();
        using (var db = warehouse.CreateContext()) AssessmentMart.Approve(db, DemoWarehouse.Q2, PolicyFile.Default, "质量管理委员会", demo.Clock);

        var pages = PdfTestKit.PageTexts(Generate(warehouse: warehouse));

        Assert.Contains("已审定（质量管理委员会，2026年7月8日）", pages[0], StringComparison.Ordinal);
        Assert.Contains("物流业务部94.0093.3377.000.5088.20不合格", string.Concat(pages), StringComparison.Ordinal);
    }

    /// <summary>The shipped policy file with its one version's reply deadline edited in place, as policy.json would be.</summary>
    private static PolicySet ShippedPolicyWithReplyHours(int hours)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "QualityAnalytics.sln"))) root = root.Parent!;
        var shipped = File.ReadAllText(Path.Combine(root.FullName, "warehouse", "Scoring", "default-policy.json"));
        var edited = PolicyFile.Parse(shipped.Replace("\"reply_hours\": 24", $"\"reply_hours\": {hours}", StringComparison.Ordinal), "policy.json");
        Assert.Equal(hours, edited.For(DemoWarehouse.Q2).ServiceTargets.ReplyHours);
        return edited;
    }

    [Fact]
    public void An_approved_quarter_whose_policy_version_was_edited_since_says_so_and_keeps_its_approved_results()
    {
        var warehouse = demo.CopyDatabase();
        using (var db = warehouse.CreateContext()) AssessmentMart.Approve(db, DemoWarehouse.Q2, PolicyFile.Default, "质量管理委员会", demo.Clock);
        // The same version (2013-07) with another reply deadline, as an edit of policy.json after the approval would make it.
        var edited = ShippedPolicyWithReplyHours(48);

        byte[] Report(PolicySet policies, string language)
        {
            using var db = warehouse.CreateContext();
            return QuarterlyReport.Generate(db, DemoWarehouse.Q2, new ReportOptions { Language = language }, policies, demo.Clock);
        }
        var zh = PdfTestKit.PageTexts(Report(edited, "zh-CN"));
        // The approval kept the version's values: the cover names what changed, and the report still judges by the values
        // at approval (a reply due within 24 hours, not 48) as well as showing the approved results.
        Assert.Contains("注意：审定后考核办法版本2013-07的参数有修改（service_targets.reply_hours由24改为48），本报告的得分、等次与奖惩、计分说明与服务目标仍按审定时的参数", zh[0], StringComparison.Ordinal);
        Assert.Contains("服务目标：回复在受理后24小时内", string.Concat(zh), StringComparison.Ordinal);
        Assert.DoesNotContain("48小时", string.Concat(zh), StringComparison.Ordinal);
        Assert.Contains("物流业务部94.0093.3377.000.5088.20不合格", string.Concat(zh), StringComparison.Ordinal); // the approved results
        Assert.Contains("thevaluesofpolicyversion2013-07werechangedaftertheapproval(service_targets.reply_hoursfrom24to48)", PdfTestKit.PageTexts(Report(edited, "en"))[0], StringComparison.Ordinal);

        // Unchanged values: no note.
        Assert.DoesNotContain("参数有修改", PdfTestKit.PageTexts(Report(PolicyFile.Default, "zh-CN"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_made_before_the_values_were_kept_can_only_warn_that_the_report_follows_the_values_now_in_force()
    {
        var warehouse = demo.CopyDatabase();
        using (var db = warehouse.CreateContext())
        {
            var approval = AssessmentMart.Approve(db, DemoWarehouse.Q2, PolicyFile.Default, "质量管理委员会", demo.Clock);
            approval.PolicyJson = null; // as the ApprovalPolicyValues migration leaves an older approval: its fingerprint only
            db.SaveChanges();
        }
        var edited = ShippedPolicyWithReplyHours(48);

        using var read = warehouse.CreateContext();
        var zh = PdfTestKit.PageTexts(QuarterlyReport.Generate(read, DemoWarehouse.Q2, new ReportOptions(), edited, demo.Clock));

        Assert.Contains("注意：审定后考核办法版本2013-07的参数有修改，本报告的得分、等次与奖惩仍为审定时的结果，计分说明与服务目标按现行参数", zh[0], StringComparison.Ordinal);
        Assert.Contains("服务目标：回复在受理后48小时内", string.Concat(zh), StringComparison.Ordinal);
    }

    [Fact]
    public void The_changes_since_approval_name_each_measure_and_grade_in_the_report_language()
    {
        var warehouse = demo.CopyDatabase();
        using (var db = warehouse.CreateContext()) AssessmentMart.Approve(db, DemoWarehouse.Q2, PolicyFile.Default, "质量管理委员会", demo.Clock);
        // A late valid complaint against 储运中心: C 100 → 90, T 99.60 → 96.60, still excellent; the money changes too.
        Load(warehouse, "late-complaint.csv", "complaint_id,department,received_at,channel,valid\nTS-LATE-1,STO,2026-06-29 09:00,电话,是\nTS-LATE-2,STO,2026-06-30 09:00,电话,是\n");
        using (var db = warehouse.CreateContext()) AssessmentMart.Score(db, DemoWarehouse.Q2, PolicyFile.Default, demo.Clock);

        var zh = AllText(Generate(warehouse: warehouse));
        var en = AllText(Generate(new ReportOptions { Language = "en" }, warehouse));

        // The Chinese report used the stored field names (complaint, total, grade: excellent → fail) in its Chinese sentence.
        Assert.Contains("审定后数据有变化：储运中心投诉C：100.00→80.00；储运中心总分：99.60→93.60；储运中心等次：优秀→不合格；", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("complaint:", zh, StringComparison.Ordinal);
        Assert.Contains("储运中心(STO)ComplaintsC:100.00→80.00;储运中心(STO)Total:99.60→93.60;储运中心(STO)Grade:Excellent→Fail;", en, StringComparison.Ordinal);
        // The money as the report writes it everywhere else (its table: +9,200), not as the mart keeps it ("9200.00",
        // "-1400.00" with the hyphen).
        Assert.Contains("储运中心奖惩（元）：+9,200→−1,400。", zh, StringComparison.Ordinal);
        Assert.Contains("储运中心(STO)Amount(yuan):+9,200→−1,400.", en, StringComparison.Ordinal);
        Assert.DoesNotContain("9200.00", zh + en, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approved_quarter_whose_data_changed_later_is_analysed_on_the_approved_results_throughout()
    {
        var warehouse = demo.CopyDatabase();
        using (var db = warehouse.CreateContext()) AssessmentMart.Approve(db, DemoWarehouse.Q2, PolicyFile.Default, "质量管理委员会", demo.Clock);
        // After the meeting, two valid complaints against 储运中心 arrive: its draft falls to C 80, T 93.60, a fail (−1,400).
        Load(warehouse, "late-complaints.csv", "complaint_id,department,received_at,channel,valid\nTS-LATE-1,STO,2026-06-29 09:00,电话,是\nTS-LATE-2,STO,2026-06-30 09:00,电话,是\n");
        using (var db = warehouse.CreateContext()) AssessmentMart.Score(db, DemoWarehouse.Q2, PolicyFile.Default, demo.Clock); // as qa load does

        var text = AllText(Generate(warehouse: warehouse));

        // The results are the committee's (第六条); the draft is only listed as a difference. The findings, the narrative
        // and the department's own page must not call the approved excellent result a fail with the draft's numbers.
        Assert.Contains("储运中心99.00100.00100.000.0099.60优秀+9,200", text, StringComparison.Ordinal);
        Assert.Contains("储运中心总分：99.60→93.60", text, StringComparison.Ordinal);
        Assert.DoesNotContain("储运中心考核不合格", text, StringComparison.Ordinal);
        Assert.DoesNotContain("总分93.60分", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spot_check_gap_just_above_a_tier_bound_is_printed_exactly()
    {
        var warehouse = demo.CopyDatabase();
        // October: self 91, 91, 91.01 → 91.003333…; spot 90 → d 1.003333… > 1 → penalty 1, as the engine counts it.
        Load(warehouse, "october-checks.csv", "check_id,department,month,kind,score\nX-1,LOG,2026-10,self,91\nX-2,LOG,2026-10,self,91\nX-3,LOG,2026-10,self,91.01\nX-4,LOG,2026-10,spot,90\n");
        using var db = warehouse.CreateContext();

        var text = AllText(QuarterlyReport.Generate(db, new Quarter(2026, 4), new ReportOptions(), PolicyFile.Default, demo.Clock));

        // Rounded to 2 decimals the row read "91.00 90.00 1.00 1": a penalty for a gap the tier table calls consistent.
        Assert.Contains("≈91.00333390.00≈1.0033331", text, StringComparison.Ordinal); // the text kit drops spaces
        Assert.Contains("|90.00−≈91.003333|=≈1.003333→1", text, StringComparison.Ordinal); // the department's S line
    }

    [Fact]
    public void The_quarter_before_is_judged_on_its_approved_results_when_its_data_changed_after_the_approval()
    {
        var warehouse = demo.CopyDatabase();
        var q1 = new QualityAnalytics.Warehouse.Model.Quarter(2026, 1);
        decimal? approvedSto;
        using (var db = warehouse.CreateContext())
        {
            AssessmentMart.Approve(db, q1, PolicyFile.Default, "质量管理委员会", demo.Clock);
            approvedSto = AssessmentMart.Stored(db, q1, PolicyFile.Default.For(q1))!.Assessments.Single(a => a.DepartmentCode == "STO").Total;
        }
        // After 2026Q1's meeting, three valid complaints of that quarter against 储运中心 arrive and its draft falls.
        Load(warehouse, "late-q1.csv", "complaint_id,department,received_at,channel,valid\nTS-Q1-1,STO,2026-03-27 09:00,电话,是\n" +
                                "TS-Q1-2,STO,2026-03-30 09:00,电话,是\nTS-Q1-3,STO,2026-03-31 09:00,邮件,是\n");
        using (var db = warehouse.CreateContext())
        {
            var draft = AssessmentMart.Score(db, q1, PolicyFile.Default, demo.Clock).Assessments.Single(a => a.DepartmentCode == "STO").Total;
            Assert.NotEqual(approvedSto, draft);

            var model = ReportDataReader.Read(db, DemoWarehouse.Q2, new ReportOptions(), PolicyFile.Default, demo.Clock);

            // The change from the quarter before, the trends and forecasts start from what the committee approved.
            Assert.Equal(approvedSto, model.TotalIn("STO", q1));
        }
    }

    [Fact]
    public void A_quarter_with_no_data_says_there_is_nothing_to_analyse()
    {
        using var db = demo.Db.CreateContext();
        var quarter = new Quarter(2019, 1); // before the demo's first quarter
        var zh = AllText(QuarterlyReport.Generate(db, quarter, new ReportOptions(), PolicyFile.Default, demo.Clock));
        var en = AllText(QuarterlyReport.Generate(db, quarter, new ReportOptions { Language = "en" }, PolicyFile.Default, demo.Clock));

        Assert.Contains("结果分析本季度没有部门完成考核，没有可分析的结果。", zh, StringComparison.Ordinal);
        Assert.Contains("Nodepartmentwasassessedthisquarter:therearenoresultstoanalyse.", en, StringComparison.Ordinal); // the text kit drops spaces
    }

    [Fact]
    public void The_first_quarter_of_the_data_says_what_it_cannot_compare_with()
    {
        using var db = demo.Db.CreateContext();
        var first = new Quarter(2024, 4); // the demo's first quarter: nothing before it
        var zh = AllText(QuarterlyReport.Generate(db, first, new ReportOptions(), PolicyFile.Default, demo.Clock));
        var en = AllText(QuarterlyReport.Generate(db, first, new ReportOptions { Language = "en" }, PolicyFile.Default, demo.Clock));

        Assert.Contains("变化最大的部门上季度没有可比较的总分", zh, StringComparison.Ordinal);
        Assert.Contains("（全公司，本季；上季无问卷）", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("本季与上季", zh, StringComparison.Ordinal);
        Assert.Contains("Therearenototalsforthepreviousquarter", en, StringComparison.Ordinal); // the text kit drops spaces
        // One quarter of totals draws no trend and promises no forecast (the caption's level, 95% and not 95.0%, is
        // checked on 2026Q2's charts in ReportWordingTests).
        Assert.Contains("历史太短，不绘制趋势图", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("预测区间", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_in_a_year_whose_holidays_are_not_imported_is_flagged_in_the_data_warnings()
    {
        var warehouse = demo.CopyDatabase();
        // Tue 2026-12-29: its third working day falls in 2027, beyond the shipped calendar.
        Load(warehouse, "late-december.csv", "complaint_id,department,received_at,channel,valid\nTS-DEC-29,LOG,2026-12-29 09:00,电话,是\n");
        using var db = warehouse.CreateContext();
        var q4 = new Quarter(2026, 4);

        var zh = AllText(QuarterlyReport.Generate(db, q4, new ReportOptions(), PolicyFile.Default, demo.Clock));
        var en = AllText(QuarterlyReport.Generate(db, q4, new ReportOptions { Language = "en" }, PolicyFile.Default, demo.Clock));

        Assert.Contains("2027年的法定节假日与调休安排尚未导入（由工作小组用qacalendarimport导入）", zh, StringComparison.Ordinal); // the text kit drops spaces
        Assert.Contains("Theofficialholidaysandmake-upworkingdaysof2027havenotbeenimportedyet", en, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未导入", AllText(Generate()), StringComparison.Ordinal); // 2026Q2's deadlines all fall in 2026
    }

    [Fact]
    public void A_company_name_and_an_unknown_language()
    {
        Assert.Contains("华东物流有限公司", PdfTestKit.PageTexts(Generate(new ReportOptions { Company = "华东物流有限公司" }))[0], StringComparison.Ordinal);
        // --company overrides the default in English too, in the policy's title as on the cover.
        var pages = PdfTestKit.PageTexts(Generate(new ReportOptions { Company = "East China Logistics", Language = "en" }));
        var en = string.Concat(pages);
        Assert.Contains("EastChinaLogistics", pages[0], StringComparison.Ordinal);
        Assert.Contains("theEastChinaLogisticsServiceQualityManagementRules(trial)", en, StringComparison.Ordinal);
        Assert.DoesNotContain("XX", en, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Generate(new ReportOptions { Language = "fr" }));
    }

    [Fact]
    public void Writes_the_sample_reports_for_looking_at()
    {
        var folder = Path.Combine(Path.GetTempPath(), "report");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "report-zh.pdf"), Generate());
        File.WriteAllBytes(Path.Combine(folder, "report-en.pdf"), Generate(new ReportOptions { Language = "en" }));
        Assert.True(File.Exists(Path.Combine(folder, "report-en.pdf")));
    }
}
