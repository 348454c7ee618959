using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>
/// The scoring stage: facts of one quarter + one policy version → one <see cref="Assessment"/> per department (policy.md §3–5).
/// Pure: no database, no clock, no I/O; the same facts in any order give the same result. Decimal arithmetic throughout,
/// components rounded half away from zero to 2 decimals before they enter the total.
/// </summary>
public static class ScoringEngine
{
    public const string SelfCheckKey = "self_check";
    public const string SurveyKey = "survey";

    /// <summary>
    /// One assessment per entry of <see cref="QuarterFacts.Departments"/>, in that order, withheld ones included.
    /// Facts outside <see cref="QuarterFacts.Quarter"/> and facts of departments not listed are ignored.
    /// </summary>
    /// <exception cref="PolicyValidationException">The policy breaks its own rules (e.g. built in code with weights not summing to 1).</exception>
    public static IReadOnlyList<Assessment> Score(QuarterFacts facts, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);
        var policyProblems = policy.Problems();
        if (policyProblems.Count > 0) throw new PolicyValidationException($"policy version '{policy.Version}'", policyProblems);

        var q = facts.Quarter;
        var checks = facts.Checks.Where(c => q.Contains(c.Month)).ToLookup(c => c.DepartmentCode, StringComparer.Ordinal);
        var answers = facts.Answers.Where(a => a.Quarter == q).ToLookup(a => a.DepartmentCode, StringComparer.Ordinal);
        // ReceivedAt is Asia/Shanghai wall time: its date decides the quarter (23:59:59 on the last day is in, 00:00 next day out).
        var complaints = facts.Complaints.Where(c => q.Contains(BusinessDate(c.ReceivedAt))).ToLookup(c => c.DepartmentCode, StringComparer.Ordinal);
        var callbacks = facts.Callbacks.Where(c => q.Contains(c.CalledOn)).ToLookup(c => c.DepartmentCode, StringComparer.Ordinal);

        var questionWarnings = new List<Phrase>();
        var questions = SurveyComponent.Definitions(facts.Questions, questionWarnings);

        var result = new List<Assessment>(facts.Departments.Count);
        foreach (var department in facts.Departments)
        {
            var warnings = new List<Phrase>();
            if (policy.EffectiveFrom > q)
                warnings.Add(Phrase.Of("WPolicyLater", policy.Version, policy.EffectiveFrom.ToString(), q.ToString()));
            var departmentAnswers = answers[department.Code].ToList();
            if (departmentAnswers.Count > 0) warnings.AddRange(questionWarnings);

            var s = SelfCheckComponent.Compute(checks[department.Code].ToList(), policy, warnings);
            var v = SurveyComponent.Compute(departmentAnswers, questions, questions.Count, policy, warnings);
            var c = ComplaintComponent.Compute(complaints[department.Code].ToList(), policy, warnings);
            var k = CallbackComponent.Compute(callbacks[department.Code].ToList(), policy, warnings);
            result.Add(Combine(department, q, policy, s, v, c, k, warnings));
        }
        return result;
    }

    /// <summary>The Asia/Shanghai date of a complaint: wall time as given, or converted when a caller passes a UTC instant.</summary>
    private static DateOnly BusinessDate(DateTime receivedAt) =>
        DateOnly.FromDateTime(receivedAt.Kind == DateTimeKind.Utc ? TimeZoneInfo.ConvertTimeFromUtc(receivedAt, BusinessTime.Zone) : receivedAt);

    private static Assessment Combine(DepartmentRef department, Quarter quarter, ScoringPolicy policy,
        SelfCheckComponent.Result s, SurveyComponent.Result v, ComplaintComponent.Result c, CallbackComponent.Result k, List<Phrase> warnings)
    {
        var missing = new List<string>();
        if (s.Score is null) missing.Add(SelfCheckKey);
        if (v.Score is null) missing.Add(SurveyKey);
        var lines = new List<ScoreLine> { s.Line, v.Line, c.Line, k.Line };
        var allIds = lines.SelectMany(l => l.SourceIds).ToList();

        var missingText = Phrase.Join(Phrase.Of("And"), missing.Select(ComponentName));

        Assessment Withheld(Phrase why, decimal? selfCheck, decimal? survey)
        {
            lines.Add(ScoreLine.Of("T", Phrase.Of("TWithheld", why), allIds));
            lines.Add(ScoreLine.Of("Grade", Phrase.Of("GradeWithheld"), []));
            lines.Add(ScoreLine.Of("Amount", Phrase.Of("AmountWithheld"), []));
            return new Assessment(department.Code, department.Name, quarter, policy.Version, s.Base, s.Penalty, selfCheck, survey,
                c.Score, k.Deduction, null, Grade.Withheld, 0m, missing.Count == 0, missing, English(warnings), lines, Chinese(warnings));
        }

        if (missing.Count == 2)
            return Withheld(Phrase.Of("WhyNothing"), null, null);
        if (missing.Count > 0 && policy.MissingData == MissingDataOption.Withhold)
            return Withheld(Phrase.Of("WhyWithhold", missingText), s.Score, v.Score);

        var w = policy.Weights;
        var terms = new List<(string Key, decimal Weight, decimal? Value)>
        {
            (SelfCheckKey, w.SelfCheck, s.Score), (SurveyKey, w.Survey, v.Score), ("complaint", w.Complaint, c.Score),
        };
        decimal raw;
        Phrase expression;
        if (missing.Count > 0 && policy.MissingData == MissingDataOption.Rescale)
        {
            var present = terms.Where(t => t.Value is not null).ToList();
            var sum = present.Sum(t => t.Weight);
            if (sum == 0)
            {
                warnings.Add(Phrase.Of("WZeroWeights", Phrase.Join(Phrase.ListSeparator, present.Select(t => ComponentName(t.Key)))));
                return Withheld(Phrase.Of("WhyZeroWeights", missingText), s.Score, v.Score);
            }
            raw = present.Sum(t => t.Weight * t.Value!.Value) / sum - k.Deduction;
            expression = "(" + Phrase.Join(" + ", present.Select(Term)) + $") / {Text.N(sum)}";
        }
        else
        {
            // Complete data, or missing_data = zero: a missing component counts as 0 in the total, and only there. It is
            // still reported as null: policy §5 says missing, not zero, and the data contract's self_check and survey are
            // null when missing, whatever the option (a 0 would read as customers scoring 0, in trends too).
            raw = terms.Sum(t => t.Weight * (t.Value ?? 0m)) - k.Deduction;
            expression = Phrase.Join(" + ", terms.Select(Term));
        }

        var total = Math.Max(0m, Money.Round2(raw));
        var formula = "T = " + expression + $" − K {Text.F2(k.Deduction)} = {Text.Raw(raw)} → {Text.F2(total)}";
        if (Money.Round2(raw) < 0) formula += Phrase.Of("TFloored");
        if (missing.Count > 0) formula += Phrase.Of(policy.MissingData == MissingDataOption.Rescale ? "TRescaled" : "TZero", missingText);
        lines.Add(ScoreLine.Of("T", formula, allIds));

        var (grade, amount, gradeText, amountText) = GradeAndAmount(total, policy);
        lines.Add(ScoreLine.Of("Grade", gradeText, []));
        lines.Add(ScoreLine.Of("Amount", amountText, []));
        return new Assessment(department.Code, department.Name, quarter, policy.Version, s.Base, s.Penalty, s.Score, v.Score,
            c.Score, k.Deduction, total, grade, amount, missing.Count == 0, missing, English(warnings), lines, Chinese(warnings));

        static Phrase Term((string Key, decimal Weight, decimal? Value) t) =>
            t.Value is { } x ? $"{Text.N(t.Weight)} × {Text.F2(x)}" : Phrase.Of("TermMissing", Text.N(t.Weight), ComponentName(t.Key));
    }

    /// <summary>第十三条 and 第十四条: grade by the thresholds, money per point (penalty from the floor total at worst).</summary>
    private static (Grade, decimal, Phrase, Phrase) GradeAndAmount(decimal total, ScoringPolicy policy)
    {
        var t = Text.F2(total);
        if (total > policy.ExcellentAbove)
        {
            var reward = Money.Round2((total - policy.ExcellentAbove) * policy.RewardPerPoint);
            return (Grade.Excellent, reward, Phrase.Of("GradeExcellent", t, Text.N(policy.ExcellentAbove)),
                Phrase.Of("AmountReward", t, Text.N(policy.ExcellentAbove), Text.Money(policy.RewardPerPoint), Text.Money(reward)));
        }
        if (total >= policy.PassAt)
        {
            var why = total == policy.PassAt ? $"T {t} = {Text.N(policy.PassAt)}" : $"{Text.N(policy.PassAt)} ≤ T {t} ≤ {Text.N(policy.ExcellentAbove)}";
            return (Grade.Pass, 0m, Phrase.Of("GradePass", why), Phrase.Of("AmountPass"));
        }
        var penalty = Money.Round2((policy.PassAt - Math.Max(total, policy.PenaltyFloorTotal)) * policy.PenaltyPerPoint);
        return (Grade.Fail, penalty == 0 ? 0m : -penalty, Phrase.Of("GradeFail", t, Text.N(policy.PassAt)),
            Phrase.Of("AmountPenalty", Text.N(policy.PassAt), t, Text.N(policy.PenaltyFloorTotal), Text.Money(policy.PenaltyPerPoint), Text.Money(-penalty)));
    }

    /// <summary>A component's key as it is named in the explanations ("self_check" / "自查得分").</summary>
    private static Phrase ComponentName(string key) => key switch
    {
        SelfCheckKey => Phrase.Of("ComponentSelfCheck"),
        SurveyKey => Phrase.Of("ComponentSurvey"),
        _ => Phrase.Of("ComponentComplaint"),
    };

    private static List<string> English(IEnumerable<Phrase> phrases) => phrases.Select(p => p.En).ToList();

    private static List<string> Chinese(IEnumerable<Phrase> phrases) => phrases.Select(p => p.Zh).ToList();
}
