using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>One tier as far as it read. <see cref="UpToRead"/> is false when <c>up_to</c> is there but is not a number (or
/// the tier is not an object): such a tier is neither bounded nor open-ended, so the rules that need its bound skip it.</summary>
internal sealed record TierDraft(decimal? UpTo, bool UpToRead, decimal? Penalty)
{
    public static readonly TierDraft Unreadable = new(null, false, null);
}

/// <summary>A version's <c>service_targets</c> as far as its values read (the object is optional; when it is there, each of
/// its keys is required, as everywhere else in the file).</summary>
internal sealed record ServiceTargetsDraft(decimal? ReplyHours, decimal? SolutionWorkingDays, decimal? SatisfactionTarget, decimal? ComplianceTarget)
{
    /// <summary>The longest reply deadline taken: a year. Longer is a slip of the keyboard (and would run past the calendar).</summary>
    public const decimal MaxReplyHours = 8760m;
    /// <summary>The most working days a solution may take: about a working year, for the same reason.</summary>
    public const decimal MaxSolutionWorkingDays = 250m;

    public static ServiceTargetsDraft Of(ServiceTargetRules r) => new(r.ReplyHours, r.SolutionWorkingDays, r.SatisfactionTarget, r.ComplianceTarget);

    public ServiceTargetRules ToRules() => new(
        ReplyHours ?? throw PolicyDraft.Unread("service_targets.reply_hours"),
        (int)(SolutionWorkingDays ?? throw PolicyDraft.Unread("service_targets.solution_working_days")),
        SatisfactionTarget ?? throw PolicyDraft.Unread("service_targets.satisfaction_target"),
        ComplianceTarget ?? throw PolicyDraft.Unread("service_targets.compliance_target"));

    public void Problems(List<PolicyProblem> p)
    {
        if (ReplyHours is { } hours && (hours <= 0 || hours > MaxReplyHours))
            p.Add(PolicyProblem.At("service_targets.reply_hours", "OutsideLeftOpenRange", Text.N(hours), Text.N(0), Text.N(MaxReplyHours)));
        if (SolutionWorkingDays is { } days)
        {
            if (days != decimal.Truncate(days)) p.Add(PolicyProblem.At("service_targets.solution_working_days", "NotWholeNumber", Text.N(days)));
            else if (days < 0 || days > MaxSolutionWorkingDays)
                p.Add(PolicyProblem.At("service_targets.solution_working_days", "OutsideRange", Text.N(days), Text.N(0), Text.N(MaxSolutionWorkingDays)));
        }
        Target(p, "service_targets.satisfaction_target", SatisfactionTarget);
        Target(p, "service_targets.compliance_target", ComplianceTarget);
    }

    /// <summary>A target share: above 0 (a target of nothing is no target) and at most 1 (every complaint).</summary>
    private static void Target(List<PolicyProblem> p, string key, decimal? value)
    {
        if (value is { } v && (v <= 0 || v > 1)) p.Add(PolicyProblem.At(key, "OutsideLeftOpenRange", Text.N(v), Text.N(0), Text.N(1)));
    }
}

/// <summary>
/// One version of the policy as far as its values read; null is a value that did not read (its problem is already told).
/// The rules on values live here, each checked when the values it needs are there, so that one value that does not read
/// (a misspelt <c>missing_data</c>) hides no other problem of its version: the working group edits policy.json by hand and
/// would otherwise meet one more round of problems after every correction. A rule that needs a value that did not read
/// is skipped, for that value only (the weights' sum needs all three weights; each weight's range needs only its own).
/// </summary>
internal sealed record PolicyDraft
{
    public string? Version { get; init; }
    public Quarter? EffectiveFrom { get; init; }
    public decimal? SelfCheck { get; init; }
    public decimal? Survey { get; init; }
    public decimal? Complaint { get; init; }
    /// <summary>One entry per tier of the file, in its order, so that key paths name the file's own index.</summary>
    public IReadOnlyList<TierDraft>? Tiers { get; init; }
    public decimal? SurveyFullMarkThreshold { get; init; }
    public decimal? ComplaintCostPerValid { get; init; }
    public decimal? ComplaintFloor { get; init; }
    public decimal? Incomplete { get; init; }
    public decimal? Mismatch { get; init; }
    public decimal? DeductionMin { get; init; }
    public decimal? DeductionMax { get; init; }
    public decimal? ExcellentAbove { get; init; }
    public decimal? PassAt { get; init; }
    public decimal? PenaltyPerPoint { get; init; }
    public decimal? PenaltyFloorTotal { get; init; }
    public decimal? RewardPerPoint { get; init; }
    public MissingDataOption? MissingData { get; init; }
    public decimal? Budget { get; init; }
    /// <summary>Null when the version has no <c>service_targets</c> (policy §7's values) or it is not an object (told).</summary>
    public ServiceTargetsDraft? ServiceTargets { get; init; }

    /// <summary>A policy built in code, every value of it (a member left null in code stays null here).</summary>
    public static PolicyDraft Of(ScoringPolicy p) => new()
    {
        Version = p.Version,
        EffectiveFrom = p.EffectiveFrom,
        SelfCheck = p.Weights?.SelfCheck,
        Survey = p.Weights?.Survey,
        Complaint = p.Weights?.Complaint,
        Tiers = p.ConsistencyTiers?.Select(t => new TierDraft(t.UpTo, true, t.Penalty)).ToList(),
        SurveyFullMarkThreshold = p.SurveyFullMarkThreshold,
        ComplaintCostPerValid = p.ComplaintCostPerValid,
        ComplaintFloor = p.ComplaintFloor,
        Incomplete = p.CallbackDefaults?.Incomplete,
        Mismatch = p.CallbackDefaults?.Mismatch,
        DeductionMin = p.CallbackDeductionRange?.Min,
        DeductionMax = p.CallbackDeductionRange?.Max,
        ExcellentAbove = p.ExcellentAbove,
        PassAt = p.PassAt,
        PenaltyPerPoint = p.PenaltyPerPoint,
        PenaltyFloorTotal = p.PenaltyFloorTotal,
        RewardPerPoint = p.RewardPerPoint,
        MissingData = p.MissingData,
        Budget = p.Budget,
        ServiceTargets = p.ServiceTargets is { } targets ? ServiceTargetsDraft.Of(targets) : null,
    };

    /// <summary>The policy, once every value has read (the reader calls it only when no problem was found).</summary>
    public ScoringPolicy ToPolicy() => new()
    {
        Version = Version ?? throw Unread("version"),
        EffectiveFrom = EffectiveFrom ?? throw Unread("effective_from"),
        Weights = new ComponentWeights(SelfCheck ?? throw Unread("weights.self_check"), Survey ?? throw Unread("weights.survey"),
            Complaint ?? throw Unread("weights.complaint")),
        ConsistencyTiers = (Tiers ?? throw Unread("consistency_tiers"))
            .Select(t => t.UpToRead && t.Penalty is { } penalty ? new ConsistencyTier(t.UpTo, penalty) : throw Unread("consistency_tiers"))
            .ToList(),
        SurveyFullMarkThreshold = SurveyFullMarkThreshold ?? throw Unread("survey_full_mark_threshold"),
        ComplaintCostPerValid = ComplaintCostPerValid ?? throw Unread("complaint_cost_per_valid"),
        ComplaintFloor = ComplaintFloor ?? throw Unread("complaint_floor"),
        CallbackDefaults = new CallbackDefaults(Incomplete ?? throw Unread("callback_defaults.incomplete"), Mismatch ?? throw Unread("callback_defaults.mismatch")),
        CallbackDeductionRange = new DeductionRange(DeductionMin ?? throw Unread("callback_deduction_range.min"), DeductionMax ?? throw Unread("callback_deduction_range.max")),
        ExcellentAbove = ExcellentAbove ?? throw Unread("excellent_above"),
        PassAt = PassAt ?? throw Unread("pass_at"),
        PenaltyPerPoint = PenaltyPerPoint ?? throw Unread("penalty_per_point"),
        PenaltyFloorTotal = PenaltyFloorTotal ?? throw Unread("penalty_floor_total"),
        RewardPerPoint = RewardPerPoint ?? throw Unread("reward_per_point"),
        MissingData = MissingData ?? throw Unread("missing_data"),
        Budget = Budget ?? throw Unread("budget"),
        ServiceTargets = ServiceTargets?.ToRules() ?? ServiceTargetRules.Default,
    };

    internal static InvalidOperationException Unread(string key) =>
        new($"Policy value '{key}' did not read, yet no problem was reported for it.");

    /// <summary>Every rule on values this version breaks, among those whose values read; keys relative to the version.</summary>
    public List<PolicyProblem> Problems()
    {
        var p = new List<PolicyProblem>();
        if (Version is not null && string.IsNullOrWhiteSpace(Version)) p.Add(PolicyProblem.At("version", "EmptyVersion"));
        WeightProblems(p);
        if (Tiers is not null) TierProblems(p, Tiers);

        Range(p, "survey_full_mark_threshold", SurveyFullMarkThreshold, 0, 100);
        Range(p, "complaint_floor", ComplaintFloor, 0, 100);
        Range(p, "excellent_above", ExcellentAbove, 0, 100);
        Range(p, "pass_at", PassAt, 0, 100);
        Range(p, "penalty_floor_total", PenaltyFloorTotal, 0, 100);
        if (ExcellentAbove is { } excellent && PassAt is { } pass && excellent < pass)
            p.Add(PolicyProblem.At("excellent_above", "ExcellentBelowPass", Text.N(excellent), Text.N(pass)));
        if (PenaltyFloorTotal is { } floor && PassAt is { } passAt && floor > passAt)
            p.Add(PolicyProblem.At("penalty_floor_total", "FloorAbovePass", Text.N(floor), Text.N(passAt)));

        NonNegative(p, "complaint_cost_per_valid", ComplaintCostPerValid);
        NonNegative(p, "penalty_per_point", PenaltyPerPoint);
        NonNegative(p, "reward_per_point", RewardPerPoint);
        NonNegative(p, "budget", Budget);

        NonNegative(p, "callback_deduction_range.min", DeductionMin);
        if (DeductionMin is { } min && DeductionMax is { } max)
        {
            if (max < min) p.Add(PolicyProblem.At("callback_deduction_range", "MaxBelowMin", Text.N(max), Text.N(min)));
            else
            {
                InDeductionRange(p, "callback_defaults.incomplete", Incomplete, min, max);
                InDeductionRange(p, "callback_defaults.mismatch", Mismatch, min, max);
            }
        }

        if (MissingData is { } missing && !Enum.IsDefined(missing))
            p.Add(PolicyProblem.At("missing_data", "UndefinedMissingData", Text.Count((int)missing)));
        ServiceTargets?.Problems(p);
        return p;
    }

    private void WeightProblems(List<PolicyProblem> p)
    {
        Range(p, "weights.self_check", SelfCheck, 0, 1);
        Range(p, "weights.survey", Survey, 0, 1);
        Range(p, "weights.complaint", Complaint, 0, 1);
        if (SelfCheck is { } s && Survey is { } v && Complaint is { } c && s + v + c != 1m)
            p.Add(PolicyProblem.At("weights", "WeightsSum", Text.N(s + v + c)));
    }

    private static void TierProblems(List<PolicyProblem> p, IReadOnlyList<TierDraft> tiers)
    {
        if (tiers.Count == 0)
        {
            p.Add(PolicyProblem.At("consistency_tiers", "NoTiers"));
            return;
        }
        var open = 0;
        var boundUnread = false;
        for (var i = 0; i < tiers.Count; i++)
        {
            var t = tiers[i];
            var key = $"consistency_tiers[{i}]";
            if (t.Penalty is < 0) p.Add(PolicyProblem.At($"{key}.penalty", "IsNegative", Text.N(t.Penalty.Value)));
            if (!t.UpToRead) boundUnread = true;
            else if (t.UpTo is null)
            {
                open++;
                if (i != tiers.Count - 1) p.Add(PolicyProblem.At($"{key}.up_to", "OpenTierNotLast"));
            }
            else if (t.UpTo < 0) p.Add(PolicyProblem.At($"{key}.up_to", "IsNegative", Text.N(t.UpTo.Value)));
            if (i == 0) continue;
            var prev = tiers[i - 1];
            if (t.UpTo is { } up && prev.UpTo is { } prevUp && up <= prevUp)
                p.Add(PolicyProblem.At($"{key}.up_to", "TiersNotAscending", Text.N(up), Text.N(prevUp)));
            if (t.Penalty is { } penalty && prev.Penalty is { } prevPenalty && penalty < prevPenalty)
                p.Add(PolicyProblem.At($"{key}.penalty", "PenaltiesDecreasing", Text.N(penalty), Text.N(prevPenalty)));
        }
        // A bound that did not read may be the open-ended tier the writer meant, so "none found" waits for it; two or
        // more open-ended tiers are wrong whatever it turns out to be.
        if (open > 1 || (open == 0 && !boundUnread)) p.Add(PolicyProblem.At("consistency_tiers", "OpenTierCount", Text.Count(open)));
    }

    private static void InDeductionRange(List<PolicyProblem> p, string key, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max))
            p.Add(PolicyProblem.At(key, "OutsideDeductionRange", Text.N(v), Text.N(min), Text.N(max)));
    }

    private static void Range(List<PolicyProblem> p, string key, decimal? value, decimal min, decimal max)
    {
        if (value is { } v && (v < min || v > max)) p.Add(PolicyProblem.At(key, "OutsideRange", Text.N(v), Text.N(min), Text.N(max)));
    }

    private static void NonNegative(List<PolicyProblem> p, string key, decimal? value)
    {
        if (value is < 0) p.Add(PolicyProblem.At(key, "Negative", Text.N(value.Value)));
    }
}
