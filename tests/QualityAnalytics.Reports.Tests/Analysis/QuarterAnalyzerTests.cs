using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Warehouse.Calendar;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Tests.Analysis;

/// <summary>The pure analysis on small hand-built inputs: the edge cases and the rules of the findings.</summary>
public sealed class QuarterAnalyzerTests
{
    private static readonly Quarter Q2 = new(2026, 2);
    private static readonly DepartmentInfo Log = new("LOG", "物流业务部");
    private static readonly DepartmentInfo Sto = new("STO", "储运中心");
    private static readonly QuestionInfo Q1 = new("Q1", "及时性", 5);

    private static AnalysisInput Input(IReadOnlyList<QuarterScore>? scores = null, IReadOnlyList<MonthlyCheck>? checks = null,
        IReadOnlyList<ComplaintRecord>? complaints = null, IReadOnlyList<SurveyAnswerRecord>? answers = null, DateOnly? dataFrom = null) =>
        new(Q2, new DateTime(2026, 7, 8, 8, 30, 0), [Q2], [Log, Sto], scores ?? [], checks ?? [], complaints ?? [], [Q1], answers ?? [],
            WorkdayCalendar.Default, dataFrom ?? Q2.FirstDay);

    private static QuarterScore Score(Quarter q, string code, decimal total, decimal self = 95m) => new(q, code, self, 95m, 100m, total, total > 95 ? "excellent" : total == 95 ? "pass" : "fail", 0m);

    private static ComplaintRecord Complaint(string id, string code, DateTime received, string category = "响应不及时", bool valid = true, string? satisfaction = "satisfied") =>
        new(id, code, Quarter.Of(DateOnly.FromDateTime(received)), received, received.AddHours(2), received.AddDays(1), valid, category, null, satisfaction);

    [Fact]
    public void One_quarter_of_history_gives_undefined_trends_with_a_reason_and_a_note()
    {
        var a = QuarterAnalyzer.Analyze(Input(scores: [Score(Q2, "LOG", 96m), Score(Q2, "STO", 97m)]));
        var total = a.Trends.Single(t => t.DepartmentCode == "LOG").Metric(Metrics.Total)!;
        Assert.Equal("undefined", total.Direction);
        Assert.Null(total.Fit);
        Assert.Contains("one point", total.Reason);
        Assert.Null(total.Forecast);
        Assert.Null(total.QuarterOnQuarter);
        Assert.Contains(a.Notes, n => n.Contains("only 1 scored quarter", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Findings, f => f.Kind == FindingKinds.TrendDeclining);
    }

    [Fact]
    public void A_fail_finding_names_the_pass_mark_of_the_policy_in_force_not_95()
    {
        // A policy version with pass_at 90 (and excellent_above 90): 88.50 fails by 1.5 points, not by 6.5.
        var input = Input(scores: [new QuarterScore(Q2, "LOG", 88m, 90m, 90m, 88.50m, "fail", -1500m)]) with { PassAt = 90m };

        var f = Assert.Single(QuarterAnalyzer.Analyze(input).Findings, f => f.Kind == FindingKinds.GradeFail);

        // Money as the report's tables write it, under the policy's word for it (奖惩, as the tables head it).
        Assert.Equal("总分 88.50 分，低于合格线 90 分，奖惩 −1,500 元", f.EvidenceZh);
        Assert.Equal("Total 88.50, below the pass mark of 90; amount −1,500 yuan", f.EvidenceEn);
        Assert.Equal(71.5, f.Severity, 6); // 70 + (90 − 88.50)
    }

    [Fact]
    public void No_complaints_give_an_empty_Pareto_no_rates_and_no_findings_about_them()
    {
        var a = QuarterAnalyzer.Analyze(Input(scores: [Score(Q2, "LOG", 96m)]));
        Assert.Empty(a.Pareto.ByCount.Items);
        Assert.Null(a.Pareto.ByCount.Leader);
        var row = a.ServiceTargets.Quarter.Single(r => r.DepartmentCode == "LOG");
        Assert.Null(row.Reply.Rate);
        Assert.Null(row.Reply.Met);
        Assert.Null(row.Satisfaction.Rate);
        Assert.Empty(a.ServiceTargets.Late);
        Assert.Contains(a.Notes, n => n.Contains("no complaints", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Findings, f => f.Kind is FindingKinds.ParetoVitalFew or FindingKinds.ServiceTargetMissed);
    }

    [Fact]
    public void One_questionnaire_gives_a_mean_without_interval_and_a_small_sample_warning()
    {
        var a = QuarterAnalyzer.Analyze(Input(answers: [new("WJ-1", "LOG", Q2, "Q1", 4m)]));
        var s = a.Survey.Questions.Single(q => q.DepartmentCode == "LOG");
        Assert.Equal(4, s.Current.Mean);
        Assert.Null(s.Current.Lower);
        Assert.Equal(0, s.Previous.N);
        Assert.Null(s.Change.PValue);
        Assert.Equal("no_previous", s.Direction); // nothing answered the quarter before
        Assert.True(s.SmallSample);
        Assert.Contains(a.Survey.Warnings, w => w.StartsWith("LOG", StringComparison.Ordinal) && w.Contains("small sample", StringComparison.Ordinal));
        Assert.Equal(new SmallSurveySample("LOG", 1, 0), Assert.Single(a.Survey.SmallSamples)); // what the PDF words in its language
    }

    [Fact]
    public void A_first_quarter_of_questionnaires_has_nothing_to_compare_with_and_is_not_a_small_sample()
    {
        // 2024Q4 of the demo: 43 questionnaires and none the quarter before. The verdict once said "small sample", but
        // 43 is not small: the comparison is missing.
        SurveyAnswerRecord[] answers = [.. Enumerable.Range(1, 43).Select(i => new SurveyAnswerRecord($"WJ-{i}", "LOG", Q2, "Q1", 3 + i % 3))];
        var a = QuarterAnalyzer.Analyze(Input(answers: answers));
        foreach (var s in a.Survey.Questions)
        {
            Assert.Equal(43, s.Current.N);
            Assert.Equal(0, s.Previous.N);
            Assert.Equal("no_previous", s.Direction);
            Assert.False(s.SmallSample);
        }
        Assert.Empty(a.Survey.Warnings);
        Assert.Empty(a.Survey.SmallSamples);
    }

    [Fact]
    public void A_spread_pareto_gives_a_leading_cause_finding_that_names_no_vital_few()
    {
        // 7 2 2 2: every category would be "vital" (a tie at the cut); the finding says the causes are spread instead of
        // listing all four as the vital few.
        var t = new DateTime(2026, 4, 8, 10, 0, 0);
        var counts = new[] { ("响应不及时", 7), ("单据差错", 2), ("计量误差", 2), ("配送延误", 2) };
        ComplaintRecord[] complaints = [.. counts.SelectMany(c => Enumerable.Range(0, c.Item2).Select(i => Complaint($"{c.Item1}-{i}", "LOG", t.AddHours(i), c.Item1)))];
        var a = QuarterAnalyzer.Analyze(Input(complaints: complaints));
        Assert.True(a.Pareto.ByCount.Spread);
        var finding = Assert.Single(a.Findings, f => f.Kind == FindingKinds.ParetoVitalFew);
        Assert.Equal("投诉主要原因：响应不及时", finding.TitleZh);
        Assert.Equal("", finding.Parameters["vital_few"]);
        Assert.Equal("true", finding.Parameters["spread"]);
        Assert.Contains("原因分散：累计 80.0% 需要全部 4 类原因，无关键少数", finding.EvidenceZh, StringComparison.Ordinal);
        Assert.DoesNotContain("关键少数（", finding.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("causes spread: reaching 80.0% takes all 4 categories, no vital few", finding.EvidenceEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfaction_counts_basically_satisfied_and_late_complaints_are_listed()
    {
        var t = new DateTime(2026, 4, 8, 10, 0, 0);
        ComplaintRecord[] complaints =
        [
            Complaint("A", "LOG", t, satisfaction: "satisfied"),
            Complaint("B", "LOG", t, satisfaction: "neutral"),
            Complaint("C", "LOG", t, satisfaction: "dissatisfied"),
            Complaint("D", "LOG", t, satisfaction: "satisfied") with { RepliedAt = t.AddHours(30) },
        ];
        var a = QuarterAnalyzer.Analyze(Input(complaints: complaints));
        var row = a.ServiceTargets.Quarter.Single(r => r.DepartmentCode == "LOG");
        Assert.Equal(0.75, row.Satisfaction.Rate);
        Assert.Equal(0.5, row.Satisfaction.StrictRate);
        Assert.False(row.Satisfaction.Met);
        Assert.Equal(0.75, row.Reply.Rate);
        var late = Assert.Single(a.ServiceTargets.Late);
        Assert.Equal(("D", "reply", "late"), (late.ComplaintId, late.Target, late.Status));
        var finding = Assert.Single(a.Findings, f => f.Kind == FindingKinds.ServiceTargetMissed);
        Assert.Equal(["D"], finding.Points);
        Assert.Contains("满意率 75.0%", finding.EvidenceZh);
        Assert.Contains("24 小时回复率 75.0%（1 件超时）", finding.EvidenceZh);
        // The title names the two targets missed, not "服务时限/满意率" whatever was missed.
        Assert.Equal(2, finding.EvidenceZhClauses.Count);
        Assert.EndsWith("未达回复时限、满意率目标", finding.TitleZh, StringComparison.Ordinal);
        Assert.EndsWith(" missed the reply-time and satisfaction targets", finding.TitleEn, StringComparison.Ordinal);

        // The finding names the deadline in force: within 1 hour every reply (2 hours or later) is late, and it says so.
        var strict = QuarterAnalyzer.Analyze(Input(complaints: complaints) with { Targets = ServiceTargetRules.Default with { ReplyHours = 1 } });
        var named = Assert.Single(strict.Findings, f => f.Kind == FindingKinds.ServiceTargetMissed);
        Assert.Contains("1 小时回复率 0.0%（4 件超时）", named.EvidenceZh);
        Assert.Contains("1-hour reply rate 0.0% (4 late)", named.EvidenceEn);
        Assert.EndsWith("未达回复时限、满意率目标", named.TitleZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_steady_decline_is_found_with_its_forecast_and_changes()
    {
        var quarters = Quarter.Range(new Quarter(2025, 1), Q2).ToList();
        decimal[] totals = [98.1m, 96.9m, 96.2m, 94.8m, 94.1m, 92.9m];
        var scores = quarters.Select((q, i) => Score(q, "LOG", totals[i])).Concat(quarters.Select(q => Score(q, "STO", 97m))).ToList();
        var input = Input(scores: scores, dataFrom: quarters[0].FirstDay) with { History = quarters };
        var a = QuarterAnalyzer.Analyze(input, AnalysisOptions.Default with { HistoryQuarters = 6 });
        var total = a.Trends.Single(t => t.DepartmentCode == "LOG").Metric(Metrics.Total)!;
        Assert.Equal("declining", total.Direction);
        Assert.Equal(-1.02, total.Fit!.Slope, 2);
        Assert.Equal("2026Q3", total.Forecast!.Quarter);
        Assert.True(total.Forecast.Lower < total.Forecast.Value && total.Forecast.Value < total.Forecast.Upper);
        Assert.Equal(-1.2m, total.QuarterOnQuarter!.Difference);
        Assert.Equal(new Change("2025Q2", 96.9m, 92.9m, -4.0m, -0.0413m), total.YearOnYear); // 同比: −4 / 96.9
        var sto = a.Trends.Single(t => t.DepartmentCode == "STO").Metric(Metrics.Total)!;
        Assert.Equal("undefined", sto.Direction); // every quarter 97: SE 0, no p-value
        var finding = Assert.Single(a.Findings, f => f.Kind == FindingKinds.TrendDeclining);
        Assert.Equal("LOG", finding.DepartmentCode);
    }

    [Fact]
    public void Forecasts_and_their_intervals_stay_within_what_the_metric_can_take()
    {
        // STO's totals 96.0 97.0 98.5 99.0 99.6 over x 0–4: x̄ 2, Sxx 10, slope 0.92, intercept 96.18, SSE 0.344, s = √(0.344/3) = 0.338625;
        // at x 5: 100.78 ± t(0.975, 3) · s · √(1 + 1/5 + 9/10) = 100.78 ± 3.182446 · 0.338625 · 1.449138 = 100.78 ± 1.56167 → 99.22–102.34.
        // A total cannot pass 100: the forecast and the upper bound are 100, the lower bound stays 99.22.
        // LOG's valid complaints 3 2 1 1 0: slope −0.7, intercept 2.8, s = 0.316228; at x 5: −0.7 ± 3.182446 · 0.316228 · 1.449138
        // = −0.7 ± 1.45838 → −2.16–0.76; a count cannot be negative: the forecast and the lower bound are 0, the upper stays 0.76.
        var quarters = Quarter.Range(new Quarter(2025, 2), Q2).ToList();
        decimal[] totals = [96.0m, 97.0m, 98.5m, 99.0m, 99.6m];
        var scores = quarters.Select((q, i) => Score(q, "STO", totals[i])).ToList();
        int[] counts = [3, 2, 1, 1, 0];
        var complaints = quarters.SelectMany((q, i) => Enumerable.Range(0, counts[i])
            .Select(k => Complaint($"C{i}-{k}", "LOG", q.FirstDay.ToDateTime(new TimeOnly(10, 0)).AddDays(k)))).ToList();
        var input = Input(scores: scores, complaints: complaints, dataFrom: quarters[0].FirstDay) with { History = quarters };

        var a = QuarterAnalyzer.Analyze(input, AnalysisOptions.Default with { HistoryQuarters = 5 });

        var total = a.Trends.Single(t => t.DepartmentCode == "STO").Metric(Metrics.Total)!;
        Assert.Equal(100.78, total.Fit!.Predict(Trends.Ordinal(new Quarter(2026, 3))).Value, 9); // the line itself is unchanged
        Assert.Equal((100m, 99.22m, 100m), (total.Forecast!.Value, total.Forecast.Lower!.Value, total.Forecast.Upper!.Value));
        var count = a.Trends.Single(t => t.DepartmentCode == "LOG").Metric(Metrics.ComplaintCount)!;
        Assert.Equal((0m, 0m, 0.76m), (count.Forecast!.Value, count.Forecast.Lower!.Value, count.Forecast.Upper!.Value));
    }

    [Fact]
    public void An_isolated_out_of_control_month_is_a_finding()
    {
        // 12 months at 97 / 96.5 and one 80: with it, X̄ 95.6 and MR̄ 3.45 put 80 about 5σ out; it leaves the baseline
        // (11 of 12 remain), the limits tighten to 96.77 ± 1.33 (MR̄ 0.5), and 2026-05 is the one signal.
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 7, 1).AddMonths(i)).ToList();
        double[] logScores = [97, 96.5, 97, 96.5, 97, 96.5, 97, 96.5, 97, 96.5, 80, 97];
        var checks = months.Select((m, i) => new MonthlyCheck("LOG", m, "self", (decimal)logScores[i], 1))
            .Concat(months.Select((m, i) => new MonthlyCheck("STO", m, "self", 97m, 1))).ToList();
        var input = Input(checks: checks, dataFrom: months[0]) with { History = [.. Quarter.Range(new Quarter(2025, 3), Q2)] };
        var a = QuarterAnalyzer.Analyze(input, AnalysisOptions.Default with { HistoryQuarters = 4 });
        var chart = a.ControlCharts.Departments.Single(d => d.DepartmentCode == "LOG").SelfCheck!.Individuals;
        Assert.Equal([10], chart.ExcludedFromBaseline);
        Assert.Equal(96.77, chart.Points[0].CenterLine, 2);
        var f = Assert.Single(a.Findings, f => f.Kind == FindingKinds.ControlSignal);
        Assert.Equal(("LOG", "WE1"), (f.DepartmentCode, f.Parameters["rule"]));
        Assert.Equal(["2026-05"], f.Points);
        // The rule in the reader's language: no English inside the Chinese evidence.
        Assert.Contains("一点超出 3σ 控制限（WE1）", f.EvidenceZh, StringComparison.Ordinal);
        Assert.DoesNotContain("beyond", f.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("one point beyond the 3σ limits (WE1)", f.EvidenceEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declining_trend_reads_in_each_language_with_scores_to_two_decimals()
    {
        // LOG's total falls 98 → 94.8 and its valid complaints rise 0, 1, 2, 4 over four quarters. The Chinese evidence printed
        // the scores as stored ("2025Q3 98 → 2026Q2 94.8"), the English the metric codes and a hyphen ("self_check slope
        // -1.06", "complaint_count slope 0.92") without the values at all.
        var quarters = Quarter.Range(new Quarter(2025, 3), Q2).ToList();
        decimal[] totals = [98m, 96.9m, 96.2m, 94.8m];
        var scores = quarters.Select((q, i) => Score(q, "LOG", totals[i], totals[i])).ToList();
        int[] counts = [0, 1, 2, 4];
        var complaints = quarters.SelectMany((q, i) => Enumerable.Range(0, counts[i]).Select(n =>
            Complaint($"TS-{q}-{n}", "LOG", q.FirstDay.ToDateTime(new TimeOnly(10, 0)).AddDays(7 * n)))).ToList();
        var input = Input(scores: scores, complaints: complaints, dataFrom: quarters[0].FirstDay) with { History = quarters };

        var analysis = QuarterAnalyzer.Analyze(input, AnalysisOptions.Default with { HistoryQuarters = 4 });
        var trend = Assert.Single(analysis.Findings, f => f.Kind == FindingKinds.TrendDeclining);

        // The complaint component is named as a score: "客户投诉每季度下降 9.20" read as fewer complaints, good news.
        Assert.Equal("投诉得分", analysis.Trends.Single(t => t.DepartmentCode == "LOG").Metric(Metrics.Complaint)!.Label);
        Assert.Contains("总分每季度下降 1.03（", trend.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("2025Q3 98.00 → 2026Q2 94.80）", trend.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("有效投诉数每季度上升 1.30（", trend.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("2025Q3 0 → 2026Q2 4）", trend.EvidenceZh, StringComparison.Ordinal);
        Assert.Contains("Total fell 1.03 per quarter (", trend.EvidenceEn, StringComparison.Ordinal);
        Assert.Contains("Self-check fell 1.03 per quarter (", trend.EvidenceEn, StringComparison.Ordinal);
        Assert.Contains("4 quarters: 2025Q3 98.00 → 2026Q2 94.80)", trend.EvidenceEn, StringComparison.Ordinal);
        Assert.Contains("Valid complaints rose 1.30 per quarter (", trend.EvidenceEn, StringComparison.Ordinal);
        Assert.DoesNotContain("_", trend.EvidenceEn, StringComparison.Ordinal);
        Assert.DoesNotContain(" -", trend.EvidenceEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signal_against_the_direction_of_a_declining_trend_is_not_folded_into_it()
    {
        // LOG's self-check declines quarter by quarter (98.1 96.9 96.2 94.8: slope −1.06, p ≈ 0.007), and its months drift down
        // with it, but 2026-05 jumps to 99.5, far above the limits: a jump up is not the decline, so it is its own finding,
        // while the months below the centre line in the quarter (the decline itself) stay folded into the trend finding.
        var quarters = Quarter.Range(new Quarter(2025, 3), Q2).ToList();
        decimal[] self = [98.1m, 96.9m, 96.2m, 94.8m];
        var scores = quarters.Select((q, i) => Score(q, "LOG", 95m, self[i])).ToList();
        var months = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 7, 1).AddMonths(i)).ToList();
        var checks = months.Select((m, i) => new MonthlyCheck("LOG", m, "self", i == 10 ? 99.5m : 97.0m - 0.2m * i + (i % 2 == 0 ? 0.05m : -0.05m), 1)).ToList();
        var input = Input(scores: scores, checks: checks, dataFrom: months[0]) with { History = quarters };

        var a = QuarterAnalyzer.Analyze(input, AnalysisOptions.Default with { HistoryQuarters = 4 });

        Assert.Equal("declining", a.Trends.Single(t => t.DepartmentCode == "LOG").Metric(Metrics.SelfCheck)!.Direction);
        var chart = a.ControlCharts.Departments.Single(d => d.DepartmentCode == "LOG").SelfCheck!.Individuals;
        Assert.Contains(chart.Violations, v => v.Rule == "WE1" && v.Points.SequenceEqual([10]));
        var signal = Assert.Single(a.Findings, f => f.Kind == FindingKinds.ControlSignal);
        Assert.Equal(("LOG", "WE1"), (signal.DepartmentCode, signal.Parameters["rule"]));
        Assert.Equal(["2026-05"], signal.Points);
        var trend = Assert.Single(a.Findings, f => f.Kind == FindingKinds.TrendDeclining);
        Assert.DoesNotContain("2026 年 5 月", trend.EvidenceZh); // Chinese text writes the month in words
        // The folded signals are said once, each rule in words with its code, after the months it flags, not as one
        // clause per signal.
        var clauses = trend.EvidenceZh.Split('；').Where(c => c.Contains("控制图", StringComparison.Ordinal)).ToList();
        var folded = Assert.Single(clauses);
        const string rule = "[^（）；、]+（WE\\d）";
        Assert.Matches($"^月度自查得分控制图报警（属趋势本身）：[0-9 年月、]+，{rule}(、{rule})*(；[0-9 年月、]+，{rule}(、{rule})*)*$", folded);
        var rules = System.Text.RegularExpressions.Regex.Matches(folded, "（(WE\\d)）").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(rules.Distinct(), rules);
        Assert.All(rules, r => Assert.Contains(RunRules.DescribeZh(r) + "（" + r + "）", folded, StringComparison.Ordinal));
        var english = Assert.Single(trend.EvidenceEn.Split("; "), e => e.Contains("chart", StringComparison.Ordinal));
        Assert.StartsWith("Monthly self-check chart signals (the trend itself): ", english, StringComparison.Ordinal);
        Assert.All(rules, r => Assert.Contains(RunRules.Describe(r) + " (" + r + ")", trend.EvidenceEn, StringComparison.Ordinal));
    }

    [Fact]
    public void Persistent_self_check_inflation_is_found()
    {
        DateOnly[] spotMonths = [new(2026, 2, 1), new(2026, 5, 1)];
        var checks = spotMonths.SelectMany(m => new[] { new MonthlyCheck("LOG", m, "self", 98m, 1), new MonthlyCheck("LOG", m, "spot", 94m, 1) }).ToList();
        var input = Input(checks: checks, dataFrom: new DateOnly(2026, 1, 1)) with { History = [new Quarter(2026, 1), Q2] };
        var a = QuarterAnalyzer.Analyze(input, AnalysisOptions.Default with { HistoryQuarters = 2 });
        var log = a.Inflation.Departments.Single(d => d.DepartmentCode == "LOG");
        Assert.Equal(2, log.ConsecutiveInflated);
        Assert.True(log.Persistent);
        Assert.Equal(4.0, log.MeanGap);
        Assert.Null(log.PValue); // two equal gaps: zero variance, no test
        Assert.Single(a.Findings, f => f.Kind == FindingKinds.SelfCheckInflation && f.DepartmentCode == "LOG");
    }

    [Fact]
    public void An_inflation_run_across_a_quarter_without_spot_checks_names_its_inflated_quarters()
    {
        // Spot checks in 2025Q4 and 2026Q2, none in 2026Q1: the run of 2 skips 2026Q1, so the finding is about 2025Q4 and 2026Q2.
        DateOnly[] spotMonths = [new(2025, 11, 1), new(2026, 5, 1)];
        var checks = spotMonths.SelectMany(m => new[] { new MonthlyCheck("LOG", m, "self", 98m, 1), new MonthlyCheck("LOG", m, "spot", 95m, 1) }).ToList();
        var input = Input(checks: checks, dataFrom: new DateOnly(2025, 10, 1)) with { History = [.. Quarter.Range(new Quarter(2025, 4), Q2)] };
        var a = QuarterAnalyzer.Analyze(input, AnalysisOptions.Default with { HistoryQuarters = 3 });
        Assert.Equal(2, a.Inflation.Departments.Single(d => d.DepartmentCode == "LOG").ConsecutiveInflated);
        var f = Assert.Single(a.Findings, f => f.Kind == FindingKinds.SelfCheckInflation);
        Assert.Equal(["2025Q4", "2026Q2"], f.Points);
        Assert.Contains("2025Q4 +3.00、2026Q2 +3.00", f.EvidenceZh);
    }

    [Fact]
    public void Invalid_options_are_refused() =>
        Assert.Throws<ArgumentException>(() => QuarterAnalyzer.Analyze(Input(), AnalysisOptions.Default with { Alpha = 0 }));
}
