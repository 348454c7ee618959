using System.Globalization;
using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>
/// The ranked problems for the quality meeting (第十五条: 分析存在的问题). Severity (0–100) by kind, larger is worse:
/// <list type="bullet">
/// <item>grade_fail: 70 + min(25, pass_at − total) (pass_at of the policy in force, 95 by default);</item>
/// <item>trend_declining (one per department, every significantly declining metric listed): 55 + min(30, 5·(−log₁₀ p)) for
///   the smallest p, + 5 when the total itself declines;</item>
/// <item>control_signal (violations touching a month of the analysed quarter): WE1 55 + min(35, 2.5·(|z| − 3)); WE2 48;
///   WE3 45; WE4 42; Nelson rules 40. A department's self-check signals are folded into its trend finding when its
///   self-check declines significantly, and its complaint-chart signals when its complaint count rises significantly: the
///   signal is the trend, not a special cause, and the meeting discusses it once (only signals on the trend's side of the
///   centre line: a jump the other way stays a finding of its own);</item>
/// <item>pareto_vital_few (the quarter's leading category by count; its evidence lists the vital few, or says the causes are
///   spread when reaching 80% takes every category): 40 + 40·share;</item>
/// <item>service_target_missed (per department): 35 + 40·the largest shortfall below a target, each weighted by min(1, decided/5), at most 80;</item>
/// <item>survey_decline (significant Welch decrease of a question): 40 + min(20, 5·(−log₁₀ p)), − 5 for a small sample;</item>
/// <item>self_check_inflation: 50 + min(20, 5·consecutive quarters); high_self_check_many_complaints: 45 + min(20, 2·(complaints − threshold)).</item>
/// </list>
/// Ties rank by kind (in that order), then department code.
/// </summary>
public static class Findings
{
    private static readonly string[] KindOrder =
    [
        FindingKinds.GradeFail, FindingKinds.TrendDeclining, FindingKinds.ControlSignal, FindingKinds.ParetoVitalFew, FindingKinds.ServiceTargetMissed,
        FindingKinds.SurveyDecline, FindingKinds.SelfCheckInflation, FindingKinds.HighSelfCheckManyComplaints,
    ];

    private sealed record Draft(string Kind, double Severity, string? Code, string Key, Dictionary<string, string> Parameters, string TitleZh, string TitleEn,
        List<string> EvidenceZh, List<string> EvidenceEn, List<string> Points);

    public static IReadOnlyList<Finding> Build(AnalysisInput input, AnalysisOptions options, IReadOnlyList<DepartmentTrends> trends, ControlChartSection charts,
        ParetoSection pareto, SurveySection survey, ServiceTargetSection service, InflationSection inflation)
    {
        var names = input.Departments.ToDictionary(d => d.Code, d => d.Name);
        var drafts = new List<Draft>();
        GradeFails(input, drafts, names);
        var trendDrafts = TrendFindings(trends, options, drafts, names);
        ControlFindings(input, trends, charts, options, drafts, trendDrafts, names);
        ParetoFinding(input, pareto, drafts);
        ServiceFindings(service, service.Targets, drafts, names);
        SurveyFindings(survey, options, drafts, names);
        InflationFindings(inflation, options, drafts);

        return [.. drafts
            .OrderByDescending(d => Math.Round(d.Severity, 1, MidpointRounding.AwayFromZero))
            .ThenBy(d => Array.IndexOf(KindOrder, d.Kind))
            .ThenBy(d => d.Code ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Points.FirstOrDefault() ?? "", StringComparer.Ordinal)
            .Select((d, i) => new Finding(i + 1, d.Kind, Math.Round(Math.Clamp(d.Severity, 0, 100), 1, MidpointRounding.AwayFromZero), d.Code, d.Code is null ? null : names.GetValueOrDefault(d.Code),
                d.Key, d.Parameters, d.TitleZh, d.TitleEn, d.EvidenceZh, d.EvidenceEn, d.Points))];
    }

    /// <summary>The department as English text names it: 物流业务部 (LOG) (DepartmentLabel).</summary>
    private static string En(Dictionary<string, string> names, string code) => DepartmentLabel.English(names.GetValueOrDefault(code), code);

    private static string F(double v, int decimals = 2) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    private static string F(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Yuan as the report's tables write them: −5,000, +9,200, 0 (a true minus sign, thousands separated).</summary>
    private static string Yuan(decimal v) => v switch
    {
        < 0 => "\u2212" + (-v).ToString("#,##0.##", CultureInfo.InvariantCulture),
        > 0 => "+" + v.ToString("#,##0.##", CultureInfo.InvariantCulture),
        _ => "0",
    };
    /// <summary>A trend's value as its measure is written: scores to two decimals, counts whole, rates as percentages
    /// (the stored values printed as they were read "98" and "0.8333").</summary>
    private static string SeriesValue(MetricTrend m, decimal v) => m.Metric switch
    {
        Metrics.ComplaintCount => v.ToString("0.##", CultureInfo.InvariantCulture),
        Metrics.SatisfactionRate => Pct((double)v),
        _ => F(v),
    };

    /// <summary>The slope's size in the measure's unit: points per quarter, or percentage points for a rate.</summary>
    private static string Slope(MetricTrend m) => m.Metric == Metrics.SatisfactionRate
        ? F(Math.Abs(m.Fit!.Slope) * 100, 1) + " pp"
        : F(Math.Abs(m.Fit!.Slope));

    private static string Bound(decimal? v) => v is { } b ? F(b) : "—";

    /// <summary>The measure's English name, as the report says it (the code, "self_check", is for the JSON).</summary>
    private static string MetricEn(string metric) => metric switch
    {
        Metrics.Total => "total",
        Metrics.SelfCheck => "self-check",
        Metrics.Survey => "survey",
        Metrics.Complaint => "complaint score",
        Metrics.ComplaintCount => "valid complaints",
        Metrics.SatisfactionRate => "complaint satisfaction",
        _ => metric,
    };

    /// <summary>An English clause starts with a capital ("Total 73.36, …"), as a sentence does.</summary>
    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string P(double p) => p < 0.0001 ? "p < 0.0001" : "p = " + F(p, 4);
    private static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static void GradeFails(AnalysisInput input, List<Draft> drafts, Dictionary<string, string> names)
    {
        foreach (var s in input.Scores.Where(s => s.Quarter == input.Quarter && s.Grade == "fail" && s.Total is not null).OrderBy(s => s.DepartmentCode, StringComparer.Ordinal))
        {
            var t = s.Total!.Value;
            // The pass mark is the policy's (pass_at), not a constant: under a version with another one, "below 95" was false.
            var passAt = input.PassAt.ToString("0.##", CultureInfo.InvariantCulture);
            drafts.Add(new Draft(FindingKinds.GradeFail, 70 + Math.Min(25, (double)(input.PassAt - t)), s.DepartmentCode, "finding.grade_fail",
                new() { ["total"] = F(t), ["amount"] = Yuan(s.Amount), ["pass_at"] = passAt },
                $"{names.GetValueOrDefault(s.DepartmentCode, s.DepartmentCode)}考核不合格", $"{En(names, s.DepartmentCode)} failed the assessment",
                [$"总分 {F(t)} 分，低于合格线 {passAt} 分，奖惩 {Yuan(s.Amount)} 元"], [$"Total {F(t)}, below the pass mark of {passAt}; amount {Yuan(s.Amount)} yuan"], [input.Quarter.ToString()]));
        }
    }

    private static Dictionary<string, Draft> TrendFindings(IReadOnlyList<DepartmentTrends> trends, AnalysisOptions options, List<Draft> drafts, Dictionary<string, string> names)
    {
        var byDepartment = new Dictionary<string, Draft>();
        foreach (var t in trends)
        {
            var declining = t.Metrics.Where(m => m.Direction == "declining" && m.Fit?.PValue is not null).ToList();
            if (declining.Count == 0) continue;
            var minP = declining.Min(m => m.Fit!.PValue!.Value);
            var severity = 55 + Math.Min(30, 5 * -Math.Log10(Math.Max(minP, 1e-300))) + (declining.Any(m => m.Metric == Metrics.Total) ? 5 : 0);
            var zh = declining.Select(m => FormattableString.Invariant(
                $"{m.Label}每季度{(m.Fit!.Slope < 0 ? "下降" : "上升")} {Slope(m)}（{P(m.Fit.PValue!.Value)}，R² = {F(m.Fit.RSquared ?? 0)}，{m.Series.Count} 个季度：{m.Series[0].Quarter} {SeriesValue(m, m.Series[0].Value)} → {m.Series[^1].Quarter} {SeriesValue(m, m.Series[^1].Value)}）")).ToList();
            var en = declining.Select(m => FormattableString.Invariant(
                $"{Capitalized(MetricEn(m.Metric))} {(m.Fit!.Slope < 0 ? "fell" : "rose")} {Slope(m)} per quarter ({P(m.Fit.PValue!.Value)}, R² {F(m.Fit.RSquared ?? 0)}, {m.Series.Count} quarters: {m.Series[0].Quarter} {SeriesValue(m, m.Series[0].Value)} → {m.Series[^1].Quarter} {SeriesValue(m, m.Series[^1].Value)})")).ToList();
            var forecast = declining.FirstOrDefault(m => m.Metric == Metrics.Total)?.Forecast;
            if (forecast is not null)
            {
                zh.Add(FormattableString.Invariant($"预计 {forecast.Quarter} 总分 {F(forecast.Value)}（95% 预测区间 {Bound(forecast.Lower)}–{Bound(forecast.Upper)}）"));
                en.Add(FormattableString.Invariant($"Forecast total for {forecast.Quarter}: {F(forecast.Value)} (95% prediction interval {Bound(forecast.Lower)}–{Bound(forecast.Upper)})"));
            }
            var draft = new Draft(FindingKinds.TrendDeclining, severity, t.DepartmentCode, "finding.trend_declining",
                new() { ["metrics"] = string.Join(",", declining.Select(m => m.Metric)), ["min_p"] = minP.ToString("G4", CultureInfo.InvariantCulture), ["alpha"] = F(options.Alpha) },
                $"{names.GetValueOrDefault(t.DepartmentCode, t.DepartmentCode)}质量持续下滑", $"{En(names, t.DepartmentCode)} is declining significantly",
                zh, en, [.. declining.Select(m => m.Metric)]);
            drafts.Add(draft);
            byDepartment[t.DepartmentCode] = draft;
        }
        return byDepartment;
    }

    private static void ControlFindings(AnalysisInput input, IReadOnlyList<DepartmentTrends> trends, ControlChartSection charts, AnalysisOptions options,
        List<Draft> drafts, Dictionary<string, Draft> trendDrafts, Dictionary<string, string> names)
    {
        void Add(ControlChart chart, string? code, string subjectZh, string subjectEn, string? foldWhenDeclining)
        {
            // The signals that are the trend itself, by rule with their months: said once under the trend, not once per
            // signal (a falling month breaks WE1 to WE4 at once, which read as a dozen repeated clauses).
            var folded = new List<(string Rule, IReadOnlyList<string> Months)>();
            Draft? foldedInto = null;
            foreach (var v in chart.Violations.Where(v => ControlCharts.InQuarter(chart, v, input.Quarter)))
            {
                var points = v.Points.Select(i => chart.Points.First(p => p.Index == i)).ToList();
                var labels = points.Select(p => p.Label).ToList();
                var maxZ = points.Select(p => RunRules.Z(p) is { } z ? Math.Abs(z) : 0).Max();
                var zText = double.IsInfinity(maxZ) ? "∞" : F(maxZ, 1);
                var first = points[0];
                var valueZh = string.Join("、", points.Select(p => FormattableString.Invariant($"{p.Label} {F(p.Value)}")));
                // Which way the points went: a self-check far above its usual level is as much a signal as one far below
                // (a lenient self-assessment), and the reader must not take "失控" for a fall.
                var side = points.All(p => p.Value > p.CenterLine) ? 1 : points.All(p => p.Value < p.CenterLine) ? -1 : 0;
                var sideZh = side switch { 1 => "高于", -1 => "低于", _ => "偏离" };
                var sideEn = side switch { 1 => "above", -1 => "below", _ => "away from" };
                var limitsZh = $"{(first.Lower is { } lo ? F(lo) : "—")}–{(first.Upper is { } up ? F(up) : "—")}";
                var limitsEn = $"{(first.Lower is { } l2 ? F(l2) : "—")}–{(first.Upper is { } u2 ? F(u2) : "—")}";
                // The rule in words with its code (the dashboard's chart marks the code), and σ said as what it is.
                var zh = new List<string>
                {
                    FormattableString.Invariant(
                        $"{subjectZh}：{valueZh}，{sideZh}中心线 {F(first.CenterLine)}（控制限 {limitsZh}），最远偏离 {zText} 个标准差（σ）；{RunRules.DescribeZh(v.Rule)}（{v.Rule}）"),
                };
                var en = new List<string>
                {
                    FormattableString.Invariant(
                        $"{Capitalized(subjectEn)}: {string.Join(", ", points.Select(p => $"{p.Label} {F(p.Value)}"))}, {sideEn} the centre line {F(first.CenterLine)} (limits {limitsEn}), up to {zText} standard deviations (σ) off; {RunRules.Describe(v.Rule)} ({v.Rule})"),
                };
                // A rule over several months may reach back into the quarter before: said, or a Q2 report naming 2026-02
                // reads as a mistake.
                var earlier = labels.Where(l => !input.Quarter.Months.Any(m => Trends.Month(m) == l)).ToList();
                if (earlier.Count > 0)
                {
                    zh.Add($"其中 {string.Join("、", earlier)} 不在本季度，与本季度的点一起构成这次报警");
                    en.Add($"{string.Join(", ", earlier)} {(earlier.Count == 1 ? "is" : "are")} before this quarter and form the signal together with this quarter's points");
                }
                if (side > 0 && foldWhenDeclining == Metrics.SelfCheck)
                {
                    zh.Add("自查得分明显高于以往，可能是自评偏宽，宜与抽查结果核对");
                    en.Add("A self-check well above its usual level may be too lenient: compare it with the spot checks");
                }
                // Only a signal on the trend's side of the centre line is the trend itself (below it for a falling
                // self-check, above it for rising complaints); a jump the other way is a special cause of its own.
                if (code is not null && foldWhenDeclining is not null && trendDrafts.TryGetValue(code, out var trend)
                    && trends.First(t => t.DepartmentCode == code).Metric(foldWhenDeclining) is { Direction: "declining", Fit: { } fit }
                    && points.All(p => Math.Sign(p.Value - p.CenterLine) == Math.Sign(fit.Slope)))
                {
                    folded.Add((v.Rule, [.. labels.Where(l => input.Quarter.Months.Any(m => Trends.Month(m) == l))]));
                    foldedInto = trend;
                    continue;
                }
                var severity = v.Rule switch
                {
                    RunRules.WE1 => 55 + Math.Min(35, 2.5 * (maxZ - 3)),
                    RunRules.WE2 => 48,
                    RunRules.WE3 => 45,
                    RunRules.WE4 => 42,
                    _ => 40,
                };
                var who = code is null ? "全公司" : names.GetValueOrDefault(code, code);
                drafts.Add(new Draft(FindingKinds.ControlSignal, severity, code, "finding.control_signal",
                    new() { ["chart"] = chart.Kind, ["rule"] = v.Rule, ["points"] = string.Join(",", labels), ["sigma"] = zText },
                    $"{who}{subjectZh}失控（{string.Join("、", labels)}）", $"{(code is null ? "Company-wide" : En(names, code))}: {subjectEn} out of control ({string.Join(", ", labels)})",
                    zh, en, labels));
            }
            if (foldedInto is null) return;
            var byRule = folded.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Rule: g.Key, Months: g.SelectMany(f => f.Months).Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
            // Rules in words with their codes, grouped by the months they flag (a falling month breaks WE1 to WE4 at
            // once: the months once, then the rules).
            var byMonths = byRule.GroupBy(r => string.Join(",", r.Months), StringComparer.Ordinal).ToList();
            foldedInto.EvidenceZh.Add($"{subjectZh}控制图报警（属趋势本身）：" + string.Join("；", byMonths.Select(g =>
                $"{string.Join("、", g.First().Months)} {string.Join("、", g.Select(r => $"{RunRules.DescribeZh(r.Rule)}（{r.Rule}）"))}")));
            foldedInto.EvidenceEn.Add($"{Capitalized(subjectEn)} chart signals (the trend itself): " + string.Join("; ", byMonths.Select(g =>
                $"{string.Join(", ", g.First().Months)}: {string.Join(", ", g.Select(r => $"{RunRules.Describe(r.Rule)} ({r.Rule})"))}")));
        }

        foreach (var d in charts.Departments)
        {
            if (d.SelfCheck is { } xmr) Add(xmr.Individuals, d.DepartmentCode, "月度自查得分", "monthly self-check", Metrics.SelfCheck);
            if (d.Complaints is { } c) Add(c, d.DepartmentCode, "月度有效投诉数", "monthly valid complaints", Metrics.ComplaintCount);
        }
        if (charts.ComplaintsPerWorkingDay is { } u) Add(u, null, "每工作日有效投诉数", "valid complaints per working day", null);
        if (charts.LateReplies is { } p) Add(p, null, "超时回复比例", "late-reply proportion", null);
    }

    private static void ParetoFinding(AnalysisInput input, ParetoSection pareto, List<Draft> drafts)
    {
        var byCount = pareto.ByCount;
        // Spread causes (reaching the threshold takes every category) have no vital few, as the Pareto table says; the
        // largest category is still the leading cause, and the evidence says there is no vital few instead of listing all.
        if (byCount.Leader is not { } leader) return;
        var deduction = pareto.ByDeduction.Items.FirstOrDefault(i => i.Category == leader.Category);
        var vital = byCount.VitalFew;
        var categories = byCount.Items.Count(i => i.Value > 0);
        var vitalZh = byCount.Spread
            ? FormattableString.Invariant($"原因分散：累计 {Pct(byCount.Threshold)} 需要全部 {categories} 类原因，无关键少数")
            : FormattableString.Invariant($"关键少数（累计达到 {Pct(byCount.Threshold)} 所需的原因，合计占 {Pct(byCount.VitalShare)}）：{string.Join("、", vital)}");
        var vitalEn = byCount.Spread
            ? FormattableString.Invariant($"causes spread: reaching {Pct(byCount.Threshold)} takes all {categories} categories, no vital few")
            : FormattableString.Invariant($"vital few (the causes needed to reach {Pct(byCount.Threshold)}, together {Pct(byCount.VitalShare)}): {string.Join(", ", vital)}");
        var parameters = new Dictionary<string, string>
        {
            ["category"] = leader.Category, ["count"] = leader.Value.ToString(CultureInfo.InvariantCulture), ["share"] = F(leader.Share, 4), ["vital_few"] = string.Join(",", vital),
        };
        if (byCount.Spread) parameters["spread"] = "true";
        drafts.Add(new Draft(FindingKinds.ParetoVitalFew, 40 + 40 * leader.Share, null, "finding.pareto_vital_few", parameters,
            $"投诉主要原因：{leader.Category}", $"Leading complaint cause: {leader.Category}",
            [FormattableString.Invariant($"{input.Quarter} 有效投诉 {byCount.Total} 件，其中{leader.Category} {leader.Value} 件，占 {Pct(leader.Share)}；{vitalZh}")
                + (deduction is { Value: > 0 } ? FormattableString.Invariant($"；直接扣分 {deduction.Value} 分，占 {Pct(deduction.Share)}") : "")],
            // The same facts as the Chinese, the direct deductions included (the English once left them out).
            [FormattableString.Invariant($"{leader.Value} of {byCount.Total} valid complaints in {input.Quarter} ({Pct(leader.Share)}); {vitalEn}")
                + (deduction is { Value: > 0 } ? FormattableString.Invariant($"; direct deductions {deduction.Value} points ({Pct(deduction.Share)} of them)") : "")],
            [leader.Category]));
    }

    private static void ServiceFindings(ServiceTargetSection service, ServiceTargetRules o, List<Draft> drafts, Dictionary<string, string> names)
    {
        // The targets' names say the deadlines in force (24 hours and 3 working days by default), not constants.
        var hours = o.ReplyHours.ToString("0.##", CultureInfo.InvariantCulture);
        foreach (var row in service.Quarter.Where(r => r.DepartmentCode is not null))
        {
            var code = row.DepartmentCode!;
            var missed = new List<(string Zh, string En, double Shortfall)>();
            var targets = new List<(string Zh, string En)>(); // the targets missed, for the title
            // A shortfall weighs in proportion to the evidence, up to 5 decided complaints: one late complaint of one is not 100%.
            static double W(int n) => Math.Min(1.0, n / 5.0);
            if (row.Reply.Met == false) targets.Add(("回复时限", "reply-time"));
            if (row.Solution.Met == false) targets.Add(("解决时限", "solution-time"));
            if (row.Satisfaction.Met == false) targets.Add(("满意率", "satisfaction"));
            if (row.Reply.Met == false) missed.Add(($"{hours}小时回复率 {Pct(row.Reply.Rate!.Value)}（{row.Reply.Late} 件超时）", $"{hours}-hour reply rate {Pct(row.Reply.Rate!.Value)} ({row.Reply.Late} late)", (row.Reply.Target - row.Reply.Rate!.Value) * W(row.Reply.OnTime + row.Reply.Late)));
            if (row.Solution.Met == false) missed.Add(($"{o.SolutionWorkingDays}个工作日解决率 {Pct(row.Solution.Rate!.Value)}（{row.Solution.Late} 件超时）", $"{o.SolutionWorkingDays}-working-day solution rate {Pct(row.Solution.Rate!.Value)} ({row.Solution.Late} late)", (row.Solution.Target - row.Solution.Rate!.Value) * W(row.Solution.OnTime + row.Solution.Late)));
            if (row.Satisfaction.Met == false) missed.Add(($"满意率 {Pct(row.Satisfaction.Rate!.Value)}（目标 {Pct(row.Satisfaction.Target)}，回访 {row.Satisfaction.Asked} 件）", $"Satisfaction {Pct(row.Satisfaction.Rate!.Value)} (target {Pct(row.Satisfaction.Target)}, {row.Satisfaction.Asked} asked)", (row.Satisfaction.Target - row.Satisfaction.Rate!.Value) * W(row.Satisfaction.Asked)));
            if (missed.Count == 0) continue;
            var late = service.Late.Where(l => l.DepartmentCode == code).Select(l => l.ComplaintId).Distinct().ToList();
            drafts.Add(new Draft(FindingKinds.ServiceTargetMissed, Math.Min(80, 35 + 40 * missed.Max(m => m.Shortfall)), code, "finding.service_target_missed",
                new() { ["late"] = string.Join(",", late) },
                // The title names the targets missed (it said 服务时限/满意率 whatever was missed, a slash in Chinese text).
                $"{names.GetValueOrDefault(code, code)}未达{string.Join("、", targets.Select(t => t.Zh))}目标",
                $"{En(names, code)} missed the {EnglishList([.. targets.Select(t => t.En)])} target{(targets.Count > 1 ? "s" : "")}",
                [.. missed.Select(m => m.Zh)], [.. missed.Select(m => m.En)], late));
        }
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string EnglishList(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static void SurveyFindings(SurveySection survey, AnalysisOptions options, List<Draft> drafts, Dictionary<string, string> names)
    {
        foreach (var s in survey.Questions.Where(s => s.DepartmentCode is not null && s.Direction == "declining"))
        {
            var p = s.Change.PValue!.Value;
            var code = s.DepartmentCode!;
            drafts.Add(new Draft(FindingKinds.SurveyDecline, 40 + Math.Min(20, 5 * -Math.Log10(Math.Max(p, 1e-300))) - (s.SmallSample ? 5 : 0), code, "finding.survey_decline",
                new() { ["question"] = s.Question, ["difference"] = F(s.Change.Difference!.Value), ["p"] = p.ToString("G4", CultureInfo.InvariantCulture) },
                $"{names.GetValueOrDefault(code, code)}问卷{s.Question}得分显著下降", $"{En(names, code)}: survey question {s.Question} fell significantly",
                [FormattableString.Invariant($"{s.Question} 均分 {F(s.Previous.Mean ?? 0)} → {F(s.Current.Mean ?? 0)}（满分 {s.Scale}，与上季比较的 t 检验 {P(p)}，显著性水平 {options.Alpha}）{(s.SmallSample ? "，样本量小，结论仅供参考" : "")}")],
                [FormattableString.Invariant($"{s.Question} mean {F(s.Previous.Mean ?? 0)} → {F(s.Current.Mean ?? 0)} (scale {s.Scale}; t-test against last quarter {P(p)}, significance level {options.Alpha}){(s.SmallSample ? "; small sample, for reference only" : "")}")],
                [s.Question]));
        }
    }

    private static void InflationFindings(InflationSection inflation, AnalysisOptions options, List<Draft> drafts)
    {
        foreach (var d in inflation.Departments.Where(d => d.Persistent))
        {
            // The run skips quarters without a spot check (Inflation.Build), so its quarters are the last ones with a gap,
            // not the last quarters of the history.
            var run = d.Quarters.Where(q => q.MeanGap is not null).TakeLast(d.ConsecutiveInflated).ToList();
            var gapsZh = string.Join("、", run.Select(q => $"{q.Quarter} +{F(q.MeanGap!.Value)}"));
            var gapsEn = string.Join(", ", run.Select(q => $"{q.Quarter} +{F(q.MeanGap!.Value)}"));
            drafts.Add(new Draft(FindingKinds.SelfCheckInflation, 50 + Math.Min(20, 5 * d.ConsecutiveInflated), d.DepartmentCode, "finding.self_check_inflation",
                new() { ["quarters"] = d.ConsecutiveInflated.ToString(CultureInfo.InvariantCulture) },
                $"{d.DepartmentName}自查得分持续高于抽查", $"{DepartmentLabel.English(d.DepartmentName, d.DepartmentCode)}: self-checks run above spot checks",
                [FormattableString.Invariant($"连续 {d.ConsecutiveInflated} 个季度自查高于抽查超过 {options.InflationTolerance} 分：{gapsZh}") + (d.PValue is { } p ? $"；配对 t 检验 {P(p)}" : "")],
                [FormattableString.Invariant($"Self-checks above spot checks by more than {options.InflationTolerance} for {d.ConsecutiveInflated} quarters: {gapsEn}") + (d.PValue is { } pe ? $"; paired t-test {P(pe)}" : "")], [.. run.Select(q => q.Quarter)]));
        }
        foreach (var h in inflation.HighSelfCheckManyComplaints)
        {
            drafts.Add(new Draft(FindingKinds.HighSelfCheckManyComplaints, 45 + Math.Min(20, 2 * (h.ValidComplaints - h.Threshold)), h.DepartmentCode, "finding.high_self_check_many_complaints",
                new() { ["self_check"] = F(h.SelfCheckMean), ["complaints"] = h.ValidComplaints.ToString(CultureInfo.InvariantCulture) },
                $"{h.DepartmentName}自查高分但投诉多", $"{DepartmentLabel.English(h.DepartmentName, h.DepartmentCode)}: high self-checks beside many complaints",
                [FormattableString.Invariant($"自查月均 {F(h.SelfCheckMean)} 分，有效投诉 {h.ValidComplaints} 件（阈值 {F(h.Threshold)}）")],
                [FormattableString.Invariant($"Self-check mean {F(h.SelfCheckMean)}, {h.ValidComplaints} valid complaints (threshold {F(h.Threshold)})")], []));
        }
    }
}
