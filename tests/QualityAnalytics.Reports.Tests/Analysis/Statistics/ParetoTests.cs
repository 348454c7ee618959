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
        var r = Pareto.Analyze([Kv("A", 60), Kv("B", 20), Kv("C", 20)]);
        Assert.Equal(["A", "B"], r.VitalFew);
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
