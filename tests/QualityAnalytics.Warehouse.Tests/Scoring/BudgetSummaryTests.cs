using Xunit;
using QualityAnalytics.Warehouse.Scoring;
using static QualityAnalytics.Warehouse.Tests.Scoring.Scoring;

namespace QualityAnalytics.Warehouse.Tests.Scoring;

public sealed class BudgetSummaryTests
{
    private static IReadOnlyList<Assessment> Quarter() => All(new FactsBuilder()
        .Department("E").Department("F").Department("P").Department("W").Department("X")
        .Questions(FactsBuilder.ExampleQuestions)
        .Self("E", 1, 99).Questionnaire("E", "R-E", 5, 5, 10)       // T 99.60 → +9200
        .Self("F", 1, 75).Questionnaire("F", "R-F", 5, 5, 10)       // T 90 → −5000
        .Self("P", 1, 87.5m).Questionnaire("P", "R-P", 5, 5, 10)    // T 95 → 0
        .Self("X", 1, 87.53m).Questionnaire("X", "R-X", 5, 5, 10)); // T 95.01 → +20; W withheld

    [Fact]
    public void Rewards_come_out_of_the_budget_penalties_are_reported_beside_it()
    {
        var assessments = Quarter();
        Assert.Equal([9200m, -5000m, 0m, 0m, 20m], assessments.Select(a => a.Amount));
        var b = BudgetSummary.Of(assessments, Defaults);
        Assert.Equal(new BudgetSummary(30000m, 9220m, 5000m, 4220m, 20780m, false), b);
    }

    [Fact]
    public void Rewards_above_the_budget_are_flagged()
    {
        var b = BudgetSummary.Of(Quarter(), Defaults with { Budget = 9000m });
        Assert.Equal(-220m, b.Remaining);
        Assert.True(b.OverBudget);
    }

    [Fact]
    public void No_assessments_leave_the_whole_budget()
    {
        Assert.Equal(new BudgetSummary(30000m, 0, 0, 0, 30000m, false), BudgetSummary.Of([], Defaults));
    }
}
