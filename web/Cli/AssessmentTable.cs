using System.Globalization;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>The assessment as a terminal table, Chinese names first, with the budget and the approval status under it.</summary>
internal static class AssessmentTable
{
    public static string GradeLabel(Grade grade) => grade switch
    {
        Grade.Excellent => "优秀 excellent",
        Grade.Pass => "合格 pass",
        Grade.Fail => "不合格 fail",
        _ => "未考核 withheld",
    };

    /// <summary>A score as the report writes it (88.20, −0.50), "—" for none.</summary>
    public static string N(decimal? value) => value is { } v ? Figures.Score(v) : "—";

    /// <summary>Signed money as the report writes it: +9,200, −5,000, 0.</summary>
    public static string Yuan(decimal value) => Figures.Money(value);

    public static void Write(TextWriter o, ScoredQuarter q, PolicySet policies)
    {
        o.WriteLine($"{q.Quarter} 服务质量考核 (policy {q.Policy.Version})");
        o.WriteLine($"{"dept",-5} {"rank",4} {"S base",7} {"pen.",5} {"S",7} {"V",7} {"C",7} {"K",5} {"total",7}  {"grade",-16} {"amount",11}  name / notes");
        foreach (var a in q.Assessments)
        {
            var rank = q.Ranks.TryGetValue(a.DepartmentCode, out var r) ? r.ToString(CultureInfo.InvariantCulture) : "—";
            var notes = a.Complete ? "" : $" (incomplete: missing {string.Join(", ", a.Missing)})";
            o.WriteLine($"{a.DepartmentCode,-5} {rank,4} {N(a.SelfCheckBase),7} {N(a.ConsistencyPenalty),5} {N(a.SelfCheck),7} {N(a.Survey),7} {N(a.Complaint),7} " +
                        $"{N(a.CallbackDeduction),5} {N(a.Total),7}  {Pad(GradeLabel(a.Grade), 16)} {Yuan(a.Amount),11}  {a.DepartmentName}{notes}");
        }
        var b = q.Budget;
        // The report's sentence: rewards and penalties as sums (unsigned), the net signed.
        o.WriteLine($"rewards {Figures.Yuan(b.Rewards)}, penalties {Figures.Yuan(b.Penalties)}, net {Yuan(b.Net)}; working-group budget {Figures.Yuan(b.Budget)} yuan, " +
                    $"remaining after rewards {Figures.Yuan(b.Remaining)}" + (b.OverBudget ? " — OVER BUDGET" : ""));
        WriteStatus(o, q, policies);
        var warned = q.Assessments.Where(a => a.Warnings.Count > 0).ToList();
        foreach (var a in warned)
            foreach (var w in a.Warnings) o.WriteLine($"warning {a.DepartmentCode}: {w}");
    }

    /// <summary>Whether the quarter is approved and, if so, how the current data differs from what was approved (for one
    /// department, or all): `qa score` and `qa explain` show and explain the current draft, so they say so; and whether the
    /// approved policy version was edited in <paramref name="policies"/> since, with each changed key where the approval
    /// kept its values (the report keeps them; this draft follows the values in force).</summary>
    public static void WriteStatus(TextWriter o, ScoredQuarter q, PolicySet policies, string? departmentCode = null)
    {
        if (q.Approval is not { } approval)
        {
            o.WriteLine("status: draft (not yet approved; approve with 'qa approve --quarter " + q.Quarter + "')");
            return;
        }
        var differences = q.DifferencesFromApproved.Where(d => departmentCode is null || string.Equals(d.DepartmentCode, departmentCode, StringComparison.OrdinalIgnoreCase)).ToList();
        var at = BusinessTime.ToMinute(approval.ApprovedAt);
        o.WriteLine(differences.Count == 0
            ? $"approved by {approval.ApprovedBy} at {at} (Asia/Shanghai); the current data gives the same results."
            : $"approved by {approval.ApprovedBy} at {at}; the data has changed since — this is a new draft. Differences from the approved results:");
        foreach (var d in differences)
            o.WriteLine($"  {d.DepartmentCode} {d.Field}: approved {AssessmentDifference.Written(d.Field, d.Approved) ?? "—"} → draft {AssessmentDifference.Written(d.Field, d.Draft) ?? "—"}");
        if (ApprovedPolicy.Edited(approval, policies) != true) return;
        if (ApprovedPolicy.Changes(approval, policies) is { } changes)
        {
            o.WriteLine($"policy {approval.PolicyVersion} was edited since the approval; this draft follows the values now in force, 'qa report' the values at approval:");
            foreach (var c in changes) o.WriteLine($"  {c.Key}: approved {c.Approved ?? "—"} → now {c.Now ?? "—"}");
        }
        else o.WriteLine($"policy {approval.PolicyVersion} was edited since the approval (the values at approval were not kept: the report's notes and targets follow the values now in force).");
    }

    /// <summary>Pads by display width: a CJK character takes two columns in a terminal.</summary>
    public static string Pad(string text, int width)
    {
        var w = text.Sum(c => c >= 0x2E80 ? 2 : 1);
        return w >= width ? text : text + new string(' ', width - w);
    }
}
