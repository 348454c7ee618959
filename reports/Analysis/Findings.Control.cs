using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Analysis;

/// <summary>The control-chart findings: one per signal touching the quarter, or folded into the department's trend.</summary>
public static partial class Findings
{
    private static void ControlFindings(AnalysisInput input, IReadOnlyList<DepartmentTrends> trends, ControlChartSection charts,
        List<Draft> drafts, Dictionary<string, Draft> trendDrafts, Dictionary<string, string> names)
    {
        // subject: the chart's resource key (Subject_…), said as "月度自查得分" / "monthly self-check".
        void Add(ControlChart chart, string? code, string subject, string? foldWhenDeclining)
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
                // Which way the points went: a self-check far above its usual level is as much a signal as one far below
                // (a lenient self-assessment), and the reader must not take "失控" for a fall.
                var side = points.All(p => p.Value > p.CenterLine) ? 1 : points.All(p => p.Value < p.CenterLine) ? -1 : 0;
                var sideKey = side switch { 1 => "SideAbove", -1 => "SideBelow", _ => "SideAway" };
                var limits = $"{(first.Lower is { } lo ? F(lo) : "—")}–{(first.Upper is { } up ? F(up) : "—")}";
                // A rule over several months may reach back into the quarter before: said, or a Q2 report naming 2026-02
                // reads as a mistake.
                var earlier = labels.Where(l => !input.Quarter.Months.Any(m => Trends.Month(m) == l)).ToList();
                // The rule in words with its code (the dashboard's chart marks the code), and σ said as what it is.
                IEnumerable<string> Evidence(FindingsText l)
                {
                    yield return l.Format("SignalClause", FindingsText.Capitalized(l["Subject_" + subject]), l.List(points.Select(p => $"{l.Month(p.Label)} {F(p.Value)}")),
                        l[sideKey], F(first.CenterLine), limits, zText, RuleReference(l, v.Rule));
                    if (earlier.Count > 0) yield return l.Format(earlier.Count == 1 ? "EarlierOne" : "EarlierMany", l.List(earlier.Select(l.Month)));
                    if (side > 0 && foldWhenDeclining == Metrics.SelfCheck) yield return l["LenientSelfCheck"];
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
                drafts.Add(Draft.Of(FindingKinds.ControlSignal, severity, code, "finding.control_signal",
                    new() { ["chart"] = chart.Kind, ["rule"] = v.Rule, ["points"] = string.Join(",", labels), ["sigma"] = zText },
                    l => l.Format("ControlTitle", code is null ? l["CompanyWide"] : Department(l, names, code), l["Subject_" + subject], l.List(labels.Select(l.Month))),
                    Evidence, labels));
            }
            if (foldedInto is null) return;
            var byRule = folded.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Rule: g.Key, Months: g.SelectMany(f => f.Months).Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
            // Rules in words with their codes, grouped by the months they flag (a falling month breaks WE1 to WE4 at
            // once: the months once, then the rules).
            var byMonths = byRule.GroupBy(r => string.Join(",", r.Months), StringComparer.Ordinal).ToList();
            foldedInto.Add(l => l.Format("FoldedSignals", FindingsText.Capitalized(l["Subject_" + subject]), string.Join(l["ClauseSeparator"], byMonths.Select(g =>
                l.Format("FoldedMonths", l.List(g.First().Months.Select(l.Month)), l.List(g.Select(r => RuleReference(l, r.Rule))))))));
        }

        foreach (var d in charts.Departments)
        {
            if (d.SelfCheck is { } xmr) Add(xmr.Individuals, d.DepartmentCode, "self_check", Metrics.SelfCheck);
            if (d.Complaints is { } c) Add(c, d.DepartmentCode, "complaints", Metrics.ComplaintCount);
        }
        if (charts.ComplaintsPerWorkingDay is { } u) Add(u, null, "complaints_per_day", null);
        if (charts.LateReplies is { } p) Add(p, null, "late_replies", null);
    }

    /// <summary>一点超出 3σ 控制限（WE1） / one point beyond the 3σ limits (WE1).</summary>
    private static string RuleReference(FindingsText l, string rule) => l.Format("RuleReference", l.Rule(rule), rule);
}
