using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Tests.Analysis.Statistics;

public sealed class SurveyStatisticsTests
{
    // R's `sleep` data (Student 1908): extra hours of sleep under two drugs, 10 patients each.
    private static readonly double[] Group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] Group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Welch_matches_Rs_t_test_on_the_sleep_data()
    {
        // R: t.test(extra ~ group, data = sleep) → Welch Two Sample t-test: t = -1.8608, df = 17.776, p-value = 0.07939,
        // 95 percent confidence interval -3.3654832 0.2054832, means 0.75 and 2.33. Here the difference is group1 − group2.
        var w = SurveyStatistics.Welch(Group2, Group1);
        Assert.Null(w.Reason);
        Assert.Equal(-1.58, w.Difference!.Value, 10);
        Assert.Equal(-1.8608, w.T!.Value, 4);
        Assert.Equal(17.776, w.DegreesOfFreedom!.Value, 3);
        Assert.Equal(0.07939, w.PValue!.Value, 5);
        Assert.Equal(-3.3654832, w.Lower!.Value, 6);
        Assert.Equal(0.2054832, w.Upper!.Value, 6);
        Assert.False(w.IsSignificant(0.05));
        Assert.True(w.IsSignificant(0.10));
    }

    [Fact]
    public void Mean_interval_matches_Rs_one_sample_t_test()
    {
        // R: t.test(sleep$extra[1:10]) → mean 0.75, 95 percent confidence interval -0.5297804 2.0297804.
        var m = SurveyStatistics.Mean(Group1);
        Assert.Equal(10, m.N);
        Assert.Equal(0.75, m.Mean!.Value, 12);
        Assert.Equal(-0.5297804, m.Lower!.Value, 6);
        Assert.Equal(2.0297804, m.Upper!.Value, 6);
    }

    [Fact]
    public void One_questionnaire_has_a_mean_but_no_interval_and_no_test()
    {
        var m = SurveyStatistics.Mean([4]);
        Assert.Equal(4, m.Mean);
        Assert.Null(m.StandardDeviation);
        Assert.Null(m.Lower);
        var w = SurveyStatistics.Welch([5, 4, 5], [4]);
        Assert.Equal(-2.0 / 3, w.Difference!.Value, 12);
        Assert.Null(w.PValue);
        Assert.Contains("fewer than 2", w.Reason);
    }

    [Fact]
    public void Empty_samples_have_no_mean()
    {
        var m = SurveyStatistics.Mean([]);
        Assert.Equal(0, m.N);
        Assert.Null(m.Mean);
        Assert.Contains("empty", SurveyStatistics.Welch([], [1, 2]).Reason);
    }

    [Fact]
    public void Zero_variance_gives_a_point_interval_and_no_test()
    {
        var m = SurveyStatistics.Mean([5, 5, 5]);
        Assert.Equal(5, m.Lower);
        Assert.Equal(5, m.Upper);
        var w = SurveyStatistics.Welch([5, 5, 5], [4, 4, 4]);
        Assert.Equal(-1, w.Difference);
        Assert.Null(w.T);
        Assert.Contains("zero variance", w.Reason);
    }

    [Fact]
    public void One_sided_p_of_a_positive_mean()
    {
        // Differences 1, 2, 3: mean 2, sd 1, t = 2/(1/√3) = 3.4641 with 2 df; 1 − F(t) = (1 − t/√(t² + 2))/2 = 0.037090.
        Assert.Equal(0.0370900, SurveyStatistics.OneSidedPositiveP([1, 2, 3])!.Value, 6);
        Assert.Null(SurveyStatistics.OneSidedPositiveP([1]));
        Assert.Null(SurveyStatistics.OneSidedPositiveP([2, 2]));
    }
}
