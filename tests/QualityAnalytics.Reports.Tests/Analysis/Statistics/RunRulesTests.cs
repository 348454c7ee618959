using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Tests.Analysis.Statistics;

/// <summary>Each rule on a series in σ units (centre 0, σ 1), built so that exactly the named points break it.</summary>
public sealed class RunRulesTests
{
    private static List<ChartPoint> Z(params double[] z) =>
        [.. z.Select((v, i) => new ChartPoint(i, $"p{i}", v, 0, 3, -3, 1, 0, true))];

    private static RuleViolation Only(string rule, params double[] z) => Assert.Single(RunRules.Check(Z(z), [rule]));

    [Fact]
    public void WE1_one_point_beyond_3_sigma() => Assert.Equal([2], Only(RunRules.WE1, 0, 1, -3.2, 0).Points);

    [Fact]
    public void WE1_exactly_on_the_limit_is_not_beyond() => Assert.Empty(RunRules.Check(Z(0, 3, -3, 0), [RunRules.WE1]));

    [Fact]
    public void WE2_two_of_three_beyond_2_sigma_on_one_side() => Assert.Equal([1, 3], Only(RunRules.WE2, 0, 2.5, 0, 2.2, 0).Points);

    [Fact]
    public void WE2_needs_the_same_side() => Assert.Empty(RunRules.Check(Z(0, 2.5, -2.5, 0), [RunRules.WE2]));

    [Fact]
    public void WE3_four_of_five_beyond_1_sigma_on_one_side() => Assert.Equal([0, 1, 3, 4], Only(RunRules.WE3, -1.5, -1.5, 0, -1.2, -1.1).Points);

    [Fact]
    public void WE4_eight_on_one_side_and_a_ninth_extends_the_same_violation()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Only(RunRules.WE4, -1, .5, .5, .5, .5, .5, .5, .5, .5, -1).Points);
        Assert.Equal(Enumerable.Range(0, 9), Only(RunRules.WE4, .5, .5, .5, .5, .5, .5, .5, .5, .5).Points);
        Assert.Empty(RunRules.Check(Z(.5, .5, .5, .5, .5, .5, .5, -.5), [RunRules.WE4]));
    }

    [Fact]
    public void N3_six_rising() => Assert.Equal([1, 2, 3, 4, 5, 6], Only(RunRules.N3, 0, -1, -.5, 0, .5, 1, 1.5, 1).Points);

    [Fact]
    public void N4_fourteen_alternating() =>
        Assert.Equal(Enumerable.Range(0, 14), Only(RunRules.N4, [.. Enumerable.Range(0, 14).Select(i => i % 2 == 0 ? .5 : -.5)]).Points);

    [Fact]
    public void N7_fifteen_hugging_the_centre() =>
        Assert.Equal(Enumerable.Range(0, 15), Only(RunRules.N7, [.. Enumerable.Range(0, 15).Select(i => i % 3 == 0 ? .2 : -.3)]).Points);

    [Fact]
    public void N8_eight_beyond_1_sigma_on_either_side() =>
        Assert.Equal(Enumerable.Range(0, 8), Only(RunRules.N8, 1.5, -1.5, 1.2, -1.2, 1.5, -1.5, 1.2, -1.2).Points);

    [Fact]
    public void Runs_do_not_span_a_phase_change()
    {
        var points = Z(.5, .5, .5, .5, .5, .5, .5, .5).Select(p => p with { Phase = p.Index < 4 ? 0 : 1 }).ToList();
        Assert.Empty(RunRules.Check(points, [RunRules.WE4]));
    }

    [Fact]
    public void Every_rule_has_a_description() => Assert.All(RunRules.All, r => Assert.False(string.IsNullOrWhiteSpace(RunRules.Describe(r))));

    [Fact]
    public void Each_language_describes_a_rule_in_its_own_words()
    {
        // The Chinese findings once read "WE1 one point beyond the 3σ limits (一点超出控制限)".
        Assert.All(RunRules.All, r => Assert.DoesNotMatch("[A-Za-z]", RunRules.DescribeZh(r)));
        Assert.All(RunRules.All, r => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", RunRules.Describe(r)));
    }
}
