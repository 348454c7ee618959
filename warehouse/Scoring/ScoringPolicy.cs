using System.Globalization;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>What to do with a component that has no data in the quarter (policy §5).</summary>
public enum MissingDataOption
{
    /// <summary>Scale the weights of the present components up to sum to 1; the result is provisional.</summary>
    Rescale,
    /// <summary>Count the missing component as 0; the result is provisional.</summary>
    Zero,
    /// <summary>No grade, no total and no money until the data arrives.</summary>
    Withhold,
}

/// <summary>w<sub>S</sub>, w<sub>V</sub>, w<sub>C</sub> (第九条); they must sum to exactly 1.</summary>
public sealed record ComponentWeights(decimal SelfCheck, decimal Survey, decimal Complaint);

/// <summary>One row of the consistency table: d ≤ <paramref name="UpTo"/> (inclusive) gives <paramref name="Penalty"/>; a null UpTo is the open-ended last row.</summary>
public sealed record ConsistencyTier(decimal? UpTo, decimal Penalty);

/// <summary>Deduction used when an audited callback records none: 记录不全 and 与实际不符.</summary>
public sealed record CallbackDefaults(decimal Incomplete, decimal Mismatch);

/// <summary>Inclusive range a recorded callback deduction must lie in for a finding.</summary>
public sealed record DeductionRange(decimal Min, decimal Max);

/// <summary>
/// One version of the assessment policy (policy.md §3–5). Every number the engine uses is here; none is in code.
/// Read from the policy file (<see cref="PolicyFile"/>), whose snake_case keys are named in the comments.
/// </summary>
public sealed record ScoringPolicy
{
    /// <summary><c>version</c></summary>
    public required string Version { get; init; }
    /// <summary><c>effective_from</c>: the first quarter this version applies to.</summary>
    public required Quarter EffectiveFrom { get; init; }
    /// <summary><c>weights</c>: <c>self_check</c>, <c>survey</c>, <c>complaint</c>.</summary>
    public required ComponentWeights Weights { get; init; }
    /// <summary><c>consistency_tiers</c>: [{ <c>up_to</c>, <c>penalty</c> }], ascending, the last one open-ended.</summary>
    public required IReadOnlyList<ConsistencyTier> ConsistencyTiers { get; init; }
    /// <summary><c>survey_full_mark_threshold</c>: V at or above it counts as 100.</summary>
    public required decimal SurveyFullMarkThreshold { get; init; }
    /// <summary><c>complaint_cost_per_valid</c>: points off C per valid complaint.</summary>
    public required decimal ComplaintCostPerValid { get; init; }
    /// <summary><c>complaint_floor</c>: C never goes below it.</summary>
    public required decimal ComplaintFloor { get; init; }
    /// <summary><c>callback_defaults</c>: <c>incomplete</c>, <c>mismatch</c>.</summary>
    public required CallbackDefaults CallbackDefaults { get; init; }
    /// <summary><c>callback_deduction_range</c>: <c>min</c>, <c>max</c>.</summary>
    public required DeductionRange CallbackDeductionRange { get; init; }
    /// <summary><c>excellent_above</c>: T strictly above it is 优秀.</summary>
    public required decimal ExcellentAbove { get; init; }
    /// <summary><c>pass_at</c>: T at or above it (and not excellent) is 合格; below it 不合格.</summary>
    public required decimal PassAt { get; init; }
    /// <summary><c>penalty_per_point</c>: yuan per point below <see cref="PassAt"/>.</summary>
    public required decimal PenaltyPerPoint { get; init; }
    /// <summary><c>penalty_floor_total</c>: totals below it are penalised as if they were at it.</summary>
    public required decimal PenaltyFloorTotal { get; init; }
    /// <summary><c>reward_per_point</c>: yuan per point above <see cref="ExcellentAbove"/>.</summary>
    public required decimal RewardPerPoint { get; init; }
    /// <summary><c>missing_data</c>: "rescale", "zero" or "withhold".</summary>
    public required MissingDataOption MissingData { get; init; }
    /// <summary><c>budget</c>: the working group's fund in yuan (第十四条 4).</summary>
    public required decimal Budget { get; init; }
    /// <summary><c>service_targets</c>: <c>reply_hours</c>, <c>solution_working_days</c>, <c>satisfaction_target</c>,
    /// <c>compliance_target</c> (policy §7). Optional: a version without it (every file and approved quarter from before
    /// the key existed) has §7's own values. They change no score; the complaint mart and the analysis judge a quarter's
    /// complaints by the targets of the version in force for it (<see cref="PolicySet.ServiceTargetsFor"/>).</summary>
    public ServiceTargetRules ServiceTargets { get; init; } = ServiceTargetRules.Default;

    /// <summary>The penalty for a self/spot difference <paramref name="d"/>: the first tier whose bound is ≥ d.</summary>
    public decimal ConsistencyPenaltyFor(decimal d)
    {
        foreach (var tier in ConsistencyTiers)
            if (tier.UpTo is not { } upTo || d <= upTo) return tier.Penalty;
        throw new InvalidOperationException($"Policy {Version} has no consistency tier for d = {d.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>
    /// Every rule this version breaks, each under the policy file's key names, in both languages; empty when valid.
    /// The rules are <see cref="PolicyDraft"/>'s, the same that check a file as it is read.
    /// </summary>
    public IReadOnlyList<PolicyProblem> Problems()
    {
        var p = new List<PolicyProblem>();
        // Members a caller in code can leave null (null!); in a file each of them is a missing key instead.
        if (Version is null) p.Add(PolicyProblem.At("version", "EmptyVersion"));
        if (Weights is null) p.Add(PolicyProblem.At("weights", "Required"));
        if (ConsistencyTiers is null) p.Add(PolicyProblem.At("consistency_tiers", "NoTiers"));
        if (CallbackDeductionRange is null) p.Add(PolicyProblem.At("callback_deduction_range", "Required"));
        if (CallbackDefaults is null) p.Add(PolicyProblem.At("callback_defaults", "Required"));
        if (ServiceTargets is null) p.Add(PolicyProblem.At("service_targets", "Required"));
        p.AddRange(PolicyDraft.Of(this).Problems());
        return p;
    }
}
