using Xunit;
using System.Text.Json;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

/// <summary>Builds <see cref="QuarterFacts"/> for 2026Q2 (or another quarter) row by row, with readable ids.</summary>
internal sealed class FactsBuilder(string quarter = "2026Q2")
{
    private readonly List<DepartmentRef> _departments = [];
    private readonly List<CheckFact> _checks = [];
    private readonly List<SurveyQuestionFact> _questions = [];
    private readonly List<SurveyAnswerFact> _answers = [];
    private readonly List<ComplaintFact> _complaints = [];
    private readonly List<CallbackFact> _callbacks = [];
    private int _seq;

    public Quarter Quarter { get; } = Quarter.Parse(quarter);

    /// <summary>The policy.md §6 questions: Q1 weight 0.4 scale 5, Q2 0.3 / 5, Q3 0.3 / 10.</summary>
    public static readonly SurveyQuestionFact[] ExampleQuestions =
        [new("Q1", 0.4m, 5m), new("Q2", 0.3m, 5m), new("Q3", 0.3m, 10m)];

    public FactsBuilder Department(string code, string? name = null)
    {
        _departments.Add(new DepartmentRef(code, name ?? code));
        return this;
    }

    /// <param name="monthOfQuarter">1–3 (the quarter's first to third month); 0 or 4 fall outside.</param>
    public FactsBuilder Self(string dept, int monthOfQuarter, decimal score, string? id = null) =>
        Check(dept, monthOfQuarter, CheckKind.Self, score, id);

    public FactsBuilder Spot(string dept, int monthOfQuarter, decimal score, string? id = null) =>
        Check(dept, monthOfQuarter, CheckKind.Spot, score, id);

    private FactsBuilder Check(string dept, int monthOfQuarter, CheckKind kind, decimal score, string? id)
    {
        _checks.Add(new CheckFact(id ?? $"K-{++_seq}", dept, Quarter.FirstDay.AddMonths(monthOfQuarter - 1), kind, score));
        return this;
    }

    public FactsBuilder Questions(params SurveyQuestionFact[] questions)
    {
        _questions.AddRange(questions);
        return this;
    }

    /// <summary>One questionnaire answering the defined questions in order; a null answer is a question left unanswered.</summary>
    public FactsBuilder Questionnaire(string dept, string responseId, params decimal?[] answers) =>
        Questionnaire(dept, responseId, excluded: false, answers);

    public FactsBuilder Questionnaire(string dept, string responseId, bool excluded, decimal?[] answers,
        string? excludedBy = null, string? excludedReason = null, Quarter? quarter = null)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i] is { } a)
                _answers.Add(new SurveyAnswerFact(responseId, dept, quarter ?? Quarter, _questions[i].Question, a, excluded,
                    excluded ? excludedBy : null, excluded ? excludedReason : null));
        }
        return this;
    }

    public FactsBuilder Answer(SurveyAnswerFact answer)
    {
        _answers.Add(answer);
        return this;
    }

    public FactsBuilder Complaint(string dept, string id, bool valid = true, decimal? direct = null, DateTime? receivedAt = null)
    {
        _complaints.Add(new ComplaintFact(id, dept, receivedAt ?? Quarter.FirstDay.AddDays(10).ToDateTime(new TimeOnly(9, 30)), valid, direct));
        return this;
    }

    public FactsBuilder Callback(string dept, string id, CallbackFinding finding, decimal? deduction = null, DateOnly? calledOn = null)
    {
        _callbacks.Add(new CallbackFact(id, dept, calledOn ?? Quarter.FirstDay.AddDays(20), finding, deduction));
        return this;
    }

    public QuarterFacts Build() =>
        new(Quarter, [.. _departments], [.. _checks], [.. _questions], [.. _answers], [.. _complaints], [.. _callbacks]);
}

internal static class Scoring
{
    public static readonly ScoringPolicy Defaults = PolicyFile.Default.For(Quarter.Parse("2026Q2"));

    public static IReadOnlyList<Assessment> All(FactsBuilder facts, ScoringPolicy? policy = null) =>
        ScoringEngine.Score(facts.Build(), policy ?? Defaults);

    public static Assessment One(FactsBuilder facts, ScoringPolicy? policy = null) => Assert.Single(All(facts, policy));

    public static string Line(Assessment a, string component) => Assert.Single(a.Explanation, l => l.Component == component).Formula;

    /// <summary>A canonical text of assessments (every field, lists included) for equality checks.</summary>
    public static string Canonical(IReadOnlyList<Assessment> assessments) => JsonSerializer.Serialize(assessments);

    /// <summary>A department scoring S = <paramref name="s"/> (one self-check), V = 100 (one full questionnaire), C = 100, K = 0.</summary>
    public static FactsBuilder WithSelfCheck(decimal s) =>
        new FactsBuilder().Department("D").Questions(FactsBuilder.ExampleQuestions).Self("D", 1, s).Questionnaire("D", "R-1", 5, 5, 10);
}
