using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Report;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Report;

/// <summary>What the report says, read from its composed blocks (no rendering): the wording a reviewer of the demo's
/// PDFs found wrong or misleading, each checked against the data it describes.</summary>
public sealed class ReportWordingTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    private ReportModel Model(string quarter, string language = "zh-CN")
    {
        using var db = demo.Db.CreateContext();
        return ReportDataReader.Read(db, Quarter.Parse(quarter), new ReportOptions { Language = language }, PolicyFile.Default, demo.Clock);
    }

    private static ReportDocument Compose(ReportModel model, string language = "zh-CN") =>
        QuarterlyReport.Compose(model, new ReportOptions { Language = language });

    private ReportDocument Compose(string quarter, string language = "zh-CN") => Compose(Model(quarter, language), language);

    /// <summary>Every piece of text of the document, in order: headings, paragraphs, table cells, captions.</summary>
    private static List<string> Texts(ReportDocument document) => [.. document.Blocks.SelectMany(b => b switch
    {
        HeadingBlock h => [h.Text],
        ParagraphBlock p => [p.Text],
        TableBlock t => t.Columns.Select(c => c.Header).Concat(t.Rows.SelectMany(r => r)),
        ChartBlock c => c.Caption is { } caption ? [caption] : [],
        KeyValueBlock kv => kv.Items.SelectMany(i => new[] { i.Key, i.Value }),
        _ => Array.Empty<string>(),
    })];

    /// <summary>The blocks after the heading <paramref name="heading"/> up to the next heading of the same or a higher level.</summary>
    private static List<Block> Section(ReportDocument document, string heading)
    {
        var blocks = document.Blocks.ToList();
        var start = blocks.FindIndex(b => b is HeadingBlock h && h.Text == heading);
        Assert.True(start >= 0, "no heading " + heading);
        var level = ((HeadingBlock)blocks[start]).Level;
        return [.. blocks.Skip(start + 1).TakeWhile(b => b is not HeadingBlock h || h.Level > level)];
    }

    [Fact]
    public void A_missed_service_target_finding_names_the_targets_it_missed()
    {
        // The demo's 2026Q3 as of the fixture's clock (8 July): 市场经营部 missed its reply time only, 武汉业务部 its reply
        // and solution times — each title names what its evidence lists, where all said 未达服务时限/满意率目标.
        var findings = Model("2026Q3").Analysis.Findings.Where(f => f.Kind == QualityAnalytics.Reports.Analysis.FindingKinds.ServiceTargetMissed).ToList();
        var mkt = findings.Single(f => f.DepartmentCode == "MKT");
        Assert.Single(mkt.EvidenceZhClauses);
        Assert.Equal(("市场经营部未达回复时限目标", "市场经营部 (MKT) missed the reply-time target"), (mkt.TitleZh, mkt.TitleEn));
        var wuh = findings.Single(f => f.DepartmentCode == "WUH");
        Assert.Equal(2, wuh.EvidenceZhClauses.Count);
        Assert.Equal(("武汉业务部未达回复时限、解决时限目标", "武汉业务部 (WUH) missed the reply-time and solution-time targets"), (wuh.TitleZh, wuh.TitleEn));
    }

    [Fact]
    public void A_self_check_control_limit_never_reaches_past_100()
    {
        // 储运中心 checks itself at 97.5–100: X̄ + 3σ̂ is above 100, which no self-check score can cross, and its chart
        // ran the score axis up to 102. The limit stands at 100; the rules, which read σ̂, are unchanged.
        var sto = Model("2026Q3").Analysis.ControlCharts.Departments.Single(d => d.DepartmentCode == "STO").SelfCheck!.Individuals;
        Assert.Contains(sto.Points, p => p.CenterLine + 3 * p.Sigma > 100);
        Assert.All(sto.Points, p => Assert.True(p.Upper <= 100, $"{p.Label}: UCL {p.Upper}"));
    }

    [Theory]
    [InlineData("zh-CN", "招标分公司（BID）", "排名", "第 4 名（共 7 个部门）")]
    [InlineData("en", "招标分公司 (BID)", "Rank", "4 of 7")]
    public void A_departments_rank_names_what_it_is_counted_among(string language, string heading, string key, string value)
    {
        // "第 4 名 / 共 7 个" left out what the seven were, and a slash is no Chinese punctuation.
        var facts = Section(Compose("2026Q3", language), heading).OfType<KeyValueBlock>().First();
        Assert.Equal(value, facts.Items.Single(i => i.Key == key).Value);
    }

    [Fact]
    public void The_method_says_components_are_rounded_to_two_decimals_before_the_total()
    {
        var zh = string.Join("\n", Texts(Compose("2026Q2")));
        Assert.Contains("各分项先四舍五入保留两位小数，再计入总分", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("取整", zh, StringComparison.Ordinal);
        var en = string.Join("\n", Texts(Compose("2026Q2", "en")));
        Assert.Contains("each component is rounded to 2 decimals before it enters the total", en, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "样本量小，结论仅供参考", "（本季 {0} 份，上季 {1} 份）")]
    [InlineData("en", "Small samples, for reference only", " ({0} this quarter, {1} last quarter)")]
    public void The_survey_section_names_each_small_sample_department_as_qa_analyze_warns(string language, string lead, string counts)
    {
        // Review F16: `qa analyze` warns of departments with fewer than 5 questionnaires; the PDF said nothing.
        var model = Model("2026Q2", language);
        var small = model.Analysis.Survey.SmallSamples;
        Assert.NotEmpty(small); // the demo's 2026Q2 has such departments (LOG, STO)
        Assert.Equal(small.Count, model.Analysis.Survey.Warnings.Count);
        var document = Compose(model, language);
        var heading = new QualityAnalytics.Reports.Resources.ReportText(new ReportOptions { Language = language }.Culture())["SecSurvey"];
        var note = Assert.Single(Section(document, heading).OfType<ParagraphBlock>(), p => p.Text.StartsWith(lead, StringComparison.Ordinal)).Text;
        var names = model.Input.Departments.ToDictionary(d => d.Code, d => QualityAnalytics.Reports.Analysis.DepartmentLabel.In(language == "zh-CN", d.Name, d.Code));
        foreach (var s in small)
        {
            Assert.True(s.Current < 5 || s.Previous is > 0 and < 5);
            Assert.Contains(names[s.DepartmentCode] + string.Format(System.Globalization.CultureInfo.InvariantCulture, counts, s.Current, s.Previous), note, StringComparison.Ordinal);
        }
        Assert.Contains(language == "en" ? "fewer than 5 questionnaires" : "问卷少于 5 份", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declining_direction_reads_as_worse_in_both_languages_not_as_a_fall()
    {
        // "declining" is quality's way: a rising complaint count is declining, so 下降 / "decline" would misread it.
        var zh = new QualityAnalytics.Reports.Resources.ReportText(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        var en = new QualityAnalytics.Reports.Resources.ReportText(System.Globalization.CultureInfo.GetCultureInfo("en"));
        Assert.Equal("显著变差", zh.Direction("declining"));
        Assert.Equal("显著改善", zh.Direction("improving"));
        Assert.Equal("significantly worse", en.Direction("declining"));
        Assert.Equal("significantly better", en.Direction("improving"));
    }

    [Theory]
    [InlineData("zh-CN", "SecSurvey", "无法比较（上季无数据）", "样本小")]
    [InlineData("en", "SecSurvey", "not compared (no previous quarter)", "small sample")]
    public void The_first_quarters_survey_verdict_says_there_is_no_previous_quarter_not_a_small_sample(string language, string section, string verdict, string wrong)
    {
        // 2024Q4 is the demo's first quarter: about 40 questionnaires a question, none before them.
        var document = Compose("2024Q4", language);
        var heading = new QualityAnalytics.Reports.Resources.ReportText(new ReportOptions { Language = language }.Culture())[section];
        var table = Section(document, heading).OfType<TableBlock>().Single();
        Assert.NotEmpty(table.Rows);
        Assert.All(table.Rows, r => Assert.True(int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture) >= 5));
        Assert.All(table.Rows, r => Assert.Equal(verdict, r[^1]));
        Assert.DoesNotContain(table.Rows, r => r[^1].Contains(wrong, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN", "全部投诉统计（含无效投诉")]
    [InlineData("en", "count every complaint, valid or not")]
    public void The_service_target_section_says_its_rates_count_invalid_complaints_too(string language, string scope)
    {
        // The rates are over every complaint (qa analyze: 统计范围:全部投诉(含无效投诉)); the PDF did not say so.
        var model = Model("2026Q2", language);
        Assert.Contains(model.Input.Complaints, c => c.Quarter == model.Quarter && !c.Valid);
        var heading = new QualityAnalytics.Reports.Resources.ReportText(new ReportOptions { Language = language }.Culture())["SubServiceTargets"];
        var section = Section(Compose(model, language), heading);
        Assert.Contains(section.OfType<ParagraphBlock>(), p => p.Text.Contains(scope, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN", "投诉原因分散：累计达到 80.0% 需要全部 4 类原因，因此不标关键少数。", "原因分散，无关键少数")]
    [InlineData("en", "The causes are spread: reaching 80.0% takes all 4 categories, so there is no vital few.", "causes spread: no vital few")]
    public void A_pareto_whose_vital_few_would_be_every_cause_marks_none_and_says_the_causes_are_spread(string language, string sentence, string caption)
    {
        // The demo's 2026Q2: 7 2 2 2 valid complaints in four categories, a tie at the 80% cut.
        var model = Model("2026Q2", language);
        Assert.True(model.Analysis.Pareto.ByCount.Spread);
        var heading = new QualityAnalytics.Reports.Resources.ReportText(new ReportOptions { Language = language }.Culture())["SubPareto"];
        var section = Section(Compose(model, language), heading);
        var table = section.OfType<TableBlock>().Single();
        Assert.Equal(4, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal("", r[^1])); // no ★
        Assert.Contains(section.OfType<ParagraphBlock>(), p => p.Text == sentence);
        Assert.Contains(caption, section.OfType<ChartBlock>().Single().Caption, StringComparison.Ordinal);
        // The findings follow the same rule: no "vital few" listing every category.
        var finding = model.Analysis.Findings.Single(f => f.Kind == QualityAnalytics.Reports.Analysis.FindingKinds.ParetoVitalFew);
        Assert.DoesNotContain("关键少数（", finding.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("no vital few", finding.EvidenceEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pareto_with_a_vital_few_still_stars_them_and_names_the_cut_in_the_caption()
    {
        // The demo's 2026Q3: 7 2 2 2 1 — the four needed for 80% are starred, the last is not.
        var model = Model("2026Q3");
        Assert.False(model.Analysis.Pareto.ByCount.Spread);
        var section = Section(Compose(model), "投诉原因（帕累托分析）");
        var stars = section.OfType<TableBlock>().Single().Rows.Select(r => r[^1]).ToList();
        Assert.Contains("★", stars);
        Assert.Contains("", stars);
        Assert.Contains("关键少数：累计达到 80.0% 所需的原因，合计占 92.9%", section.OfType<ChartBlock>().Single().Caption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "（深色为关键少数：累计达到 80.0% 所需的原因，合计占 92.9%）", "关键少数（累计达到 80.0% 所需的原因，合计占 92.9%）：响应不及时、信息不准确、服务态度、配送延误")]
    [InlineData("en", "(darker: the vital few, the causes needed to reach 80.0%, together 92.9%)", "vital few (the causes needed to reach 80.0%, together 92.9%): 响应不及时, 信息不准确, 服务态度, 配送延误")]
    public void The_vital_fews_share_is_the_tables_cumulative_share_not_the_threshold(string language, string caption, string evidence)
    {
        // 7 2 2 2 1: the three 2s tie at the cut, so the vital few make 92.9% — the table's cumulative share at the last
        // star. "关键少数累计 80.0%" beside a table reading 92.9% made the caption and the table disagree.
        var model = Model("2026Q3");
        var section = Section(Compose(model, language), language == "en" ? "Complaint causes (Pareto)" : "投诉原因（帕累托分析）");
        var lastStar = section.OfType<TableBlock>().Single().Rows.Last(r => r[^1] == "★");
        Assert.Equal("92.9%", lastStar[3]);
        Assert.EndsWith(caption, section.OfType<ChartBlock>().Single().Caption, StringComparison.Ordinal);
        var finding = model.Analysis.Findings.Single(f => f.Kind == QualityAnalytics.Reports.Analysis.FindingKinds.ParetoVitalFew);
        Assert.Contains(evidence, language == "en" ? finding.EvidenceEn : finding.EvidenceZh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "仅 3 个点：控制限为暂定值，判异结论仅供参考（少于 8 个点估计的控制限不可靠）", "控制图")]
    [InlineData("en", "Only 3 points: the limits are provisional and the signals for reference only (limits from fewer than 8 points are unreliable)", "chart")]
    public void Control_charts_of_few_points_say_their_limits_are_provisional(string language, string note, string chartWord)
    {
        // 2024Q4, the first quarter of the data: the u and p charts and each department's XmR chart have its 3 months only.
        var captions = Compose("2024Q4", language).Blocks.OfType<ChartBlock>().Select(c => c.Caption ?? "").Where(c => c.Contains(chartWord, StringComparison.Ordinal)).ToList();
        var control = captions.Where(c => c.Contains(" u ", StringComparison.Ordinal) || c.Contains(" p ", StringComparison.Ordinal) || c.Contains(" X ", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, control.Count); // the company's u and p charts and seven departments' X charts
        Assert.All(control, c => Assert.EndsWith(note, c, StringComparison.Ordinal));
        Assert.Equal(8, ReportComposer.ProvisionalLimitsBelow);

        // Two years of months (2026Q2: 21 months of data) are not provisional.
        var later = Compose("2026Q2", language).Blocks.OfType<ChartBlock>().Select(c => c.Caption ?? "").ToList();
        Assert.Contains(later, c => c.Contains(" u ", StringComparison.Ordinal));
        Assert.DoesNotContain(later, c => c.Contains(note[..8], StringComparison.Ordinal));
    }

    /// <summary>The quarters on a trend chart's axis (laid out first: the ticks are made then).</summary>
    private static List<string> QuarterTicks(ChartBlock chart)
    {
        chart.Plot.GetImage(520, (int)chart.Height).Dispose();
        return [.. chart.Plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label)).OrderBy(t => t.Position).Select(t => t.Label)];
    }

    [Fact]
    public void A_trend_chart_starts_at_the_first_quarter_with_data_and_its_caption_counts_what_it_shows()
    {
        // 2026Q2's history is 2024Q3–2026Q2, and the data begin in 2024Q4: seven quarters and the forecast, no empty 2024Q3.
        var charts = Compose("2026Q2").Blocks.OfType<ChartBlock>().Where(c => c.Caption?.Contains("季度总分", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(7, charts.Count);
        foreach (var chart in charts)
        {
            Assert.Equal(["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"], QuarterTicks(chart));
            Assert.Contains("近 7 个季度总分及下季度预测（95% 预测区间）", chart.Caption, StringComparison.Ordinal);
        }
        // 2025Q1: two quarters, a line through them and no interval, which the caption says.
        var two = Compose("2025Q1", "en").Blocks.OfType<ChartBlock>().Where(c => c.Caption?.Contains("totals over", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(7, two.Count);
        Assert.All(two, c => Assert.Equal(["2024Q4", "2025Q1", "2025Q2"], QuarterTicks(c)));
        Assert.All(two, c => Assert.EndsWith("totals over 2 quarters and next quarter's forecast (a line through two quarters: no prediction interval)", c.Caption, StringComparison.Ordinal));
        Assert.DoesNotContain(two, c => c.Caption!.Contains("prediction interval)", StringComparison.Ordinal) && !c.Caption.Contains("no prediction", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN", "有总分的季度只有 1 个（不足 2 个），历史太短，不绘制趋势图。", "季度总分")]
    [InlineData("en", ": only 1 quarter with a total (a trend needs 2): too short a history for a trend chart.", "totals over")]
    public void A_department_with_one_quarter_of_data_gets_a_note_instead_of_a_one_dot_trend_chart(string language, string note, string captionWord)
    {
        // 2024Q4 is the demo's first quarter: every department has its one total.
        var document = Compose("2024Q4", language);
        Assert.DoesNotContain(document.Blocks.OfType<ChartBlock>(), c => c.Caption?.Contains(captionWord, StringComparison.Ordinal) == true);
        Assert.Equal(7, document.Blocks.OfType<ParagraphBlock>().Count(p => p.Text.EndsWith(note, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("zh-CN", "为本季度提供数据的导入批次中有 8 行因数据问题被隔离，未计入考核；隔离行不记录所属季度，其中可能有本季度的数据，请核对附录二 数据来源“隔离行”。", "本季度数据完整")]
    [InlineData("en", "8 rows of the load batches that supplied this quarter's data were quarantined for data problems and are not counted; a quarantined row does not record its quarter, so some may belong to this quarter: see Appendix B. Data sources, \"Quarantined rows\".", "are complete")]
    public void The_data_warnings_do_not_call_the_data_complete_when_the_quarters_batches_quarantined_rows(string language, string warning, string complete)
    {
        // 2026Q3: the demo's one batch fed it and quarantined 8 rows, among them a 2026Q3 complaint of ORD whose received_at
        // was 2026-13-01. A quarantined row has no quarter, so the section may not say the quarter's data are complete.
        var model = Model("2026Q3", language);
        Assert.Equal(8, model.Lineage.QuarantinedTotal);
        var text = new QualityAnalytics.Reports.Resources.ReportText(new ReportOptions { Language = language }.Culture());
        var warnings = Section(Compose(model, language), text["SubWarnings"]).OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        Assert.Contains("· " + warning, warnings);
        Assert.DoesNotContain(warnings, w => w.Contains(complete, StringComparison.Ordinal));

        // Without quarantined rows no such warning (and the rest of the section is as before).
        var clean = model with { Lineage = model.Lineage with { QuarantinedTotal = 0, Quarantined = [] } };
        var cleanWarnings = Section(Compose(clean, language), text["SubWarnings"]).OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        Assert.DoesNotContain("· " + warning, cleanWarnings);
    }

    [Theory]
    [InlineData("zh-CN", "以下导入批次为本季度提供了考核数据", "为本季度提供数据的批次中共有 8 行", "本季度相关批次")]
    [InlineData("en", "The load batches below supplied this quarter's assessment data", "8 rows of the batches that supplied this quarter's data", "rows of these batches")]
    public void The_quarantine_appendix_lists_each_rejected_value_and_speaks_of_the_batches_not_of_the_quarters_rows(string language, string intro, string summary, string old)
    {
        var model = Model("2026Q3", language);
        var document = Compose(model, language);
        var text = new QualityAnalytics.Reports.Resources.ReportText(new ReportOptions { Language = language }.Culture());
        var appendix = Section(document, text["SecAppendixLineage"]);
        var paragraphs = appendix.OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith(intro, StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith(summary, StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains(old, StringComparison.Ordinal));

        // The value column: the ORD complaint's impossible date, the score of 105, and a missing channel said as empty.
        var table = appendix.OfType<TableBlock>().Last();
        Assert.Equal(text["ColValue"], table.Columns[3].Header);
        Assert.Equal(8, table.Rows.Count);
        var received = table.Rows.Single(r => r[0] == "complaints_2026Q3.csv");
        Assert.Equal(["10", "2026-13-01 10:20"], new[] { received[1], received[3] });
        Assert.Contains(table.Rows, r => r[0] == "自查考核_2025Q2.csv" && r[3] == "105");
        Assert.Contains(table.Rows, r => r[0] == "complaints_2025Q4.csv" && r[3] == text["QuarantineEmptyValue"]);
    }
}
