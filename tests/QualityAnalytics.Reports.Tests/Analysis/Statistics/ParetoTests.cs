using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Tests.Analysis.Statistics;

public sealed class ParetoTests
{
    private static KeyValuePair<string, decimal> Kv(string k, decimal v) => new(k, v);

    [Fact]
    public void The_vital_few_are_the_categories_needed_to_reach_80_percent()
    {
        // 50 20 15 10 5 of 100: cumulative 50, 70, 85 → A, B and C (C crosses 80%); D and E are the useful many.
        var r = Pareto.Analyze([Kv("E", 5), Kv("A", 30), Kv("B", 20), Kv("C", 15), Kv("D", 10), Kv("A", 20)]);
        Assert.Equal(100, r.Total);
        Assert.Equal(["A", "B", "C", "D", "E"], r.Items.Select(i => i.Category));
        Assert.Equal(["A", "B", "C"], r.VitalFew);
        Assert.Equal(0.85, r.Items[2].CumulativeShare, 12);
        Assert.Equal("A", r.Leader!.Category);
    }

    [Fact]
    public void Exactly_80_percent_stops_there()
    {
        // 60 20 15 5: B brings the cumulative share to exactly 80%, so C (before it: 80%, not below) is not needed.
        var r = Pareto.Analyze([Kv("A", 60), Kv("B", 20), Kv("C", 15), Kv("D", 5)]);
        Assert.Equal(["A", "B"], r.VitalFew);
    }

    [Fact]
    public void A_category_tied_with_the_last_vital_one_is_vital_too()
    {
        // 7 2 2 2 1 of 14, cumulative 50%, 64.3%, 78.6%, 92.9%: 计量误差 crosses 80% with 2; 配送延误 has the same 2 and only
        // its name put it after: it is as vital as the other two. 其他 is not needed.
        var r = Pareto.Analyze([Kv("响应不及时", 7), Kv("单据差错", 2), Kv("计量误差", 2), Kv("配送延误", 2), Kv("其他", 1)]);
        Assert.Equal(["响应不及时", "单据差错", "计量误差", "配送延误"], r.VitalFew);
        Assert.False(r.Spread);
        Assert.Equal(9.0 / 14, r.Items[1].CumulativeShare, 12);
        // A tie below the cut stays out: 60 20 10 10, B reaches exactly 80%.
        Assert.Equal(["A", "B"], Pareto.Analyze([Kv("A", 60), Kv("B", 20), Kv("C", 10), Kv("D", 10)]).VitalFew);
        // A tie straddling exactly 80%: 65 15 15 5 → B reaches 80%; C ties with it; D is not needed.
        Assert.Equal(["A", "B", "C"], Pareto.Analyze([Kv("A", 65), Kv("B", 15), Kv("C", 15), Kv("D", 5)]).VitalFew);
    }

    [Fact]
    public void When_every_category_would_be_vital_none_is_and_the_causes_are_spread()
    {
        // The demo's 2026Q2: 7 2 2 2 of 13. 计量误差 crosses 80% and 配送延误 ties with it: the tie rule makes all four
        // "vital", which singles out nothing.
        var r = Pareto.Analyze([Kv("响应不及时", 7), Kv("单据差错", 2), Kv("计量误差", 2), Kv("配送延误", 2)]);
        Assert.True(r.Spread);
        Assert.Empty(r.VitalFew);
        Assert.Equal("响应不及时", r.Leader!.Category); // still the largest, not a vital one
        Assert.False(r.Leader.VitalFew);
        Assert.Equal(9.0 / 13, r.Items[1].CumulativeShare, 12); // the shares stay
        // Without a tie too: 60 20 20, and any two categories where the first has less than 80%.
        Assert.True(Pareto.Analyze([Kv("A", 60), Kv("B", 20), Kv("C", 20)]).Spread);
        Assert.True(Pareto.Analyze([Kv("A", 5), Kv("B", 4)]).Spread);
        // A category of 0 is never vital, so it does not keep the others from being all of them.
        Assert.True(Pareto.Analyze([Kv("A", 3), Kv("B", 3), Kv("C", 0)]).Spread);
        // One category, or one that reaches 80% alone, is a vital few.
        Assert.False(Pareto.Analyze([Kv("A", 3)]).Spread);
        Assert.Equal(["A"], Pareto.Analyze([Kv("A", 9), Kv("B", 1)]).VitalFew);
    }

    [Fact]
    public void Ties_order_by_name_and_a_single_category_is_the_whole_vital_few()
    {
        Assert.Equal(["a", "b"], Pareto.Analyze([Kv("b", 1), Kv("a", 1)]).Items.Select(i => i.Category));
        Assert.Equal(["响应不及时"], Pareto.Analyze([Kv("响应不及时", 3)]).VitalFew);
    }

    [Fact]
    public void No_complaints_and_no_deductions_have_no_vital_few()
    {
        var empty = Pareto.Analyze([]);
        Assert.Empty(empty.Items);
        Assert.Null(empty.Leader);
        var zero = Pareto.Analyze([Kv("A", 0), Kv("B", 0)]);
        Assert.Empty(zero.VitalFew);
        Assert.Equal(0, zero.Items[0].Share);
    }
}
