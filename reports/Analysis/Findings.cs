using System.Globalization;
using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Resources;
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
public static partial class Findings
{
    private static readonly string[] KindOrder =
    [
        FindingKinds.GradeFail, FindingKinds.TrendDeclining, FindingKinds.ControlSignal, FindingKinds.ParetoVitalFew, FindingKinds.ServiceTargetMissed,
        FindingKinds.SurveyDecline, FindingKinds.SelfCheckInflation, FindingKinds.HighSelfCheckManyComplaints,
    ];

    private static readonly FindingsText Zh = FindingsText.Chinese, En = FindingsText.English;

    /// <summary>A finding being built. Its words are written once per language from FindingsText (the same sentence
    /// function called with each language), so the two never drift apart in what they say.</summary>
    private sealed record Draft(string Kind, double Severity, string? Code, string Key, Dictionary<string, string> Parameters, string TitleZh, string TitleEn,
        List<string> EvidenceZh, List<string> EvidenceEn, List<string> Points)
    {
        public static Draft Of(string kind, double severity, string? code, string key, Dictionary<string, string> parameters,
            Func<FindingsText, string> title, Func<FindingsText, IEnumerable<string>> evidence, List<string> points) =>
            new(kind, severity, code, key, parameters, title(Zh), title(En), [.. evidence(Zh)], [.. evidence(En)], points);

        /// <summary>One more clause of evidence, in both languages.</summary>
        public void Add(Func<FindingsText, string> clause)
        {
            EvidenceZh.Add(clause(Zh));
            EvidenceEn.Add(clause(En));
        }
    }

    public static IReadOnlyList<Finding> Build(AnalysisInput input, AnalysisOptions options, IReadOnlyList<DepartmentTrends> trends, ControlChartSection charts,
        ParetoSection pareto, SurveySection survey, ServiceTargetSection service, InflationSection inflation)
    {
        var names = input.Departments.ToDictionary(d => d.Code, d => d.Name);
        var drafts = new List<Draft>();
        GradeFails(input, drafts, names);
        var trendDrafts = TrendFindings(trends, options, drafts, names);
        ControlFindings(input, trends, charts, drafts, trendDrafts, names);
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

    /// <summary>The department as the language names it: 物流业务部, or 物流业务部 (LOG) in English text (DepartmentLabel).</summary>
    private static string Department(FindingsText t, string? name, string code) => t == Zh ? name ?? code : DepartmentLabel.English(name, code);

    private static string Department(FindingsText t, Dictionary<string, string> names, string code) => Department(t, names.GetValueOrDefault(code), code);

    private static void GradeFails(AnalysisInput input, List<Draft> drafts, Dictionary<string, string> names)
    {
        foreach (var s in input.Scores.Where(s => s.Quarter == input.Quarter && s.Grade == "fail" && s.Total is not null).OrderBy(s => s.DepartmentCode, StringComparer.Ordinal))
        {
            var t = s.Total!.Value;
            // The pass mark is the policy's (pass_at), not a constant: under a version with another one, "below 95" was false.
            var passAt = input.PassAt.ToString("0.##", CultureInfo.InvariantCulture);
            drafts.Add(Draft.Of(FindingKinds.GradeFail, 70 + Math.Min(25, (double)(input.PassAt - t)), s.DepartmentCode, "finding.grade_fail",
                new() { ["total"] = F(t), ["amount"] = Yuan(s.Amount), ["pass_at"] = passAt },
                l => l.Format("GradeFailTitle", Department(l, names, s.DepartmentCode)),
                l => [l.Format("GradeFailEvidence", F(t), passAt, Yuan(s.Amount))], [input.Quarter.ToString()]));
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
            var forecast = declining.FirstOrDefault(m => m.Metric == Metrics.Total)?.Forecast;
            IEnumerable<string> Evidence(FindingsText l)
            {
                foreach (var m in declining)
                    yield return l.Format("TrendClause", FindingsText.Capitalized(l["Metric_" + m.Metric]), l[m.Fit!.Slope < 0 ? "Fell" : "Rose"], Slope(m),
                        P(m.Fit.PValue!.Value), F(m.Fit.RSquared ?? 0), m.Series.Count,
                        m.Series[0].Quarter, SeriesValue(m, m.Series[0].Value), m.Series[^1].Quarter, SeriesValue(m, m.Series[^1].Value));
                if (forecast is not null) yield return l.Format("ForecastClause", forecast.Quarter, F(forecast.Value), Bound(forecast.Lower), Bound(forecast.Upper));
            }
            var draft = Draft.Of(FindingKinds.TrendDeclining, severity, t.DepartmentCode, "finding.trend_declining",
                new() { ["metrics"] = string.Join(",", declining.Select(m => m.Metric)), ["min_p"] = minP.ToString("G4", CultureInfo.InvariantCulture), ["alpha"] = F(options.Alpha) },
                l => l.Format("TrendTitle", Department(l, names, t.DepartmentCode)), Evidence, [.. declining.Select(m => m.Metric)]);
            drafts.Add(draft);
            byDepartment[t.DepartmentCode] = draft;
        }
        return byDepartment;
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
        var parameters = new Dictionary<string, string>
        {
            ["category"] = leader.Category, ["count"] = leader.Value.ToString(CultureInfo.InvariantCulture), ["share"] = F(leader.Share, 4), ["vital_few"] = string.Join(",", vital),
        };
        if (byCount.Spread) parameters["spread"] = "true";
        // The same facts in both languages, the direct deductions included (the English once left them out).
        string Evidence(FindingsText l) =>
            l.Format("ParetoEvidence", input.Quarter, byCount.Total, leader.Category, leader.Value, Pct(leader.Share),
                byCount.Spread
                    ? l.Format("CausesSpread", Pct(byCount.Threshold), categories)
                    : l.Format("VitalFew", Pct(byCount.Threshold), Pct(byCount.VitalShare), l.List(vital)))
            + (deduction is { Value: > 0 } ? l.Format("ParetoDeduction", deduction.Value, Pct(deduction.Share)) : "");
        drafts.Add(Draft.Of(FindingKinds.ParetoVitalFew, 40 + 40 * leader.Share, null, "finding.pareto_vital_few", parameters,
            l => l.Format("ParetoTitle", leader.Category), l => [Evidence(l)], [leader.Category]));
    }

    private static void ServiceFindings(ServiceTargetSection service, ServiceTargetRules o, List<Draft> drafts, Dictionary<string, string> names)
    {
        // The targets' names say the deadlines in force (24 hours and 3 working days by default), not constants.
        var hours = o.ReplyHours.ToString("0.##", CultureInfo.InvariantCulture);
        foreach (var row in service.Quarter.Where(r => r.DepartmentCode is not null))
        {
            var code = row.DepartmentCode!;
            var missed = new List<(Func<FindingsText, string> Say, double Shortfall)>();
            var targets = new List<string>(); // the targets missed, for the title (resource keys)
            // A shortfall weighs in proportion to the evidence, up to 5 decided complaints: one late complaint of one is not 100%.
            static double W(int n) => Math.Min(1.0, n / 5.0);
            if (row.Reply.Met == false)
            {
                targets.Add("TargetReply");
                missed.Add((l => l.Format("ReplyMissed", hours, Pct(row.Reply.Rate!.Value), row.Reply.Late), (row.Reply.Target - row.Reply.Rate!.Value) * W(row.Reply.OnTime + row.Reply.Late)));
            }
            if (row.Solution.Met == false)
            {
                targets.Add("TargetSolution");
                missed.Add((l => l.Format("SolutionMissed", o.SolutionWorkingDays, Pct(row.Solution.Rate!.Value), row.Solution.Late), (row.Solution.Target - row.Solution.Rate!.Value) * W(row.Solution.OnTime + row.Solution.Late)));
            }
            if (row.Satisfaction.Met == false)
            {
                targets.Add("TargetSatisfaction");
                missed.Add((l => l.Format("SatisfactionMissed", Pct(row.Satisfaction.Rate!.Value), Pct(row.Satisfaction.Target), row.Satisfaction.Asked), (row.Satisfaction.Target - row.Satisfaction.Rate!.Value) * W(row.Satisfaction.Asked)));
            }
            if (missed.Count == 0) continue;
            var late = service.Late.Where(l => l.DepartmentCode == code).Select(l => l.ComplaintId).Distinct().ToList();
            drafts.Add(Draft.Of(FindingKinds.ServiceTargetMissed, Math.Min(80, 35 + 40 * missed.Max(m => m.Shortfall)), code, "finding.service_target_missed",
                new() { ["late"] = string.Join(",", late) },
                // The title names the targets missed (it said 服务时限/满意率 whatever was missed, a slash in Chinese text).
                l => l.Format(targets.Count > 1 ? "ServiceTitleMany" : "ServiceTitleOne", Department(l, names, code), l.And([.. targets.Select(k => l[k])])),
                l => missed.Select(m => m.Say(l)), late));
        }
    }

    private static void SurveyFindings(SurveySection survey, AnalysisOptions options, List<Draft> drafts, Dictionary<string, string> names)
    {
        foreach (var s in survey.Questions.Where(s => s.DepartmentCode is not null && s.Direction == "declining"))
        {
            var p = s.Change.PValue!.Value;
            var code = s.DepartmentCode!;
            drafts.Add(Draft.Of(FindingKinds.SurveyDecline, 40 + Math.Min(20, 5 * -Math.Log10(Math.Max(p, 1e-300))) - (s.SmallSample ? 5 : 0), code, "finding.survey_decline",
                new() { ["question"] = s.Question, ["difference"] = F(s.Change.Difference!.Value), ["p"] = p.ToString("G4", CultureInfo.InvariantCulture) },
                l => l.Format("SurveyTitle", Department(l, names, code), s.Question),
                l => [l.Format("SurveyEvidence", s.Question, F(s.Previous.Mean ?? 0), F(s.Current.Mean ?? 0), s.Scale, P(p), options.Alpha, s.SmallSample ? l["SmallSample"] : "")],
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
            drafts.Add(Draft.Of(FindingKinds.SelfCheckInflation, 50 + Math.Min(20, 5 * d.ConsecutiveInflated), d.DepartmentCode, "finding.self_check_inflation",
                new() { ["quarters"] = d.ConsecutiveInflated.ToString(CultureInfo.InvariantCulture) },
                l => l.Format("InflationTitle", Department(l, d.DepartmentName, d.DepartmentCode)),
                l => [l.Format("InflationEvidence", d.ConsecutiveInflated, options.InflationTolerance, l.List(run.Select(q => $"{q.Quarter} +{F(q.MeanGap!.Value)}")))
                    + (d.PValue is { } p ? l.Format("PairedTTest", P(p)) : "")],
                [.. run.Select(q => q.Quarter)]));
        }
        foreach (var h in inflation.HighSelfCheckManyComplaints)
        {
            drafts.Add(Draft.Of(FindingKinds.HighSelfCheckManyComplaints, 45 + Math.Min(20, 2 * (h.ValidComplaints - h.Threshold)), h.DepartmentCode, "finding.high_self_check_many_complaints",
                new() { ["self_check"] = F(h.SelfCheckMean), ["complaints"] = h.ValidComplaints.ToString(CultureInfo.InvariantCulture) },
                l => l.Format("HighSelfCheckTitle", Department(l, h.DepartmentName, h.DepartmentCode)),
                l => [l.Format("HighSelfCheckEvidence", F(h.SelfCheckMean), h.ValidComplaints, F(h.Threshold))], []));
        }
    }
}
