using MathNet.Numerics.Distributions;

namespace QualityAnalytics.Reports.Analysis.Statistics;

/// <summary>A sample mean with its two-sided t confidence interval (null bounds below 2 observations).</summary>
public sealed record MeanInterval(int N, double? Mean, double? StandardDeviation, double? Lower, double? Upper, double Confidence);

/// <summary>Welch's unequal-variance t-test of mean(b) − mean(a), with the Welch–Satterthwaite degrees of freedom.
/// Null statistics carry a <see cref="Reason"/>.</summary>
public sealed record WelchTest(double? Difference, double? T, double? DegreesOfFreedom, double? PValue, double? Lower, double? Upper, string? Reason)
{
    public bool IsSignificant(double alpha) => PValue is { } p && p < alpha;
}

/// <summary>Sample statistics for survey answers (and any small sample). Decisions: an empty sample has no mean;
/// one observation has a mean but no SD and no interval; zero variance gives an interval of width 0.</summary>
public static class SurveyStatistics
{
    public static MeanInterval Mean(IReadOnlyList<double> sample, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var n = sample.Count;
        if (n == 0) return new MeanInterval(0, null, null, null, null, confidence);
        var mean = sample.Average();
        if (n == 1) return new MeanInterval(1, mean, null, null, null, confidence);
        var sd = Math.Sqrt(Variance(sample, mean));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - confidence) / 2) * sd / Math.Sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half, confidence);
    }

    /// <summary>Welch's test of b against a (difference = mean b − mean a), two-sided, with a confidence interval of the difference.
    /// Each sample needs 2 observations; when both variances are 0 the statistic is undefined (reason given).</summary>
    public static WelchTest Welch(IReadOnlyList<double> a, IReadOnlyList<double> b, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) return new WelchTest(null, null, null, null, null, null, "a sample is empty");
        var difference = b.Average() - a.Average();
        if (a.Count < 2 || b.Count < 2) return new WelchTest(difference, null, null, null, null, null, "a sample has fewer than 2 observations: no variance");
        var va = Variance(a, a.Average()) / a.Count;
        var vb = Variance(b, b.Average()) / b.Count;
        var se2 = va + vb;
        if (se2 == 0) return new WelchTest(difference, null, null, null, null, null, "both samples have zero variance");
        var se = Math.Sqrt(se2);
        var t = difference / se;
        var df = se2 * se2 / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        var half = StudentT.InvCDF(0, 1, df, 1 - (1 - confidence) / 2) * se;
        return new WelchTest(difference, t, df, p, difference - half, difference + half, null);
    }

    /// <summary>One-sample t-test of mean &gt; 0 (one-sided), used for paired differences. Null below 2 observations or at zero variance.</summary>
    public static double? OneSidedPositiveP(IReadOnlyList<double> sample)
    {
        if (sample.Count < 2) return null;
        var mean = sample.Average();
        var sd = Math.Sqrt(Variance(sample, mean));
        if (sd == 0) return null;
        var t = mean / (sd / Math.Sqrt(sample.Count));
        return 1 - StudentT.CDF(0, 1, sample.Count - 1, t);
    }

    private static double Variance(IReadOnlyList<double> sample, double mean)
    {
        double sum = 0;
        foreach (var v in sample) sum += (v - mean) * (v - mean);
        return sum / (sample.Count - 1);
    }
}
