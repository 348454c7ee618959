using Xunit;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Warehouse.Semantic;

namespace QualityAnalytics.Warehouse.Tests.Semantic;

/// <summary>The late and overdue measures are labelled with the deadlines their flags were counted by: the policy
/// version in force for each quarter asked about.</summary>
public sealed class MeasureLabelsTests
{
    private static readonly ScoringPolicy Shipped = PolicyFile.Default.Versions[0];

    /// <summary>The shipped version (24 hours, 3 working days) up to 2025Q4, then one of 48 hours and the same 3 days.</summary>
    private static readonly PolicySet TwoVersions = new(
        [Shipped, Shipped with { Version = "2026-01", EffectiveFrom = Quarter.Parse("2026Q1"), ServiceTargets = ServiceTargetRules.Default with { ReplyHours = 48m } }],
        "policy.json");

    private static (Phrase Label, Phrase? Note) Labels(string measure, PolicySet set, string? from, string? to) =>
        MeasureLabels.For(SemanticModel.Measure(measure)!, set.ServiceTargetsOver(from is null ? null : Quarter.Parse(from), to is null ? null : Quarter.Parse(to)));

    [Fact]
    public void A_range_under_one_version_names_its_deadlines()
    {
        var (label, note) = Labels("replied_late", TwoVersions, "2026Q1", "2026Q2");
        Assert.Equal(new Phrase("Replies over 48 h", "超 48 小时回复"), label);
        Assert.Null(note);
        Assert.Equal(new Phrase("Unanswered past 24 h", "超 24 小时未回复"), Labels("reply_overdue", TwoVersions, "2025Q1", "2025Q4").Label);
        Assert.Equal(new Phrase("Unsolved past 3 working days", "超 3 个工作日未解决"), Labels("resolve_overdue", TwoVersions, "2025Q1", "2025Q4").Label);
    }

    [Fact]
    public void A_range_across_versions_with_different_deadlines_is_neutral_and_its_note_says_which_holds_when()
    {
        var (label, note) = Labels("replied_late", TwoVersions, "2025Q3", "2026Q2");
        Assert.Equal(new Phrase("Late replies", "超时回复"), label);
        Assert.Equal(new Phrase("Each quarter's reply deadline is its policy version's: 24 h from 2025Q3; 48 h from 2026Q1",
            "各季度的回复时限按其适用的考核办法版本：2025Q3 起 24 小时；2026Q1 起 48 小时"), note);
        // The solution deadline is the same in both versions: its counts keep the number.
        Assert.Equal(new Phrase("Solutions over 3 working days", "超 3 个工作日解决"), Labels("resolved_late", TwoVersions, "2025Q3", "2026Q2").Label);
        // No range: every version counts (the measure picker's labels).
        Assert.Equal(new Phrase("Late replies", "超时回复"), Labels("replied_late", TwoVersions, null, null).Label);
    }

    [Fact]
    public void Other_measures_keep_their_labels_from_the_resources()
    {
        Assert.Equal(new Phrase("Complaints", "投诉数"), Labels("complaints", TwoVersions, "2025Q3", "2026Q2").Label);
        Assert.Equal(("投诉渠道", "Channel"), (SemanticModel.Dimensions.Single(d => d.Name == "channel").LabelZh, SemanticModel.Dimensions.Single(d => d.Name == "channel").LabelEn));
    }

    [Fact]
    public void The_targets_over_a_range_start_with_the_version_in_force_at_its_first_quarter()
    {
        Assert.Equal([new TargetSpan(Quarter.Parse("2025Q3"), ServiceTargetRules.Default), new TargetSpan(Quarter.Parse("2026Q1"), ServiceTargetRules.Default with { ReplyHours = 48m })],
            TwoVersions.ServiceTargetsOver(Quarter.Parse("2025Q3"), Quarter.Parse("2026Q2")));
        Assert.Equal([new TargetSpan(Quarter.Parse("2026Q2"), ServiceTargetRules.Default with { ReplyHours = 48m })],
            TwoVersions.ServiceTargetsOver(Quarter.Parse("2026Q2"), Quarter.Parse("2026Q3")));
    }
}
