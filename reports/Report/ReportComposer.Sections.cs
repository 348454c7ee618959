using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Analysis.Statistics;
using QualityAnalytics.Reports.Charts;
using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Reports.Report;

internal sealed partial class ReportComposer
{
    private const float WideChart = 250;
    private const float NarrowChart = 210;

    /// <summary>A control chart with fewer points than this has its caption say its limits are provisional. Limits are
    /// estimates: SPC texts set trial limits from 20–25 subgroups (Montgomery, Introduction to Statistical Quality Control)
    /// and treat limits from a handful of values as temporary, revised as data come in (Wheeler, Understanding Statistical
    /// Process Control); below 8 points one new month moves them visibly and a rule can fire or vanish on it. The first
    /// quarters of the data (3 or 6 months) fall short; two years of history (24 months) do not.</summary>
    internal const int ProvisionalLimitsBelow = 8;

    // ---------- 2. assessment results ----------

    private void AssessmentResults()
    {
        Add(new PageBreakBlock(Soft: true));
        Heading("SecAssessment");
        var w = _m.Policy.Weights;
        Paragraph(_t.Format("AssessmentNote", _f.N(w.SelfCheck), _f.N(w.Survey), _f.N(w.Complaint), _f.N(_m.Policy.ExcellentAbove), _f.N(_m.Policy.PassAt)),
            Typography.Small);
        var previous = _m.Quarter.Previous();
        Table(
        [
            Col(_t["ColDepartment"]),
            Fixed(_t["ColSelfCheck"], 46), Fixed(_t["ColSurvey"], 46), Fixed(_t["ColComplaint"], 46), Fixed(_t["ColCallback"], 42),
            Fixed(_t["ColTotal"], 44), Fixed(_t["ColGrade"], 50, CellAlignment.Center), Fixed(_t["ColAmount"], 54, CellAlignment.Right),
            Fixed(_t["ColRank"], 32, CellAlignment.Right), Fixed(_t["ColChange"], 44, CellAlignment.Right),
        ],
        _m.Assessments.Select(a => (IReadOnlyList<string>)
        [
            Name(a.DepartmentCode), _f.F2(a.SelfCheck), _f.F2(a.Survey), _f.F2(a.Complaint), _f.F2(a.CallbackDeduction), _f.F2(a.Total), _f.Grade(a),
            _f.Money(a.Amount), _m.Ranks.TryGetValue(a.DepartmentCode, out var r) ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : _f.Dash,
            _f.Signed(Change(a, previous)),
        ]));
        var plot = TotalsChart.Build([.. _m.Assessments.Select(a => new DepartmentTotal(Name(a.DepartmentCode), a.Total))], _m.Policy.PassAt,
            _t["ChartTotalsAxis"]);
        Add(new ChartBlock(plot, WideChart, _t.Format("ChartTotalsCaption", NextFigure(), _f.N(_m.Policy.PassAt))));
    }

    // ---------- 3. spot checks ----------

    private void SpotChecks()
    {
        Heading("SecSpotChecks");
        var months = _m.Quarter.Months.ToHashSet();
        var checks = _m.Input.Checks.Where(c => months.Contains(c.Month)).ToList();
        var spots = checks.Where(c => c.Kind == "spot").OrderBy(c => c.DepartmentCode, StringComparer.Ordinal).ThenBy(c => c.Month).ToList();
        if (spots.Count == 0)
        {
            Paragraph(_t["NoSpotChecks"]);
            return;
        }
        var consistentUpTo = _m.Policy.ConsistencyTiers.FirstOrDefault(t => t.Penalty == 0)?.UpTo ?? 0;
        var rows = new List<IReadOnlyList<string>>();
        var consistent = 0;
        foreach (var spot in spots)
        {
            var self = checks.FirstOrDefault(c => c.Kind == "self" && c.DepartmentCode == spot.DepartmentCode && c.Month == spot.Month);
            decimal? d = self is null ? null : Math.Abs(spot.Mean - self.Mean);
            if (d is { } x && x <= consistentUpTo) consistent++;
            rows.Add(
            [
                Name(spot.DepartmentCode), _f.Month(spot.Month), self is null ? _t["SpotNoSelf"] : _f.Exact2(self.Mean), _f.Exact2(spot.Mean),
                d is { } v ? _f.Exact2(v) : _f.Dash, d is { } dv ? _f.N(_m.Policy.ConsistencyPenaltyFor(dv)) : _f.Dash,
            ]);
        }
        Paragraph(_t.Format("SpotSummary", spots.Count, consistent, _f.N(consistentUpTo), _f.N(_m.Assessments.Sum(a => a.ConsistencyPenalty))));
        Table([Col(_t["ColDepartment"], 2), Col(_t["ColMonth"], 1.2f), Col(_t["ColSelfMean"]), Col(_t["ColSpotMean"]), Col(_t["ColDifference"]), Col(_t["ColPenalty"])], rows);
    }

    // ---------- 4. survey ----------

    private void Survey()
    {
        Heading("SecSurvey");
        var answers = _m.Input.SurveyAnswers.Where(a => a.Quarter == _m.Quarter).ToList();
        if (answers.Count == 0)
        {
            Paragraph(_t["NoSurvey"]);
            return;
        }
        Paragraph(_t.Format("SurveySummary", answers.Select(a => a.ResponseId).Distinct().Count(), answers.Select(a => a.DepartmentCode).Distinct().Count(),
            _f.N(_m.Policy.SurveyFullMarkThreshold)));
        var company = _m.Analysis.Survey.Questions.Where(q => q.DepartmentCode is null).ToList();
        Table(
        [
            Fixed(_t["ColQuestion"], 40), Col(_t["ColText"], 3), Fixed(_t["ColScale"], 34), Fixed(_t["ColMean"], 40), Fixed(_t["ColInterval"], 74, CellAlignment.Center),
            Fixed(_t["ColN"], 30), Fixed(_t["ColPrevious"], 40), Fixed(_t["ColPValue"], 44), Col(_t["ColVerdict"], 1.6f),
        ],
        company.Select(q => (IReadOnlyList<string>)
        [
            q.Question, q.Text, _f.N(q.Scale), _f.F2(q.Current.Mean), $"{_f.F2(q.Current.Lower)} – {_f.F2(q.Current.Upper)}",
            q.Current.N.ToString(System.Globalization.CultureInfo.InvariantCulture), _f.F2(q.Previous.Mean), _f.P(q.Change.PValue),
            _f.Direction(q.Direction) + (q.SmallSample ? _t["SmallSample"] : ""),
        ]));
        if (company.Count > 0)
        {
            var plot = SurveyChart.Build([.. company.Select(q => new SurveyQuestionMeans(q.Question, q.Scale, q.Current, q.Previous))],
                new SurveyChartLabels(_t["AxisShareOfScale"], _t["LegendCurrent"], _t["LegendPrevious"]));
            // The quarter before drawn only when it had questionnaires (the demo's first quarter has none before it).
            var withPrevious = company.Any(q => q.Previous.N > 0);
            Add(new ChartBlock(plot, NarrowChart, _t.Format(withPrevious ? "ChartSurveyCaption" : "ChartSurveyCaptionCurrentOnly", NextFigure())));
        }
        // The caveat `qa analyze` prints, here under the figure the committee reads the survey from (review F16).
        var small = _m.Analysis.Survey.SmallSamples;
        if (small.Count > 0)
        {
            Paragraph(_t.Format("SurveySmallSamples", string.Join(_t["ListSeparator"], small.Select(s =>
                _t.Format("SurveySmallSampleItem", Name(s.DepartmentCode), s.Current, s.Previous))), _m.Analysis.Options.SmallSurveySample), Typography.Small);
        }
    }

    // ---------- 5. complaints and service targets ----------

    private void Complaints()
    {
        Heading("SecComplaints");
        var complaints = _m.Input.Complaints.Where(c => c.Quarter == _m.Quarter).ToList();
        var targets = _m.Analysis.ServiceTargets;
        var companyRow = targets.Quarter.FirstOrDefault(r => r.DepartmentCode is null);
        // The analysed quarter's targets: those of the policy version in force for it, which its approval was made under too.
        var options = targets.Targets;
        Paragraph(_t.Format("ComplaintSummary", complaints.Count, complaints.Count(c => c.Valid), _f.N(complaints.Where(c => c.Valid).Sum(c => c.DirectDeduction ?? 0)),
            _f.Pct(companyRow?.Reply.Rate), _f.Pct(companyRow?.Solution.Rate), _f.Pct(companyRow?.Satisfaction.Rate), _f.Pct((double)options.SatisfactionTarget)));
        Paragraph(_t.Format("ServiceDefinitions", options.ReplyHours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            options.SolutionWorkingDays, _f.Pct((double)options.SatisfactionTarget)), Typography.Small);
        // The date open complaints were judged at, so that a reader comparing with the dashboard or `qa analyze` sees it is theirs too.
        Paragraph(_t.Format("OpenComplaintsAsOf", _f.DateTime(_m.Input.AsOf)), Typography.Small);

        Heading("SubServiceTargets", 2);
        // The rates count invalid complaints too (ServiceTargets, as `qa analyze` and the dashboard do), while the columns
        // beside them count valid ones: said here, or a reader takes the rates for valid complaints'.
        Paragraph(_t["ServiceTargetScope"], Typography.Small);
        var byDepartment = _m.Assessments.Select(a => a.DepartmentCode).ToList();
        Table(
        [
            Col(_t["ColDepartment"], 2), Col(_t["ColComplaints"]), Col(_t["ColValid"]), Col(_t["ColDirect"]), Col(_t["ColComplaint"]),
            Col(_t["ColReply"], 1.2f), Col(_t["ColSolution"], 1.2f), Col(_t["ColSatisfaction"], 1.2f),
        ],
        byDepartment.Select(code =>
        {
            var mine = complaints.Where(c => c.DepartmentCode == code).ToList();
            var row = targets.Quarter.FirstOrDefault(r => r.DepartmentCode == code);
            var a = _m.Assessments.First(x => x.DepartmentCode == code);
            return (IReadOnlyList<string>)
            [
                Name(a.DepartmentCode), Count(mine.Count), Count(mine.Count(c => c.Valid)), _f.N(mine.Where(c => c.Valid).Sum(c => c.DirectDeduction ?? 0)),
                _f.F2(a.Complaint), _f.Pct(row?.Reply.Rate), _f.Pct(row?.Solution.Rate), _f.Pct(row?.Satisfaction.Rate),
            ];
        }).Append(
        [
            _t["Company"], Count(complaints.Count), Count(complaints.Count(c => c.Valid)), _f.N(complaints.Where(c => c.Valid).Sum(c => c.DirectDeduction ?? 0)),
            _f.Dash, _f.Pct(companyRow?.Reply.Rate), _f.Pct(companyRow?.Solution.Rate), _f.Pct(companyRow?.Satisfaction.Rate),
        ]));

        Heading("SubLate", 2);
        if (targets.Late.Count == 0) Paragraph(_t["NoLate"]);
        else
        {
            Table(
            [
                // Sized so that a department's six characters and a status's five fit on one line (the times take two).
                Col(_t["ColComplaintId"], 1.3f), Col(_t["ColDepartment"], 1.8f), Col(_t["ColTarget"], 0.8f), Col(_t["ColReceived"], 1.5f),
                Col(_t["ColDue"], 1.5f), Col(_t["ColDone"], 1.5f), Col(_t["ColStatus"], 1.5f),
            ],
            targets.Late.Select(l => (IReadOnlyList<string>)
            [
                l.ComplaintId, Name(l.DepartmentCode), _t[l.Target == "reply" ? "TargetReply" : "TargetSolution"], Stamp(l.ReceivedAt), l.DueText,
                l.DoneAt is { } done ? Stamp(done) : _f.Dash, _t[l.Status == "overdue" ? "StatusOverdue" : "StatusLate"],
            ]));
        }

        Heading("SubPareto", 2);
        var pareto = _m.Analysis.Pareto.ByCount;
        if (pareto.Items.Count == 0) Paragraph(_t["NoComplaints"]);
        else
        {
            Table(
                [Col(_t["ColCategory"], 2), Col(_t["ColCount"]), Col(_t["ColShare"]), Col(_t["ColCumulative"]), Col(_t["ColVitalFew"])],
                pareto.Items.Select(i => (IReadOnlyList<string>)
                    [i.Category, _f.N(i.Value), _f.Pct(i.Share), _f.Pct(i.CumulativeShare), i.VitalFew ? "★" : ""]));
            // Every category needed for 80% (ties at the cut included): no vital few to name, and the text says why.
            if (pareto.Spread) Paragraph(_t.Format("ParetoSpread", _f.Pct(pareto.Threshold), pareto.Items.Count(i => i.Value > 0)));
            var plot = ParetoChart.Build(pareto, new ParetoChartLabels(_t["AxisCount"], _t["LegendCount"], _t["LegendCumulative"]));
            Add(new ChartBlock(plot, NarrowChart, pareto.Spread
                ? _t.Format("ChartParetoCaptionSpread", NextFigure())
                : _t.Format("ChartParetoCaption", NextFigure(), _f.Pct(pareto.Threshold), _f.Pct(pareto.VitalShare))));
        }

        CompanyControlCharts();
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Stamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    // ---------- 6. problems ----------

    private void Problems()
    {
        Add(new PageBreakBlock(Soft: true));
        Heading("SecFindings");
        var findings = _m.Analysis.Findings;
        if (findings.Count == 0)
        {
            Paragraph(_t["NoFindings"]);
            return;
        }
        Paragraph(_t["FindingsIntro"]);
        // What the severity number and the control-chart rules mean, once, where the findings start: the codes (WE1…)
        // are the dashboard chart's marks, and "严重程度 91.6" says nothing without its scale.
        Paragraph(_t["FindingsSeverityNote"], Typography.Small);
        var we = RunRules.WesternElectric;
        if (findings.Any(f => we.Any(r => f.EvidenceEn.Contains($"({r})", StringComparison.Ordinal))))
        {
            var rules = string.Join(_t["ListSeparator"], we.Select(r => _t.Format("FindingsRuleItem", r, _t.IsChinese ? RunRules.DescribeZh(r) : RunRules.Describe(r))));
            Paragraph(_t.Format("FindingsRulesNote", rules), Typography.Small);
        }
        foreach (var f in findings) Finding(f);
    }

    private void Finding(Finding f)
    {
        Add(new HeadingBlock(_t.Format("FindingTitle", f.Rank, _t.IsChinese ? f.TitleZh : f.TitleEn), 3));
        Paragraph(Evidence(f) + "\n" + _t.Format("FindingSeverity", f.Severity.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>A finding's evidence: one clause as a sentence; several (a department's decline in each measure, its
    /// forecast, its chart's signals) one per line, each after a bullet, where one sentence ran to six lines.</summary>
    private string Evidence(Finding f)
    {
        var clauses = _t.IsChinese ? f.EvidenceZhClauses : f.EvidenceEnClauses;
        return clauses.Count > 1 ? string.Join("\n", clauses.Select(c => "• " + c)) : string.Concat(clauses);
    }
}
