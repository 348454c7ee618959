using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Tests.Analysis.Statistics;

public sealed class ControlChartTests
{
    private static string[] Labels(int n) => [.. Enumerable.Range(0, n).Select(i => $"m{i}")];

    [Fact]
    public void XmR_limits_from_a_frozen_baseline_match_the_hand_computation()
    {
        // Baseline points 0–8: 10 12 11 13 12 11 10 12 11 → X̄ = 102/9 = 11.3333.
        // Moving ranges inside the baseline: 2 1 2 1 1 1 2 1 → MR̄ = 11/8 = 1.375; σ̂ = 1.375/1.128 = 1.21897.
        // UCL = 11.3333 + 3·1.21897 = 14.9902, LCL = 7.6764; MR chart UCL = 3.267·1.375 = 4.4921.
        // Point 9 (25) is beyond the UCL (rule WE1), and its moving range 14 is beyond the MR limit.
        double[] x = [10, 12, 11, 13, 12, 11, 10, 12, 11, 25];
        var r = XmRChart.Compute(x, Labels(10), ControlBaseline.Frozen(0, 8), RunRules.WesternElectric);
        var p = r.Individuals.Points[0];
        Assert.Equal(11.333333, p.CenterLine, 5);
        Assert.Equal(14.99024, p.Upper!.Value, 4);
        Assert.Equal(7.67643, p.Lower!.Value, 4);
        Assert.Equal(1.375, r.AverageMovingRange!.Value, 12);
        Assert.Equal(4.492125, r.MovingRange.Points[0].Upper!.Value, 5);
        var v = Assert.Single(r.Individuals.Violations);
        Assert.Equal("WE1", v.Rule);
        Assert.Equal([9], v.Points);
        Assert.Equal([9], Assert.Single(r.MovingRange.Violations).Points);
        Assert.False(r.Individuals.Points[9].InBaseline);
    }

    [Fact]
    public void Limits_beyond_the_values_range_stand_at_its_edge_and_the_rules_are_unchanged()
    {
        // Self-check means near the top of 0–100: X̄ = 98.7, MR̄ = 1.0, σ̂ = 0.8865, so X̄ ± 3σ̂ = 96.04 – 101.36.
        double[] x = [98, 99, 98, 99, 100, 99, 98, 99, 98, 99];
        var free = XmRChart.Compute(x, Labels(10), ControlBaseline.Frozen(0, 9), RunRules.WesternElectric);
        var bounded = XmRChart.Compute(x, Labels(10), ControlBaseline.Frozen(0, 9), RunRules.WesternElectric, range: (0, 100));

        Assert.Equal(101.36, free.Individuals.Points[0].Upper!.Value, 2);
        Assert.All(bounded.Individuals.Points, p => Assert.Equal(100, p.Upper));
        Assert.Equal(free.Individuals.Points[0].Lower, bounded.Individuals.Points[0].Lower); // within the range: as it was
        Assert.Equal(free.Individuals.Points[0].Sigma, bounded.Individuals.Points[0].Sigma);
        Assert.Equal(free.Individuals.Violations, bounded.Individuals.Violations);
        // A range below the lower limit's value clips that side too.
        Assert.All(XmRChart.Compute(x, Labels(10), ControlBaseline.Frozen(0, 9), [RunRules.WE1], range: (97, 100)).Individuals.Points,
            p => Assert.Equal(97, p.Lower));
    }

    [Fact]
    public void The_automatic_baseline_drops_an_isolated_outlier_and_recomputes()
    {
        // Same data, automatic: with 25 in, X̄ = 12.7, MR̄ = (11 + 14)/9 = 2.778, UCL = 12.7 + 2.66·2.778 = 20.09 — 25 is out,
        // is dropped (9 of 10 remain), and the limits become those of the frozen case.
        double[] x = [10, 12, 11, 13, 12, 11, 10, 12, 11, 25];
        var r = XmRChart.Compute(x, Labels(10), ControlBaseline.Automatic, RunRules.WesternElectric);
        Assert.Equal([9], r.Individuals.ExcludedFromBaseline);
        Assert.Equal(14.99024, r.Individuals.Points[0].Upper!.Value, 4);
        Assert.Equal([9], Assert.Single(r.Individuals.Violations).Points);
    }

    [Fact]
    public void A_sustained_shift_is_not_dropped_from_the_automatic_baseline()
    {
        // Half the points beyond the limits: fewer than two thirds would remain, so nothing is dropped.
        double[] x = [10, 10.5, 10, 10.5, 20, 20.5, 20, 20.5];
        var r = XmRChart.Compute(x, Labels(8), ControlBaseline.Automatic, RunRules.WesternElectric);
        Assert.Empty(r.Individuals.ExcludedFromBaseline);
    }

    [Fact]
    public void Phases_have_their_own_limits()
    {
        double[] x = [10, 11, 10, 11, 20, 21, 20, 21];
        var r = XmRChart.Compute(x, Labels(8), new ControlBaseline { PhaseStarts = [4] }, RunRules.WesternElectric);
        Assert.Equal(10.5, r.Individuals.Points[0].CenterLine, 12);
        Assert.Equal(20.5, r.Individuals.Points[7].CenterLine, 12);
        Assert.Equal(1, r.Individuals.Points[7].Phase);
        Assert.Empty(r.Individuals.Violations);
        Assert.Equal(6, r.MovingRange.Points.Count); // 3 ranges per phase: none across the change
        Assert.DoesNotContain(r.MovingRange.Points, m => m.Index == 4);
    }

    [Fact]
    public void Zero_variance_collapses_the_limits_onto_the_centre_line()
    {
        var flat = XmRChart.Compute([5, 5, 5, 5], Labels(4), ControlBaseline.Automatic, RunRules.WesternElectric);
        Assert.Equal(5, flat.Individuals.Points[0].Upper);
        Assert.Empty(flat.Individuals.Violations);
        var moved = XmRChart.Compute([5, 5, 5, 5, 6], Labels(5), ControlBaseline.Frozen(0, 3), [RunRules.WE1]);
        Assert.Equal([4], Assert.Single(moved.Individuals.Violations).Points);
    }

    [Fact]
    public void One_point_has_a_centre_line_but_no_limits_and_an_empty_series_has_nothing()
    {
        var one = XmRChart.Compute([97], Labels(1), ControlBaseline.Automatic, RunRules.All);
        Assert.Equal(97, one.Individuals.Points[0].CenterLine);
        Assert.Null(one.Individuals.Points[0].Upper);
        Assert.Empty(one.Individuals.Violations);
        Assert.Empty(one.MovingRange.Points);
        var none = XmRChart.Compute([], [], ControlBaseline.Automatic, RunRules.All);
        Assert.Empty(none.Individuals.Points);
    }

    [Fact]
    public void C_chart_limits_and_the_automatic_exclusion()
    {
        // Baseline 2 3 1 2 2 → c̄ = 2, UCL = 2 + 3√2 = 6.2426, LCL = max(0, 2 − 4.24) = 0; 12 is out.
        double[] c = [2, 3, 1, 2, 2, 12];
        var frozen = AttributeCharts.C(c, Labels(6), ControlBaseline.Frozen(0, 4));
        Assert.Equal(2, frozen.Points[0].CenterLine, 12);
        Assert.Equal(6.242641, frozen.Points[0].Upper!.Value, 5);
        Assert.Equal(0, frozen.Points[0].Lower);
        Assert.Equal([5], Assert.Single(frozen.Violations).Points);
        var auto = AttributeCharts.C(c, Labels(6), ControlBaseline.Automatic);
        Assert.Equal([5], auto.ExcludedFromBaseline);
        Assert.Equal(2, auto.Points[0].CenterLine, 12);
    }

    [Fact]
    public void P_chart_with_its_binomial_limits()
    {
        // Baseline d 1 2 1 of n 10 each: p̄ = 4/30 = 0.13333; σ = √(0.13333·0.86667/10) = 0.107497; UCL = 0.133333 + 0.322490 = 0.455824; LCL 0.
        var p = AttributeCharts.P([1, 2, 1, 8], [10, 10, 10, 10], Labels(4), ControlBaseline.Frozen(0, 2));
        Assert.Equal(0.133333, p.Points[0].CenterLine, 5);
        Assert.Equal(0.455824, p.Points[0].Upper!.Value, 5);
        Assert.Equal(0, p.Points[0].Lower);
        Assert.Equal([3], Assert.Single(p.Violations).Points);
    }

    [Fact]
    public void U_chart_limits_vary_with_the_units()
    {
        // ū = 15/65 = 0.230769; σ for n 20 = √(0.230769/20) = 0.107417, for n 25 = 0.096077.
        var u = AttributeCharts.U([4, 6, 5], [20, 20, 25], Labels(3), ControlBaseline.Automatic);
        Assert.Equal(0.230769, u.Points[0].CenterLine, 5);
        Assert.Equal(0.230769 + 3 * 0.107417, u.Points[0].Upper!.Value, 5);
        Assert.Equal(0.230769 + 3 * 0.096077, u.Points[2].Upper!.Value, 5);
        Assert.Empty(u.Violations);
    }

    [Fact]
    public void A_month_with_no_complaints_never_signals_below_a_zero_limit()
    {
        var c = AttributeCharts.C([0, 0, 0, 1, 0, 0], Labels(6), ControlBaseline.Automatic);
        Assert.Empty(c.Violations);
    }
}
