using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Pdf;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Reports.Report;

/// <summary>
/// Turns a <see cref="ReportModel"/> into the report's blocks, one method per section in the order the meeting reads them
/// (QuestPDF's sample in shape): cover, contents, summary, assessment, spot checks, survey, complaints, problems, one page
/// or more per department, causes and solutions, and the appendices (method, lineage). Words come from the resources,
/// numbers from <see cref="ReportFormat"/>, sizes from the PDF layer's Typography: none are written here.
/// </summary>
internal sealed partial class ReportComposer
{
    private const float CoverTopSpace = 110;
    private const float CoverGap = 28;

    private readonly ReportModel _m;
    private readonly ReportText _t;
    private readonly ReportFormat _f;
    private readonly List<Block> _blocks = [];
    private readonly Dictionary<string, string> _names;
    private int _figure;

    public ReportComposer(ReportModel model, ReportText text)
    {
        _m = model;
        _t = text;
        _f = new ReportFormat(text);
        // Every department named one way throughout, as the findings name it (DepartmentLabel): 物流业务部 in Chinese,
        // 物流业务部 (LOG) in English, in sentences, tables, captions and chart labels alike.
        _names = model.Assessments.ToDictionary(a => a.DepartmentCode, a => DepartmentLabel.In(text.IsChinese, a.DepartmentName, a.DepartmentCode), StringComparer.Ordinal);
        foreach (var d in model.Input.Departments) _names.TryAdd(d.Code, DepartmentLabel.In(text.IsChinese, d.Name, d.Code));
    }

    private string Company => string.IsNullOrWhiteSpace(_m.Company) ? _t["DefaultCompany"] : _m.Company.Trim();

    private string Title => _t.Format("Title", _m.Quarter.Year, _t["QuarterWord" + _m.Quarter.Number]);

    private string Name(string? code) => code is null ? _t["Company"] : _names.GetValueOrDefault(code, code);

    private int NextFigure() => ++_figure;

    public ReportDocument Compose()
    {
        Cover();
        Summary();
        AssessmentResults();
        SpotChecks();
        Survey();
        Complaints();
        Problems();
        Departments();
        CausesAndSolutions();
        Method();
        Lineage();
        var period = _t.Format("QuarterShort", _m.Quarter.Year, _t["QuarterWord" + _m.Quarter.Number]);
        var info = new DocumentInfo(Title, Company, period, _m.GeneratedInstant) { Keywords = $"{_m.Quarter}; {_m.Policy.Version}" };
        var header = $"{Company}  {Title}";
        // The footer's words from the resources like every other text of the report ({0} the page, {1} the count).
        return new ReportDocument(info, _blocks) { Frame = new PageFrame(header, _t["PageFooter"]) };
    }

    private void Add(Block block) => _blocks.Add(block);

    private void Heading(string key, int level = 1) => Add(new HeadingBlock(_t[key], level));

    private void Paragraph(string text, TextStyle? style = null)
    {
        if (!string.IsNullOrWhiteSpace(text)) Add(new ParagraphBlock(text, style));
    }

    private void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows) => Add(new TableBlock(columns, rows.ToList()));

    private static TableColumn Col(string header, float share = 1) => new(header, ColumnWidth.Relative(share));

    private static TableColumn Fixed(string header, float points, CellAlignment alignment = CellAlignment.Auto) => new(header, ColumnWidth.Fixed(points), alignment);

    // ---------- cover and contents ----------

    private void Cover()
    {
        var next = _m.Quarter.Next();
        var meeting = new DateOnly(next.Year, next.FirstDay.Month, 10);
        Add(new SpacerBlock(CoverTopSpace));
        Paragraph(Company, Typography.Heading2);
        Add(new HeadingBlock(Title, 0));
        Add(new SpacerBlock(CoverGap));
        string status;
        if (_m.Approval is { } a)
        {
            status = _m.DifferencesFromApproved.Count > 0
                ? _t.Format("StatusApprovedChanged", a.ApprovedBy, _f.Date(a.ApprovedAt), _m.DifferencesFromApproved.Count)
                : _t.Format("StatusApproved", a.ApprovedBy, _f.Date(a.ApprovedAt));
        }
        else status = _t["StatusDraft"];
        // The approved results stay the snapshot's. An approval that kept its version's values has the report explain and
        // judge the quarter by them, and the cover says which values policy.json has changed since; one that kept only
        // their fingerprint can only warn that the notes and targets follow the values now in force.
        if (_m.Approval is { PolicyChangedVersion: { } changedVersion } edited)
            status += edited.PolicyChanges is { } changes
                ? _t.Format("StatusPolicyChangedKept", changedVersion, string.Join(_t["PolicyChangeSeparator"], changes.Select(c =>
                    _t.Format("PolicyChange", c.Key, c.Approved ?? _f.Dash, c.Now ?? _f.Dash))))
                : _t.Format("StatusPolicyChanged", changedVersion);
        Add(new KeyValueBlock(
        [
            new(_t["CoverCompany"], Company),
            new(_t["CoverPeriod"], _t.Format("CoverPeriodValue", _f.Date(_m.Quarter.FirstDay), _f.Date(_m.Quarter.LastDay))),
            new(_t["CoverMeeting"], _t.Format("CoverMeetingValue", _f.Date(meeting))),
            new(_t["CoverStatus"], status),
            new(_t["CoverPolicy"], _m.Policy.Version),
            new(_t["CoverDataAsOf"], _m.DataAsOf is { } asOf ? _f.DateTime(asOf) : _f.Dash),
            new(_t["CoverGenerated"], _f.DateTime(_m.GeneratedAt)),
            new(_t["CoverPreparedBy"], _t["PreparedByValue"]),
        ]));
        Add(new PageBreakBlock());
        Add(new ContentsBlock(_t["Contents"]));
    }

    // ---------- 1. summary ----------

    private IEnumerable<Assessment> Assessed => _m.Assessments.Where(a => a.Total is not null);

    private decimal? Change(Assessment a, Quarter against) =>
        a.Total is { } now && _m.TotalIn(a.DepartmentCode, against) is { } before ? now - before : null;

    private void Summary()
    {
        Add(new PageBreakBlock());
        Heading("SecSummary");
        Heading("SubGrades", 2);
        var all = _m.Assessments;
        Paragraph(_t.Format("GradeCounts", all.Count, all.Count(a => a.Grade == Grade.Excellent), all.Count(a => a.Grade == Grade.Pass),
            all.Count(a => a.Grade == Grade.Fail), all.Count(a => a.Grade == Grade.Withheld)));
        var b = _m.Budget;
        Paragraph(_t.Format("MoneySentence", _f.Yuan(b.Rewards), _f.Yuan(b.Penalties), _f.Money(b.Net), _f.Yuan(b.Budget), _f.Yuan(b.Remaining)));
        if (b.OverBudget) Paragraph(_t.Format("OverBudget", _f.Yuan(b.Rewards - b.Budget)));

        Heading("SubWarnings", 2);
        var warnings = new List<string>();
        foreach (var a in _m.Assessments)
        {
            if (a.Grade == Grade.Withheld && a.Missing.Count >= 2) warnings.Add(_t.Format("WithheldDept", Name(a.DepartmentCode)));
            else if (!a.Complete)
            {
                var how = _m.Policy.MissingData switch
                {
                    MissingDataOption.Zero => _t["MissingZero"],
                    MissingDataOption.Withhold => _t["GradeWithheld"],
                    _ => _t["MissingRescale"],
                };
                warnings.Add(_t.Format("IncompleteDept", Name(a.DepartmentCode), string.Join(_t["ListSeparator"], a.Missing.Select(_f.Component)), how));
            }
            if (a.Warnings.Count > 0) warnings.Add(_t.Format("ScoringWarnings", Name(a.DepartmentCode), a.Warnings.Count));
        }
        if (_m.DifferencesFromApproved.Count > 0)
        {
            warnings.Add(_t.Format("ApprovedDifferences", string.Join(_t["ListSeparator"], _m.DifferencesFromApproved.Select(d =>
                _t.Format("DifferenceItem", Name(d.DepartmentCode), _f.DifferenceField(d.Field), _f.DifferenceValue(d.Field, d.Approved), _f.DifferenceValue(d.Field, d.Draft))))));
        }
        foreach (var year in _m.Analysis.ServiceTargets.UncalendaredYears) warnings.Add(_t.Format("CalendarNotImported", year));
        // A quarantined row records file, line, column, value and reason but no quarter, so rows of the batches that fed
        // this quarter may be this quarter's: the section must not call the data complete, and points to the appendix.
        if (_m.Lineage.QuarantinedTotal > 0)
            warnings.Add(_t.Format("QuarantinedWarning", _m.Lineage.QuarantinedTotal, _t["SecAppendixLineage"], _t["SubQuarantine"]));
        if (warnings.Count == 0) warnings.Add(_t["NoWarnings"]);
        foreach (var w in warnings) Paragraph("· " + w);

        Heading("SubNarrative", 2);
        var sentences = new List<string>();
        var previous = _m.Quarter.Previous();
        var nowMean = Mean(Assessed.Select(a => a.Total!.Value));
        var beforeMean = Mean(_m.Input.Scores.Where(s => s.Quarter == previous && s.Total is not null).Select(s => s.Total!.Value));
        if (nowMean is { } nm)
            sentences.Add(_t.Format("AverageSentence", _f.F2(nm), _f.Change(beforeMean is { } bm ? Money.Round2(nm) - Money.Round2(bm) : null)));
        // Every department when there are few; the fails and the largest changes when there are many.
        var many = _m.Assessments.Count > 12;
        var largest = LargestChanges().Take(5).Select(a => a.DepartmentCode).ToHashSet();
        foreach (var a in Assessed.Where(a => !many || a.Grade == Grade.Fail || largest.Contains(a.DepartmentCode)))
        {
            sentences.Add(_t.Format("DeptSentence", Name(a.DepartmentCode), _f.F2(a.Total), _f.Grade(a),
                _f.Change(Change(a, previous)), _f.Change(Change(a, _m.Quarter.SameQuarterLastYear()))));
        }
        foreach (var a in Assessed)
        {
            var declines = ConsecutiveDeclines(a.DepartmentCode);
            if (declines >= 2) sentences.Add(_t.Format("ConsecutiveDeclines", Name(a.DepartmentCode), declines));
        }
        var top = _m.Analysis.Findings.Take(3).Select(f => _t.IsChinese ? f.TitleZh : f.TitleEn).ToList();
        if (top.Count > 0) sentences.Add(_t.Format("TopFindings", string.Join(_t["ListSeparator"], top)));
        if (sentences.Count == 0) sentences.Add(_t["NoNarrative"]); // a quarter with no assessed department: say so, not an empty section
        foreach (var s in sentences) Paragraph(s);

        var changes = LargestChanges().Take(5).ToList();
        // A quarter whose predecessor has no totals (the first of the data) says why the part is missing, not nothing.
        if (changes.Count == 0 && _m.Assessments.Count > 0)
        {
            Heading("SubChanges", 2);
            Paragraph(_t["NoChanges"]);
        }
        if (changes.Count > 0)
        {
            Heading("SubChanges", 2);
            Table(
                [Col(_t["ColDepartment"], 2), Col(_t["ColPrevious"]), Col(_t["ColCurrent"]), Col(_t["ColChange"]), Col(_t["ColYearAgo"])],
                changes.Select(a => (IReadOnlyList<string>)
                [
                    Name(a.DepartmentCode), _f.F2(_m.TotalIn(a.DepartmentCode, previous)), _f.F2(a.Total), _f.Signed(Change(a, previous)),
                    _f.F2(_m.TotalIn(a.DepartmentCode, _m.Quarter.SameQuarterLastYear())),
                ]));
        }

    }

    private IEnumerable<Assessment> LargestChanges()
    {
        var previous = _m.Quarter.Previous();
        return Assessed.Select(a => (a, change: Change(a, previous)))
            .Where(t => t.change is not null && t.change != 0)
            .OrderByDescending(t => Math.Abs(t.change!.Value)).ThenBy(t => t.a.DepartmentCode, StringComparer.Ordinal)
            .Select(t => t.a);
    }

    /// <summary>How many quarters in a row, ending with the report's, the department's total fell.</summary>
    private int ConsecutiveDeclines(string code)
    {
        var count = 0;
        var quarter = _m.Quarter;
        for (var i = 0; i < _m.Input.History.Count; i++)
        {
            var now = _m.TotalIn(code, quarter);
            var before = _m.TotalIn(code, quarter.Previous());
            if (now is null || before is null || now >= before) break;
            count++;
            quarter = quarter.Previous();
        }
        return count;
    }

    private static decimal? Mean(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Money.Round2(list.Sum() / list.Count);
    }
}
