using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Reports.Report;

/// <summary>
/// The report's only database access: reads the quarter's assessments (the approved snapshot when the committee has
/// approved, else the stored draft, scoring the quarter first if it never was), the analysis, the working group's notes
/// (the warehouse's quarter_note, overridden per department by <see cref="ReportOptions.NotesFile"/>) and the lineage.
/// </summary>
public static class ReportDataReader
{
    /// <exception cref="InvalidOperationException">No policy version covers the quarter, or the quarter has no departments.</exception>
    /// <exception cref="FormatException">The notes file cannot be read, or names a department the quarter does not have.</exception>
    public static ReportModel Read(WarehouseDbContext db, Quarter quarter, ReportOptions options, PolicySet policies, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(clock);
        var policy = policies.For(quarter);
        var scored = AssessmentMart.Stored(db, quarter, policy) ?? AssessmentMart.Score(db, quarter, policies, clock);
        if (scored.Assessments.Count == 0)
            throw new InvalidOperationException($"{quarter} has no departments to report on: load its data first (qa load).");

        ApprovalInfo? approval = null;
        var assessments = scored.Assessments;
        var ranks = scored.Ranks;
        if (scored.Approval is { } approved)
        {
            // An approval that kept its version's values is explained and judged by them (the scoring notes, the pass line,
            // the budget, the service targets): an edit of the version in policy.json since changes none of the report.
            approval = new ApprovalInfo(approved.ApprovedBy, LineageReader.Local(approved.ApprovedAt), approved.Note,
                ApprovedPolicy.Edited(approved, policies) == true ? approved.PolicyVersion : null, ApprovedPolicy.Changes(approved, policies));
            if (ApprovedPolicy.Of(approved) is { } atApproval) policy = atApproval;
            // The committee's results are the frozen snapshot (第六条); later changes are listed, not shown as results.
            var snapshot = db.ApprovedAssessments.AsNoTracking().Where(a => a.ApprovalId == approved.Id).ToList()
                .OrderBy(a => a.DepartmentCode, StringComparer.Ordinal).ToList();
            if (snapshot.Count > 0)
            {
                assessments = snapshot.Select(AssessmentRows.ToAssessment).ToList();
                ranks = AssessmentRows.Ranks(assessments);
            }
        }
        assessments = assessments.OrderBy(a => a.DepartmentCode, StringComparer.Ordinal).ToList();

        var lineage = LineageReader.Read(db, scored.SourceBatches, options.QuarantinedRowsListed);
        var dataAsOf = lineage.Batches.Select(b => b.FinishedAt ?? b.StartedAt).DefaultIfEmpty().Max();
        DateTime? asOf = lineage.Batches.Count == 0 ? null : dataAsOf;

        var input = AnalysisInputReader.Read(db, quarter, options.Analysis, policies, clock);
        // The analysis reads the draft mart; the report shows each approved quarter as the committee froze it (第六条). Its
        // findings, trends, forecasts and changes from the quarter before must judge the same results as its tables, or one
        // page calls a department excellent while the next says it failed with the draft's numbers, or a change is
        // measured from a previous quarter's later draft: every approved quarter's scores are replaced by its snapshot's.
        var approvals = Approvals(db, input.History.Concat(input.Scores.Select(s => s.Quarter)).Append(quarter).Distinct(), policies);
        input = input with { Scores = Approved(db, input.Scores, approvals) };
        // ...and each approved quarter's complaints by the service targets it was approved under, where they were kept.
        input = AtApproval(input, approvals);
        // Open complaints are judged as of the input's own dates (OpenComplaintsAsOf, the rule `qa analyze` and the dashboard
        // use too), not as of the cover's "data as of": a later load of this quarter's checks or callbacks tells nothing of its complaints.
        var analysis = QuarterAnalyzer.Analyze(input, options.Analysis);

        var (notes, notesSource) = Notes(db, quarter, options.NotesFile, assessments);
        var generated = clock.GetUtcNow();
        // The policy's file name, not its path (as for the notes file): the PDF is downloaded from the dashboard, and the
        // folder it sits in on the server is no reader's business.
        return new ReportModel(quarter, options.Company, LineageReader.Local(generated), generated, asOf, policy, policies.IsBuiltIn ? null : Path.GetFileName(policies.SourceName), approval,
            scored.DifferencesFromApproved, assessments, ranks, BudgetSummary.Of(assessments, policy), input, analysis, notes, notesSource, lineage);
    }

    /// <summary>The approval of each quarter approved under the policy version in force for it.</summary>
    private static Dictionary<Quarter, QuarterApproval> Approvals(WarehouseDbContext db, IEnumerable<Quarter> quarters, PolicySet policies)
    {
        var approvals = new Dictionary<Quarter, QuarterApproval>();
        foreach (var quarter in quarters)
        {
            if (policies.InForce(quarter) is not { } version) continue; // no version covers it: nothing was scored or approved under one
            var approval = db.QuarterApprovals.AsNoTracking().FirstOrDefault(a => a.QuarterKey == quarter.Key && a.PolicyVersion == version.Version);
            if (approval is not null) approvals[quarter] = approval;
        }
        return approvals;
    }

    /// <summary>The input with each approved quarter's service targets (and the report quarter's pass line) those of the
    /// values kept with its approval; quarters approved before the values were kept keep the version's values now.</summary>
    private static AnalysisInput AtApproval(AnalysisInput input, Dictionary<Quarter, QuarterApproval> approvals)
    {
        var targets = input.QuarterTargets.ToDictionary();
        var passAt = input.PassAt;
        foreach (var (quarter, approval) in approvals)
        {
            if (ApprovedPolicy.Of(approval) is not { } atApproval) continue;
            targets[quarter] = atApproval.ServiceTargets;
            if (quarter == input.Quarter) passAt = atApproval.PassAt;
        }
        return input with { QuarterTargets = targets, Targets = targets.GetValueOrDefault(input.Quarter, input.Targets), PassAt = passAt };
    }

    /// <summary>The scores with each approved quarter's replaced by its snapshot.</summary>
    private static List<QuarterScore> Approved(WarehouseDbContext db, IReadOnlyList<QuarterScore> scores, Dictionary<Quarter, QuarterApproval> approvals)
    {
        var result = scores.ToList();
        foreach (var quarter in scores.Select(s => s.Quarter).Distinct().ToList())
        {
            if (!approvals.TryGetValue(quarter, out var approval)) continue;
            var snapshot = db.ApprovedAssessments.AsNoTracking().Where(a => a.ApprovalId == approval.Id).ToList();
            if (snapshot.Count == 0) continue;
            result.RemoveAll(s => s.Quarter == quarter);
            result.AddRange(snapshot.Select(AssessmentRows.ToAssessment).Select(a =>
                new QuarterScore(quarter, a.DepartmentCode, a.SelfCheck, a.Survey, a.Complaint, a.Total, AssessmentRows.GradeName(a.Grade), a.Amount)));
        }
        return result;
    }

    private static (IReadOnlyList<DepartmentNote>, string?) Notes(WarehouseDbContext db, Quarter quarter, string? notesFile, IReadOnlyList<Assessment> assessments)
    {
        var notes = db.Notes.AsNoTracking().Where(n => n.QuarterKey == quarter.Key).ToList()
            .Where(n => !string.IsNullOrWhiteSpace(n.Causes) || !string.IsNullOrWhiteSpace(n.Solutions))
            .ToDictionary(n => n.DepartmentCode, n => new DepartmentNote(n.DepartmentCode, Blank(n.Causes), Blank(n.Solutions)), StringComparer.OrdinalIgnoreCase);
        string? source = notes.Count > 0 ? "" : null;
        if (notesFile is not null)
        {
            var unknown = new List<string>();
            foreach (var row in NotesFile.Read(notesFile))
            {
                if (row.Quarter is { } q && (!Quarter.TryParse(q, out var parsed) || parsed != quarter)) continue;
                var department = assessments.FirstOrDefault(a => string.Equals(a.DepartmentCode, row.Department, StringComparison.OrdinalIgnoreCase))
                                 ?? assessments.FirstOrDefault(a => string.Equals(a.DepartmentName, row.Department, StringComparison.Ordinal));
                if (department is null)
                {
                    unknown.Add(row.Department);
                    continue;
                }
                notes[department.DepartmentCode] = new DepartmentNote(department.DepartmentCode, row.Causes, row.Solutions);
            }
            if (unknown.Count > 0)
                throw new FormatException($"{notesFile}: no department {string.Join(", ", unknown.Distinct())} in {quarter} (use a department code or name).");
            source = Path.GetFileName(notesFile);
        }
        var ordered = notes.Values.OrderBy(n => n.DepartmentCode, StringComparer.Ordinal).ToList();
        return (ordered, source);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
