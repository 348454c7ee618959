using QualityAnalytics.Reports.Resources;
using System.Globalization;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Charts;
using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Reports.Report;

internal sealed partial class ReportComposer
{
    private const float DepartmentChart = 165;

    /// <summary>Taller by the row of legend above the control chart's plot, so that the plot keeps the trend chart's height.</summary>
    private const float DepartmentControlChart = 185;

    /// <summary>A trend is a line through at least two quarters (the analysis fits none below that: LinearTrend).</summary>
    private const int MinTrendQuarters = 2;

    // ---------- 7. one page or more per department ----------

    private void Departments()
    {
        Add(new PageBreakBlock(Soft: true));
        Heading("SecDepartments");
        var first = true;
        foreach (var a in _m.Assessments)
        {
            if (!first) Add(new PageBreakBlock(Soft: true));
            first = false;
            Department(a);
        }
    }

    private void Department(Assessment a)
    {
        var code = a.DepartmentCode;
        Add(new HeadingBlock(_t.Format("DepartmentHeading", a.DepartmentName, code), 2));
        var previous = _m.Quarter.Previous();
        Add(new KeyValueBlock(
        [
            new(_t["KvTotal"], _f.F2(a.Total)),
            new(_t["KvGrade"], _f.Grade(a)),
            new(_t["KvAmount"], _t.Format("KvAmountValue", _f.Money(a.Amount))),
            new(_t["KvRank"], _m.Ranks.TryGetValue(code, out var rank) ? _t.Format("KvRankValue", rank, _m.Ranks.Count) : _f.Dash),
            new(_t["KvChanges"], $"{_f.Signed(Change(a, previous))} / {_f.Signed(Change(a, _m.Quarter.SameQuarterLastYear()))}"),
        ]));

        Heading("SubDeptExplanation", 3);
        Table([Fixed(_t["ColItem"], 92), Col(_t["ColFormula"])],
            a.Explanation.Select(line => (IReadOnlyList<string>)[LineName(line.Component), line.FormulaIn(_t.Culture)]));

        var trends = _m.Analysis.Trends.FirstOrDefault(t => t.DepartmentCode == code)?.Metric(Metrics.Total);
        if (trends is not null) TrendChartOrNote(a, trends);
        var control = _m.Analysis.ControlCharts.Departments.FirstOrDefault(d => d.DepartmentCode == code)?.SelfCheck?.Individuals;
        if (control is { Points.Count: > 0 })
        {
            Add(new ChartBlock(ControlChartPlot.Build(Relabel(control), ControlLabels(_t["AxisScore"]) with { ValueRange = (0, 100) }), DepartmentControlChart,
                ControlCaption(_t.Format("ChartControlCaption", NextFigure(), Name(a.DepartmentCode)), control)));
        }

        Heading("SubDeptFindings", 3);
        var findings = _m.Analysis.Findings.Where(f => f.DepartmentCode == code).ToList();
        if (findings.Count == 0) Paragraph(_t["DeptNoFindings"]);
        foreach (var f in findings) Paragraph($"{f.Rank}. {(_t.IsChinese ? f.TitleZh : f.TitleEn)}\n{Evidence(f)}");

        Heading("SubDeptNotes", 3);
        var note = _m.Notes.FirstOrDefault(n => n.DepartmentCode == code);
        if (note is null) Paragraph(_t["DeptNoNotes"]);
        else
        {
            Paragraph(_t["CausesLabel"] + (note.Causes ?? _f.Dash));
            Paragraph(_t["SolutionsLabel"] + (note.Solutions ?? _f.Dash));
        }

        if (a.Warnings.Count > 0)
        {
            Heading("SubDeptWarnings", 3);
            foreach (var w in a.WarningsIn(_t.Culture)) Paragraph("· " + w, Typography.Small);
        }
    }

    /// <summary>The department's totals over the history with the forecast, from its first quarter with data: quarters
    /// before the data began are no part of its history (an empty 2024Q3 slot, or 2023Q1… before a single dot), and the
    /// caption counts the quarters drawn and names a forecast only when one is drawn. Fewer than 2 quarters make no
    /// trend: a line says so instead of a chart of one dot.</summary>
    private void TrendChartOrNote(Assessment a, MetricTrend trends)
    {
        var series = _m.Input.History.Select(q => q.ToString())
            .Select(q => new TrendPoint(QuarterLabel(q), trends.Series.FirstOrDefault(s => s.Quarter == q)?.Value))
            .SkipWhile(p => p.Value is null).ToList();
        var withData = series.Count(p => p.Value is not null);
        if (withData < MinTrendQuarters)
        {
            Paragraph(_t.Format("TrendTooShort", Name(a.DepartmentCode), withData, MinTrendQuarters), Typography.Small);
            return;
        }
        var forecast = trends.Forecast is { } f ? new TrendForecast(QuarterLabel(f.Quarter), f.Value, f.Lower, f.Upper) : null;
        var plot = TrendChart.Build(series, forecast, _m.Policy.PassAt, new TrendChartLabels(_t["AxisQuarter"], _t["AxisScore"], _t["LegendActual"],
            _t["LegendForecast"], _t["LegendBand"], _t.Format("LegendPassLine", _f.N(_m.Policy.PassAt))));
        string caption;
        if (forecast is null) caption = _t.Format("ChartTrendCaptionNoForecast", NextFigure(), Name(a.DepartmentCode), series.Count);
        else if (forecast.Lower is null || forecast.Upper is null) caption = _t.Format("ChartTrendCaptionNoInterval", NextFigure(), Name(a.DepartmentCode), series.Count);
        else
        {
            // "95%", as the rest of the report writes the level (Pct's one decimal, "95.0%", is for measured shares).
            var confidence = (trends.Forecast!.Confidence * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
            caption = _t.Format("ChartTrendCaption", NextFigure(), Name(a.DepartmentCode), series.Count, confidence);
        }
        Add(new ChartBlock(plot, DepartmentChart, caption));
    }

    private string LineName(string component) => component switch
    {
        "S" => _t["LineS"],
        "V" => _t["LineV"],
        "C" => _t["LineC"],
        "K" => _t["LineK"],
        "T" => _t["LineT"],
        "Grade" => _t["LineGrade"],
        "Amount" => _t["LineAmount"],
        _ => component,
    };

    /// <summary>"2026Q2" as the language writes a short quarter (both keep it short enough for an axis).</summary>
    private static string QuarterLabel(string quarter) => quarter;

    // ---------- 8. causes and solutions ----------

    private void CausesAndSolutions()
    {
        Add(new PageBreakBlock(Soft: true));
        Heading("SecNotes");
        if (_m.Notes.Count == 0)
        {
            Paragraph(_t["NoNotes"]);
            return;
        }
        Paragraph(_m.NotesSource is { Length: > 0 } file ? _t.Format("NotesSourceFile", file) : _t["NotesSourceDb"], Typography.Small);
        Table([Col(_t["ColDepartment"], 1.1f), Col(_t["ColCauses"], 2.5f), Col(_t["ColSolutions"], 2.5f)],
            _m.Notes.Select(n => (IReadOnlyList<string>)[Name(n.DepartmentCode), n.Causes ?? _f.Dash, n.Solutions ?? _f.Dash]));
    }

    // ---------- appendix A: method ----------

    private void Method()
    {
        Add(new PageBreakBlock(Soft: true));
        Heading("SecAppendixMethod");
        var p = _m.Policy;
        // The policy by its own title (《XX公司服务质量管理办法（试行）》), the company's name in it.
        Paragraph(_t.Format("MethodIntro", p.Version, p.EffectiveFrom, _m.PolicySource ?? _t["PolicySourceBuiltIn"], _t.Format("PolicyTitle", Company)));
        Heading("SubParameters", 2);
        // The file's own value, said in the report's language (the Chinese one keeps the value beside it, as the file writes it).
        var missing = _t[p.MissingData switch
        {
            MissingDataOption.Zero => "MissingValueZero",
            MissingDataOption.Withhold => "MissingValueWithhold",
            _ => "MissingValueRescale",
        }];
        Table([Col(_t["ColParameter"], 2), Col(_t["ColValue"], 1.6f), Col(_t["ColArticle"])],
        [
            [_t["ParamWeights"], $"{_f.N(p.Weights.SelfCheck)} / {_f.N(p.Weights.Survey)} / {_f.N(p.Weights.Complaint)}", _t["ArticleWeights"]],
            [_t["ParamFullMark"], _f.N(p.SurveyFullMarkThreshold), _t["ArticleSurvey"]],
            [_t["ParamComplaintCost"], _f.N(p.ComplaintCostPerValid), _t["ArticleComplaint"]],
            [_t["ParamComplaintFloor"], _f.N(p.ComplaintFloor), _t["ArticleComplaint"]],
            [_t["ParamCallback"], $"{_f.N(p.CallbackDefaults.Incomplete)} / {_f.N(p.CallbackDefaults.Mismatch)}", _t["ArticleCallback"]],
            [_t["ParamCallbackRange"], $"[{_f.N(p.CallbackDeductionRange.Min)}, {_f.N(p.CallbackDeductionRange.Max)}]", _t["ArticleCallback"]],
            [_t["ParamExcellent"], _f.N(p.ExcellentAbove), _t["ArticleGrade"]],
            [_t["ParamPass"], _f.N(p.PassAt), _t["ArticleGrade"]],
            // The floor said as what it does, with the largest penalty it implies (a "floor total 90" read as a cap on nothing).
            [_t["ParamPenalty"], _f.Yuan(p.PenaltyPerPoint), _t["ArticleMoney"]],
            [_t["ParamPenaltyFloor"], _t.Format("ParamPenaltyFloorValue", _f.N(p.PenaltyFloorTotal), _f.Yuan(LargestPenalty)), _t["ArticleMoney"]],
            [_t["ParamReward"], _f.Yuan(p.RewardPerPoint), _t["ArticleMoney"]],
            [_t["ParamMissing"], missing, _t["ArticleMissing"]],
            [_t["ParamBudget"], _f.Yuan(p.Budget), _t["ArticleMoney"]],
        ]);

        Heading("SubFormulas", 2);
        var missingText = _t[p.MissingData switch
        {
            MissingDataOption.Zero => "MissingOptZero",
            MissingDataOption.Withhold => "MissingOptWithhold",
            _ => "MissingOptRescale",
        }];
        Paragraph(_t["FormulaS"]);
        Paragraph(_t.Format("FormulaV", _f.N(p.SurveyFullMarkThreshold)));
        Paragraph(_t.Format("FormulaC", _f.N(p.ComplaintFloor), _f.N(p.ComplaintCostPerValid)));
        Paragraph(_t.Format("FormulaK", _f.N(p.CallbackDefaults.Incomplete), _f.N(p.CallbackDefaults.Mismatch), _f.N(p.CallbackDeductionRange.Min), _f.N(p.CallbackDeductionRange.Max)));
        Paragraph(_t.Format("FormulaT", _f.N(p.Weights.SelfCheck), _f.N(p.Weights.Survey), _f.N(p.Weights.Complaint), missingText));
        Paragraph(_t.Format("FormulaGrade", _f.N(p.ExcellentAbove), _f.N(p.PassAt)));
        Paragraph(_t.Format("FormulaMoney", _f.N(p.PassAt), _f.N(p.PenaltyFloorTotal), _f.Yuan(p.PenaltyPerPoint), _f.N(p.ExcellentAbove), _f.Yuan(p.RewardPerPoint), _f.Yuan(p.Budget), _f.Yuan(LargestPenalty)));

        Heading("SubTiers", 2);
        var rows = new List<IReadOnlyList<string>>();
        decimal? lower = null;
        foreach (var tier in p.ConsistencyTiers)
        {
            var range = (lower, tier.UpTo) switch
            {
                (null, { } up) => _t.Format("TierFirst", _f.N(up)),
                ({ } lo, { } up) => _t.Format("TierRow", _f.N(lo), _f.N(up)),
                ({ } lo, null) => _t.Format("TierLast", _f.N(lo)),
                _ => _f.Dash,
            };
            rows.Add([range, _f.N(tier.Penalty)]);
            lower = tier.UpTo;
        }
        Table([Col(_t["ColTier"], 2), Col(_t["ColPenalty"])], rows);
    }

    /// <summary>The most a fail can cost: the pass mark less the penalty floor, in points, times the penalty per point.</summary>
    private decimal LargestPenalty => Math.Max(0, _m.Policy.PassAt - _m.Policy.PenaltyFloorTotal) * _m.Policy.PenaltyPerPoint;

    // ---------- appendix B: lineage ----------

    private void Lineage()
    {
        Heading("SecAppendixLineage");
        var l = _m.Lineage;
        Paragraph(_t["LineageIntro"]);
        Heading("SubBatches", 2);
        // English headers are wider than the Chinese two-character ones ("Quarantined", 隔离): sized so that no header
        // breaks inside a word.
        var english = !_t.IsChinese;
        if (l.Batches.Count == 0) Paragraph(_t["NoBatches"]);
        else
        {
            Table(
            [
                Fixed(_t["ColBatch"], 36), Col(_t["ColStarted"], 2), Col(_t["ColLoadedBy"], 1.2f), Col(_t["ColStatus"], 1.2f), Col(_t["ColFiles"]),
                Col(_t["ColRead"]), Col(_t["ColLoaded"]), Col(_t["ColQuarantined"], english ? 1.5f : 1),
            ],
            l.Batches.Select(b => (IReadOnlyList<string>)
            [
                N(b.Id), Stamp(b.StartedAt), b.LoadedBy, _t.Find("BatchStatus." + b.Status) ?? b.Status, N(b.Files), N(b.Read), N(b.Loaded), N(b.Quarantined),
            ]));
        }
        if (l.Files.Count > 0)
        {
            // The file column takes what the others leave: the SHA-256 column is as wide as its 12 hex digits, and a
            // sheet name that does not fit moves whole to the next line (LineBreaker keeps [电话回访] together).
            Heading("SubFiles", 2);
            Table(
            [
                Fixed(_t["ColBatch"], english ? 36 : 32), Col(_t["ColFile"]), Fixed(_t["ColKind"], english ? 88 : 92), Fixed(_t["ColSha"], 80),
                Fixed(_t["ColRead"], english ? 34 : 38), Fixed(_t["ColLoaded"], english ? 44 : 38), Fixed(_t["ColQuarantined"], english ? 64 : 38),
            ],
            l.Files.Select(f => (IReadOnlyList<string>)
            [
                N(f.BatchId), f.Sheet is null ? f.FileName : $"{f.FileName} [{f.Sheet}]", f.Kind is { } kind ? _t.Find("Kind." + kind) ?? kind : _f.Dash, f.Sha256.Length > 12 ? f.Sha256[..12] : f.Sha256,
                N(f.Read), N(f.Loaded), N(f.Quarantined),
            ]));
        }
        Heading("SubQuarantine", 2);
        Paragraph(_t.Format("QuarantineSummary", l.QuarantinedTotal));
        if (l.Quarantined.Count > 0)
        {
            Table([Col(_t["ColFile"], 2.2f), Fixed(_t["ColLine"], 36), Col(_t["ColColumn"], english ? 1.2f : 1.8f), Col(_t["ColValue"], 1.4f),
                    Col(_t["ColReason"], english ? 2.8f : 2.4f)],
                l.Quarantined.Select(q => (IReadOnlyList<string>)
                [
                    q.Sheet is null ? q.File : $"{q.File} [{q.Sheet}]", N(q.Line), FieldNames.Recorded(q.Kind, q.Column, !english), QuarantinedValue(q.Value),
                    LoadMessages.Localize(q.Reason, _t)!,
                ]));
        }
        if (l.QuarantinedTotal > l.Quarantined.Count) Paragraph(_t.Format("QuarantineMore", l.QuarantinedTotal - l.Quarantined.Count), Typography.Small);
    }

    /// <summary>Longest rejected value shown whole; a longer one (a pasted paragraph) is cut, enough to recognise the row.</summary>
    private const int QuarantinedValueShown = 40;

    /// <summary>The rejected value; none (the loader stores an empty cell as null) is said as empty, not as a dash that
    /// could be the cell's content.</summary>
    private string QuarantinedValue(string? value) => value switch
    {
        _ when string.IsNullOrWhiteSpace(value) => _t["QuarantineEmptyValue"],
        { Length: > QuarantinedValueShown } => value[..(char.IsHighSurrogate(value[QuarantinedValueShown - 1]) ? QuarantinedValueShown - 1 : QuarantinedValueShown)] + "…",
        _ => value,
    };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
