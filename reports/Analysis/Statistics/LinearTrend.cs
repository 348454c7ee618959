using MathNet.Numerics.Distributions;

namespace QualityAnalytics.Reports.Analysis.Statistics;

/// <summary>A value predicted by a fitted line, with its two-sided prediction interval for one new observation
/// (null bounds when the fit has no residual degrees of freedom).</summary>
public sealed record Prediction(double X, double Value, double? Lower, double? Upper, double Confidence);

/// <summary>
/// Ordinary least squares y = a + b·x, with the inference of the textbook simple regression: SE(b) = s/√Sxx,
/// t = b/SE(b), two-sided p from Student's t with n − 2 degrees of freedom, R² = 1 − SSE/SST.
/// What degenerate inputs give (decided here, tested in LinearTrendTests):
/// <list type="bullet">
/// <item>fewer than 2 points, or every x equal: no fit (<see cref="Fit"/> returns null and a reason);</item>
/// <item>exactly 2 points: slope and intercept, but no standard errors, t, p or prediction interval (0 degrees of freedom);</item>
/// <item>a perfect fit (residuals all 0, n ≥ 3): SE 0, so t and p are null (not ±∞ and 0) and the prediction interval is the point;</item>
/// <item>every y equal: slope 0, SE 0, p null, and R² null (SST = 0: the share of variance explained is undefined).</item>
/// </list>
/// </summary>
public sealed record LinearTrend(
    int N,
    double Slope,
    double Intercept,
    double? SlopeStandardError,
    double? InterceptStandardError,
    double? TStatistic,
    double? PValue,
    double? RSquared,
    double? ResidualStandardDeviation,
    int DegreesOfFreedom,
    double MeanX,
    double SumSquaresX)
{
    /// <summary>Fits the line, or returns null with the reason when no line is defined.</summary>
    public static LinearTrend? Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        var n = x.Count;
        if (n == 0) { reason = "no data"; return null; }
        if (n == 1) { reason = "one point: a slope needs at least two"; return null; }
        // Two-pass (centred) sums: accurate for data far from the origin (NIST's Longley-style ill-conditioning).
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) { reason = "every x is the same: no slope"; return null; }
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - (intercept + slope * x[i]);
            sse += r * r;
        }
        var df = n - 2;
        double? rSquared = syy == 0 ? null : Math.Clamp(1 - sse / syy, 0, 1);
        reason = null;
        if (df == 0) return new LinearTrend(n, slope, intercept, null, null, null, null, rSquared, null, 0, mx, sxx);
        // Residuals below rounding noise of the data count as zero: the fit is exact.
        if (sse <= 1e-24 * Math.Max(1, syy)) sse = 0;
        var s = Math.Sqrt(sse / df);
        var seSlope = s / Math.Sqrt(sxx);
        var seIntercept = s * Math.Sqrt(1.0 / n + mx * mx / sxx);
        double? t = seSlope == 0 ? null : slope / seSlope;
        double? p = t is { } tv ? 2 * StudentT.CDF(0, 1, df, -Math.Abs(tv)) : null;
        return new LinearTrend(n, slope, intercept, seSlope, seIntercept, t, p, rSquared, s, df, mx, sxx);
    }

    /// <summary>y at x with the prediction interval for one new observation: ŷ ± t(1−(1−c)/2, n−2) · s · √(1 + 1/n + (x − x̄)²/Sxx).</summary>
    public Prediction Predict(double x, double confidence = 0.95)
    {
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "must lie strictly between 0 and 1");
        var value = Intercept + Slope * x;
        if (ResidualStandardDeviation is not { } s || DegreesOfFreedom < 1) return new Prediction(x, value, null, null, confidence);
        var q = StudentT.InvCDF(0, 1, DegreesOfFreedom, 1 - (1 - confidence) / 2);
        var half = q * s * Math.Sqrt(1 + 1.0 / N + (x - MeanX) * (x - MeanX) / SumSquaresX);
        return new Prediction(x, value, value - half, value + half, confidence);
    }

    /// <summary>Significant at level alpha (p &lt; alpha); false when p is undefined.</summary>
    public bool IsSignificant(double alpha) => PValue is { } p && p < alpha;
}
