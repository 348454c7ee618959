using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Warehouse.Scoring;

/// <summary>
/// V (第十一条): each questionnaire scores Σ w·(answer/scale)·100 / Σ w over the questions it answered; V is the mean over the
/// questionnaires not excluded by the committee; V ≥ threshold counts as 100.
/// </summary>
internal static class SurveyComponent
{
    internal sealed record Result(decimal? Score, ScoreLine Line);

    /// <param name="answers">This department's answers inside the quarter.</param>
    /// <param name="questions">Question → definition; questions with conflicting or unusable definitions are absent.</param>
    public static Result Compute(IReadOnlyList<SurveyAnswerFact> answers, IReadOnlyDictionary<string, SurveyQuestionFact> questions,
        int questionCount, ScoringPolicy policy, List<Phrase> warnings)
    {
        var scored = new List<(string Id, decimal Score, int Answered)>();
        var excluded = new List<string>();
        var responses = answers.GroupBy(a => a.ResponseId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var response in responses)
        {
            var rows = response.OrderBy(a => a.Question, StringComparer.Ordinal).ToList();
            // The committee excludes a whole questionnaire (持异议, 由质量管理委员会审定); the flag is carried on each answer.
            if (rows.Any(a => a.Excluded))
            {
                if (!rows.All(a => a.Excluded))
                    warnings.Add(Phrase.Of("WPartlyExcluded", response.Key));
                excluded.Add(response.Key);
                continue;
            }

            decimal weighted = 0, weights = 0;
            var answered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in rows)
            {
                if (!questions.TryGetValue(a.Question, out var q))
                {
                    warnings.Add(Phrase.Of("WUnknownQuestion", response.Key, a.Question));
                    continue;
                }
                if (!answered.Add(a.Question))
                    warnings.Add(Phrase.Of("WAnsweredTwice", response.Key, a.Question));
                var value = a.Score;
                if (value < 0 || value > q.Scale)
                {
                    value = Math.Clamp(value, 0, q.Scale);
                    warnings.Add(Phrase.Of("WAnswerOutOfRange", response.Key, a.Question, Text.N(a.Score), Text.N(q.Scale), Text.N(value)));
                }
                weighted += q.Weight * (value / q.Scale) * 100m;
                weights += q.Weight;
            }
            if (weights == 0)
            {
                warnings.Add(Phrase.Of("WNoWeightedAnswer", response.Key));
                continue;
            }
            scored.Add((response.Key, weighted / weights, answered.Count));
        }

        var ids = answers.Select(a => a.ResponseId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var excludedText = excluded.Count > 0 ? Phrase.Of("VExcluded", Text.Ids(excluded)) : "";
        if (scored.Count == 0)
            return new Result(null, ScoreLine.Of("V", Phrase.Of("VMissing", excludedText), ids));

        var mean = scored.Sum(s => s.Score) / scored.Count;
        var rounded = Money.Round2(mean);
        var score = rounded >= policy.SurveyFullMarkThreshold ? 100m : rounded;
        var parts = Phrase.Join(Phrase.ListSeparator, scored.Select(s => s.Answered < questionCount
            ? Phrase.Of("VPartlyAnswered", s.Id, Text.F2(s.Score), Text.Count(s.Answered), Text.Count(questionCount))
            : (Phrase)$"{s.Id} {Text.F2(s.Score)}"));
        var formula = Phrase.Of("VMean", parts, Text.F2(rounded));
        if (score != rounded) formula += $" ≥ {Text.N(policy.SurveyFullMarkThreshold)} → {Text.F2(score)}";
        return new Result(score, ScoreLine.Of("V", formula + excludedText, ids));
    }

    /// <summary>Question definitions keyed by name; a name defined twice differently, or with a scale ≤ 0 or weight &lt; 0, is unusable.</summary>
    public static Dictionary<string, SurveyQuestionFact> Definitions(IEnumerable<SurveyQuestionFact> questions, List<Phrase> warnings)
    {
        var result = new Dictionary<string, SurveyQuestionFact>(StringComparer.Ordinal);
        foreach (var g in questions.GroupBy(q => q.Question, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var q = g.First();
            if (g.Any(other => other.Weight != q.Weight || other.Scale != q.Scale))
                warnings.Add(Phrase.Of("WQuestionConflict", g.Key));
            else if (q.Scale <= 0 || q.Weight < 0)
                warnings.Add(Phrase.Of("WQuestionInvalid", g.Key, Text.N(q.Weight), Text.N(q.Scale)));
            else
                result[g.Key] = q;
        }
        return result;
    }
}
