using System.Text.Json;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Web.Cli;

/// <summary>The what-if comparison: grades and money under another policy beside the stored ones.</summary>
internal static class WhatIf
{
    public static void Write(CliEnvironment env, ScoredQuarter stored, ScoredQuarter whatIf, bool json)
    {
        var rows = stored.Assessments.Select(s =>
        {
            var w = whatIf.Assessments.First(x => x.DepartmentCode == s.DepartmentCode);
            return new
            {
                department = s.DepartmentCode,
                name = s.DepartmentName,
                stored = new { policy_version = s.PolicyVersion, total = s.Total, grade = AssessmentRows.GradeName(s.Grade), amount = s.Amount },
                what_if = new { policy_version = w.PolicyVersion, total = w.Total, grade = AssessmentRows.GradeName(w.Grade), amount = w.Amount },
                amount_change = w.Amount - s.Amount,
            };
        }).ToList();
        if (json)
        {
            env.Out.WriteLine(JsonSerializer.Serialize(rows, AssessmentJson.Options));
            return;
        }
        env.Out.WriteLine($"{stored.Quarter} what-if: policy {whatIf.Policy.Version} beside {stored.Policy.Version} (nothing stored)");
        env.Out.WriteLine($"{"dept",-5} {"total",7} {"grade",-16} {"amount",11}   {"total",7} {"grade",-16} {"amount",11}  {"change",11}");
        foreach (var r in rows)
        {
            env.Out.WriteLine($"{r.department,-5} {AssessmentTable.N(r.stored.total),7} {AssessmentTable.Pad(AssessmentTable.GradeLabel(AssessmentRows.ParseGrade(r.stored.grade)), 16)} {AssessmentTable.Yuan(r.stored.amount),11}   " +
                              $"{AssessmentTable.N(r.what_if.total),7} {AssessmentTable.Pad(AssessmentTable.GradeLabel(AssessmentRows.ParseGrade(r.what_if.grade)), 16)} {AssessmentTable.Yuan(r.what_if.amount),11}  {AssessmentTable.Yuan(r.amount_change),11}");
        }
        env.Out.WriteLine($"net money: {AssessmentTable.Yuan(stored.Budget.Net)} now, {AssessmentTable.Yuan(whatIf.Budget.Net)} under {whatIf.Policy.Version}; " +
                          $"rewards {Figures.Yuan(whatIf.Budget.Rewards)} of the {Figures.Yuan(whatIf.Budget.Budget)} yuan budget");
    }
}
