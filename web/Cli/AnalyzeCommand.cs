using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Web.Cli;

/// <summary>`qa analyze --quarter 2026Q2 [--db FILE] [--format text|json] [--alpha 0.05] [--history 8]`: the quarter's
/// statistical analysis (trends, control charts, Pareto, survey, service targets, self-check inflation) and the ranked findings
/// for the quality meeting. Quarters the mart lacks are scored first.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var quarter = ScoreCommand.QuarterOption();
        var db = CommonOptions.Db();
        var format = CommonOptions.Format("text", "json");
        var alpha = new Option<double>("--alpha") { Description = "Significance level for trends and survey changes (default 0.05).", DefaultValueFactory = _ => 0.05 };
        var history = new Option<int>("--history") { Description = "Quarters of history, the analysed one included (default 8).", DefaultValueFactory = _ => 8 };
        var command = new Command("analyze", "Statistical analysis of a quarter: trends, control charts, causes, service targets and findings.") { quarter, db, format, alpha, history };
        command.SetAction(parse =>
        {
            var q = ScoreCommand.ParseQuarter(parse.GetValue(quarter));
            var options = AnalysisOptions.Default with { Alpha = parse.GetValue(alpha), HistoryQuarters = parse.GetValue(history) };
            var problems = options.Problems();
            if (problems.Count > 0) throw new UsageException(string.Join("; ", problems) + ".");
            using var ctx = env.OpenWarehouse(parse.GetValue(db)).CreateContext();
            var input = AnalysisInputReader.Read(ctx, q, options, Policies.Active(env, parse.GetValue(db), null), env.Clock);
            var analysis = QuarterAnalyzer.Analyze(input, options);
            if (parse.GetValue(format) == "json") env.Out.WriteLine(JsonSerializer.Serialize(analysis, CliEnvironment.Json));
            else WriteText(env.Out, analysis);
            return QaCommandLine.Ok;
        });
        return command;
    }

    private static string F(double? v, int d = 2) => v is { } x ? x.ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";
    private static string F(decimal? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
    private static string Pct(double? v) => v is { } x ? (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
    private static string PText(double? p) => p is not { } x ? "—" : x < 0.0001 ? "<0.0001" : x.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Direction(string d) => d switch
    {
        "improving" => "显著改善",
        "declining" => "显著下滑",
        "no_significant_change" => "无显著变化",
        _ => "无法判断",
    };

    private static void WriteText(TextWriter o, QuarterAnalysis a)
    {
        var names = a.Trends.ToDictionary(t => t.DepartmentCode, t => t.DepartmentName);
        string Name(string? code) => code is null ? "全公司" : names.GetValueOrDefault(code, code);
        o.WriteLine(FormattableString.Invariant($"服务质量分析 Quality analysis {a.Quarter}(截至 {a.AsOf:yyyy-MM-dd HH:mm}, 历史 {a.History[0]}–{a.History[^1]}, α = {a.Options.Alpha})"));

        o.WriteLine();
        o.WriteLine("一、存在的问题 Findings (第十五条)");
        if (a.Findings.Count == 0) o.WriteLine("  (无 none)");
        foreach (var f in a.Findings)
        {
            o.WriteLine(FormattableString.Invariant($"  {f.Rank,2}. [{f.Severity,5:0.0}] {f.TitleZh} ({f.Kind})"));
            // One clause per line, as the dashboard and the report list them.
            foreach (var clause in f.EvidenceZhClauses) o.WriteLine($"      {(f.EvidenceZhClauses.Count > 1 ? "- " : "")}{clause}");
        }

        o.WriteLine();
        o.WriteLine("二、趋势 Trends(总分, 每季度斜率, 环比/同比, 下季度预测与 95% 预测区间)");
        foreach (var t in a.Trends)
        {
            var m = t.Metric(Metrics.Total)!;
            var fc = m.Forecast is { } f ? FormattableString.Invariant($"{f.Quarter} {f.Value} [{F(f.Lower)}, {F(f.Upper)}]") : "—";
            o.WriteLine(FormattableString.Invariant(
                $"  {t.DepartmentCode} {t.DepartmentName}: 本季 {F(m.Series.LastOrDefault(s => s.Quarter == a.Quarter)?.Value)}, 环比 {F(m.QuarterOnQuarter?.Difference)}, 同比 {F(m.YearOnYear?.Difference)}, 斜率 {F(m.Fit?.Slope)} ± {F(m.Fit?.SlopeStandardError)}, p {PText(m.Fit?.PValue)}, R² {F(m.Fit?.RSquared)}, {Direction(m.Direction)}; 预测 {fc}"));
            var others = t.Metrics.Where(x => x.Metric != Metrics.Total && x.Direction is "improving" or "declining").ToList();
            if (others.Count > 0) o.WriteLine("      " + string.Join(";", others.Select(x => FormattableString.Invariant($"{x.Label} {Direction(x.Direction)} (斜率 {F(x.Fit?.Slope)}, p {PText(x.Fit?.PValue)})"))));
        }

        o.WriteLine();
        o.WriteLine("三、控制图 Control charts(自查 XmR、投诉 c 图;全公司 u 图、超时回复 p 图)");
        void Chart(string title, ControlChart? chart)
        {
            if (chart is null) return;
            var last = chart.Points.LastOrDefault();
            var limits = last is null ? "—" : FormattableString.Invariant($"CL {F(last.CenterLine)}, LCL {F(last.Lower)}, UCL {F(last.Upper)}");
            var violations = chart.Violations.Count == 0 ? "受控 in control"
                : string.Join(";", chart.Violations.Select(v => $"{v.Rule} {string.Join("、", v.Points.Select(i => chart.Points.First(p => p.Index == i).Label))}"));
            o.WriteLine($"  {title}: {limits}; {violations}");
        }
        foreach (var d in a.ControlCharts.Departments)
        {
            Chart($"{d.DepartmentCode} 自查 X", d.SelfCheck?.Individuals);
            if (d.Complaints is { Violations.Count: > 0 }) Chart($"{d.DepartmentCode} 投诉 c", d.Complaints);
        }
        Chart("全公司 每工作日投诉 u", a.ControlCharts.ComplaintsPerWorkingDay);
        Chart("全公司 超时回复 p", a.ControlCharts.LateReplies);

        o.WriteLine();
        o.WriteLine(FormattableString.Invariant($"四、投诉原因帕累托 Pareto({a.Pareto.Basis}; 关键少数 = 累计 {Pct(a.Pareto.ByCount.Threshold)})"));
        if (a.Pareto.ByCount.Items.Count == 0) o.WriteLine("  (本季度无有效投诉 no valid complaints)");
        foreach (var i in a.Pareto.ByCount.Items)
        {
            var ded = a.Pareto.ByDeduction.Items.FirstOrDefault(x => x.Category == i.Category);
            o.WriteLine(FormattableString.Invariant($"  {(i.VitalFew ? "★" : " ")} {i.Category}: {i.Value} 件 {Pct(i.Share)} 累计 {Pct(i.CumulativeShare)}; 直接扣分 {ded?.Value ?? 0}"));
        }

        o.WriteLine();
        o.WriteLine("五、问卷 Survey(全公司各题均分与 95% 置信区间, 与上季度 Welch t 检验)");
        foreach (var s in a.Survey.Questions.Where(s => s.DepartmentCode is null))
        {
            o.WriteLine(FormattableString.Invariant(
                $"  {s.Question}(满分 {s.Scale}): {F(s.Current.Mean)} [{F(s.Current.Lower)}, {F(s.Current.Upper)}] n={s.Current.N}; 上季 {F(s.Previous.Mean)} n={s.Previous.N}; 差 {F(s.Change.Difference)}, p {PText(s.Change.PValue)}, {Direction(s.Direction)}"));
        }
        foreach (var s in a.Survey.Questions.Where(s => s.DepartmentCode is not null && s.Direction is "improving" or "declining"))
            o.WriteLine(FormattableString.Invariant($"  {s.DepartmentCode} {s.Question}: {F(s.Previous.Mean)} → {F(s.Current.Mean)}, p {PText(s.Change.PValue)}, {Direction(s.Direction)}{(s.SmallSample ? "(样本量小)" : "")}"));

        o.WriteLine();
        o.WriteLine("六、服务目标 Service targets (policy §7)");
        foreach (var d in a.ServiceTargets.Definitions) o.WriteLine($"  · {d}");
        foreach (var year in a.ServiceTargets.UncalendaredYears)
            o.WriteLine($"  ! {year} 年节假日与调休尚未导入 (qa calendar import): 该年按周一至周五计算 (the {year} calendar is not imported: weekdays only)");
        foreach (var r in a.ServiceTargets.Quarter)
        {
            o.WriteLine(FormattableString.Invariant(
                $"  {r.DepartmentCode ?? "ALL"} {Name(r.DepartmentCode)}: 投诉 {r.Complaints}; 24h回复 {Pct(r.Reply.Rate)} (超时 {r.Reply.Late}, 待定 {r.Reply.Pending}); 3日解决 {Pct(r.Solution.Rate)} (超时 {r.Solution.Late}, 待定 {r.Solution.Pending}); 满意率 {Pct(r.Satisfaction.Rate)} (回访 {r.Satisfaction.Asked}){(r.Satisfaction.Met == false ? " 未达标" : "")}"));
        }
        if (a.ServiceTargets.Late.Count > 0) o.WriteLine("  超时投诉 Late complaints:");
        foreach (var l in a.ServiceTargets.Late)
        {
            o.WriteLine(FormattableString.Invariant(
                $"    {l.ComplaintId} {l.DepartmentCode} {(l.Target == "reply" ? "回复" : "解决")}: 收到 {l.ReceivedAt:yyyy-MM-dd HH:mm}, 时限 {l.Due:yyyy-MM-dd HH:mm}, {(l.DoneAt is { } d ? $"完成 {d:yyyy-MM-dd HH:mm}" : "仍未完成 still open")}"));
        }

        o.WriteLine();
        o.WriteLine("七、自查虚高 Self-check inflation");
        foreach (var d in a.Inflation.Definitions) o.WriteLine($"  · {d}");
        foreach (var d in a.Inflation.Departments.Where(d => d.PairedMonths > 0))
        {
            o.WriteLine(FormattableString.Invariant(
                $"  {d.DepartmentCode}: 自查−抽查 平均 {F(d.MeanGap)} ({d.PairedMonths} 个月, 单侧 p {PText(d.PValue)}); 连续虚高 {d.ConsecutiveInflated} 个季度{(d.Persistent ? " ★" : "")}"));
        }
        foreach (var h in a.Inflation.HighSelfCheckManyComplaints)
            o.WriteLine(FormattableString.Invariant($"  高自查多投诉: {h.DepartmentCode} 自查 {F(h.SelfCheckMean)}, 有效投诉 {h.ValidComplaints}"));

        if (a.Notes.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("说明 Notes");
            foreach (var n in a.Notes) o.WriteLine($"  · {n}");
        }
    }
}
