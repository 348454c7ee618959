using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Tests.Analysis.Statistics;

public sealed class LinearTrendTests
{
    // NIST StRD, linear least squares, Norris (lower difficulty): 36 observations, certified values to 15 digits.
    // https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml
    private static readonly double[] NorrisY =
    [
        0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1, 668.8, 339.3, 448.9, 10.8,
        557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6, 228.9, 668.4, 449.2, 0.2,
    ];

    private static readonly double[] NorrisX =
    [
        0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5, 666.9, 338.0, 447.5, 11.6,
        556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3, 229.2, 669.1, 448.9, 0.5,
    ];

    private static void Close(double expected, double? actual, double relative)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual!.Value - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R} (relative tolerance {relative})");
    }

    [Fact]
    public void Norris_matches_the_certified_values_to_nine_significant_digits()
    {
        var fit = LinearTrend.Fit(NorrisX, NorrisY, out var reason);
        Assert.Null(reason);
        Assert.NotNull(fit);
        Close(1.00211681802045, fit!.Slope, 1e-9);
        Close(-0.262323073774029, fit.Intercept, 1e-9);
        Close(0.429796848199937E-03, fit.SlopeStandardError, 1e-9);
        Close(0.232818234301152, fit.InterceptStandardError, 1e-9);
        Close(0.884796396144373, fit.ResidualStandardDeviation, 1e-9);
        Close(0.999993745883712, fit.RSquared, 1e-12);
        Assert.Equal(34, fit.DegreesOfFreedom);
        Assert.True(fit.PValue < 1e-12);
    }

    [Fact]
    public void A_small_worked_example_gives_the_hand_computed_p_value_and_prediction_interval()
    {
        // x 1..5, y 2 4 5 4 5: x̄ 3, ȳ 4, Sxx 10, Sxy 6 → slope 0.6, intercept 2.2; SSE 2.4, s² = 2.4/3 = 0.8;
        // SE(b) = √0.8/√10 = 0.28284, t = 2.12132. Student t with 3 df has the closed form
        // F(t) = 1/2 + (1/π)[(t/√3)/(1 + t²/3) + atan(t/√3)], so p = 2(1 − F(2.12132)) = 0.124027.
        // Prediction at x = 6: 5.8 ± t(0.975, 3) · s · √(1 + 1/5 + 9/10) = 5.8 ± 3.182446 · 0.894427 · 1.449138 = 5.8 ± 4.124922.
        var fit = LinearTrend.Fit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], out _)!;
        Close(0.6, fit.Slope, 1e-12);
        Close(2.2, fit.Intercept, 1e-12);
        Close(2.1213203435596424, fit.TStatistic, 1e-10);
        Close(0.12402706265755459, fit.PValue, 1e-8);
        Close(0.6, fit.RSquared, 1e-12);
        var p = fit.Predict(6);
        Close(5.8, p.Value, 1e-12);
        Close(5.8 - 4.12492185823069, p.Lower, 1e-8);
        Close(5.8 + 4.12492185823069, p.Upper, 1e-8);
        Assert.False(fit.IsSignificant(0.05));
    }

    [Fact]
    public void No_data_and_one_point_give_no_fit_with_a_reason()
    {
        Assert.Null(LinearTrend.Fit([], [], out var none));
        Assert.Equal("no data", none);
        Assert.Null(LinearTrend.Fit([20262], [95.5], out var one));
        Assert.Contains("one point", one);
    }

    [Fact]
    public void Every_x_equal_gives_no_fit()
    {
        Assert.Null(LinearTrend.Fit([3, 3, 3], [1, 2, 3], out var reason));
        Assert.Contains("every x", reason);
    }

    [Fact]
    public void Two_points_give_a_line_but_no_inference()
    {
        var fit = LinearTrend.Fit([0, 1], [90, 92], out _)!;
        Assert.Equal(2, fit.Slope, 12);
        Assert.Equal(0, fit.DegreesOfFreedom);
        Assert.Null(fit.SlopeStandardError);
        Assert.Null(fit.PValue);
        var p = fit.Predict(2);
        Assert.Equal(94, p.Value, 12);
        Assert.Null(p.Lower);
        Assert.Null(p.Upper);
    }

    [Fact]
    public void Zero_variance_gives_slope_zero_se_zero_and_no_p_or_r_squared()
    {
        var fit = LinearTrend.Fit([0, 1, 2, 3], [100, 100, 100, 100], out _)!;
        Assert.Equal(0, fit.Slope);
        Assert.Equal(0, fit.SlopeStandardError);
        Assert.Null(fit.TStatistic);
        Assert.Null(fit.PValue);
        Assert.Null(fit.RSquared);
        Assert.False(fit.IsSignificant(0.05));
        var p = fit.Predict(4);
        Assert.Equal(100, p.Value, 12);
        Assert.Equal(100, p.Lower!.Value, 12);
    }

    [Fact]
    public void A_perfect_line_has_se_zero_and_no_p_value()
    {
        var fit = LinearTrend.Fit([0, 1, 2, 3, 4], [98, 96.5, 95, 93.5, 92], out _)!;
        Assert.Equal(-1.5, fit.Slope, 12);
        Assert.Equal(0, fit.SlopeStandardError);
        Assert.Null(fit.PValue);
        Assert.Equal(1, fit.RSquared!.Value, 12);
    }

    [Fact]
    public void Mismatched_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => LinearTrend.Fit([1, 2], [1], out _));
}
