using QualityAnalytics.Reports.Analysis;
using QualityAnalytics.Reports.Analysis.Statistics;

namespace QualityAnalytics.Reports.Tests.Analysis;

/// <summary>The company's p chart of complaints answered on time (policy §7's reply target), on a series worked by hand:
/// each month's limits from its own n, a month far below its limits flagged, a month with no decided reply left out.</summary>
public sealed class ReplyChartsTests
{
    private const int Precision = 10;

    /// <summary>Eight months; 2025-03 has no decided reply (n = 0) and 2025-06 answered only 60 of 100 on time.</summary>
    private static readonly IReadOnlyList<MonthlyReplies> Series =
    [
        Month(1, decided: 100, onTime: 90),  // 0.90
        Month(2, decided: 25, onTime: 23),   // 0.92
        Month(3, decided: 0, onTime: 0),     // n = 0: no proportion
        Month(4, decided: 400, onTime: 364), // 0.91
        Month(5, decided: 100, onTime: 88),  // 0.88
        Month(6, decided: 100, onTime: 60),  // 0.60
        Month(7, decided: 100, onTime: 89),  // 0.89
        Month(8, decided: 25, onTime: 21),   // 0.84
    ];

    private static MonthlyReplies Month(int month, int decided, int onTime) => new(new DateOnly(2025, month, 1), decided, decided - onTime);

    [Fact]
    public void Each_months_limits_come_from_its_own_n_around_the_pooled_on_time_share()
    {
        var chart = ReplyCharts.OnTime(Series, AnalysisOptions.Default).Chart!;

        // First pass over the seven drawn months: p = 735/850 = 0.86471; for n = 100, σ = √(0.86471 × 0.13529 / 100) = 0.03420,
        // so the lower limit is 0.86471 − 3 × 0.03420 = 0.76209 and 2025-06 (0.60) lies beyond it. The others lie inside
        // theirs (n = 25: 0.6595–1.0699; n = 400: 0.8134–0.9160; n = 100: 0.7621–0.9673), and 6 of 7 months remain (at
        // least two thirds), so the centre line is estimated again without 2025-06:
        // p = (90 + 23 + 364 + 88 + 89 + 21) / (100 + 25 + 400 + 100 + 100 + 25) = 675 / 750 = 0.9, and p(1 − p) = 0.09.
        //   n = 100: σ = √(0.09 / 100) = 0.03,  limits 0.9 ± 0.09  = 0.81 … 0.99
        //   n = 25:  σ = √(0.09 / 25)  = 0.06,  limits 0.9 ± 0.18  = 0.72 … 1.08, clipped to 1
        //   n = 400: σ = √(0.09 / 400) = 0.015, limits 0.9 ± 0.045 = 0.855 … 0.945
        Assert.Equal(["2025-01", "2025-02", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"], chart.Points.Select(p => p.Label));
        Assert.Equal([4], chart.ExcludedFromBaseline);
        Assert.All(chart.Points, p => Assert.Equal(0.9, p.CenterLine, Precision));
        double[] upper = [0.99, 1, 0.945, 0.99, 0.99, 0.99, 1];
        double[] lower = [0.81, 0.72, 0.855, 0.81, 0.81, 0.81, 0.72];
        double[] values = [0.90, 0.92, 0.91, 0.88, 0.60, 0.89, 0.84];
        for (var i = 0; i < chart.Points.Count; i++)
        {
            Assert.Equal(values[i], chart.Points[i].Value, Precision);
            Assert.Equal(upper[i], chart.Points[i].Upper!.Value, Precision);
            Assert.Equal(lower[i], chart.Points[i].Lower!.Value, Precision);
        }
    }

    [Fact]
    public void A_month_below_its_lower_limit_is_flagged_and_only_that_one()
    {
        var chart = ReplyCharts.OnTime(Series, AnalysisOptions.Default).Chart!;

        // 2025-06: 0.60 < 0.81. Nothing else is outside (see above), and 1.0 is never above a limit clipped to 1.
        var violation = Assert.Single(chart.Violations);
        Assert.Equal(RunRules.WE1, violation.Rule);
        Assert.Equal("2025-06", chart.Points[Assert.Single(violation.Points)].Label);
    }

    [Fact]
    public void A_month_with_no_decided_reply_is_left_out_and_named()
    {
        var onTime = ReplyCharts.OnTime(Series, AnalysisOptions.Default);

        Assert.Equal([new DateOnly(2025, 3, 1)], onTime.MonthsLeftOut);
        Assert.DoesNotContain(onTime.Chart!.Points, p => p.Label == "2025-03");
    }

    [Fact]
    public void With_no_decided_reply_at_all_there_is_no_chart_and_every_month_is_named()
    {
        var onTime = ReplyCharts.OnTime([Month(1, 0, 0), Month(2, 0, 0)], AnalysisOptions.Default);

        Assert.Null(onTime.Chart);
        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1)], onTime.MonthsLeftOut);
    }

    [Fact]
    public void The_late_reply_chart_is_the_mirror_of_the_on_time_one()
    {
        var onTime = ReplyCharts.OnTime(Series, AnalysisOptions.Default).Chart!;
        var late = ReplyCharts.Late(Series, AnalysisOptions.Default)!;

        // Late share 1 − p: centre 0.1, the same σ, so the limits swap: n = 25's upper 1 (clipped) is the late chart's lower 0.
        Assert.Equal(onTime.Points.Select(p => p.Label), late.Points.Select(p => p.Label));
        for (var i = 0; i < late.Points.Count; i++)
        {
            Assert.Equal(1 - onTime.Points[i].Value, late.Points[i].Value, Precision);
            Assert.Equal(1 - onTime.Points[i].CenterLine, late.Points[i].CenterLine, Precision);
            Assert.Equal(1 - onTime.Points[i].Lower!.Value, late.Points[i].Upper!.Value, Precision);
            Assert.Equal(1 - onTime.Points[i].Upper!.Value, late.Points[i].Lower!.Value, Precision);
        }
        Assert.Equal(onTime.Violations.SelectMany(v => v.Points), late.Violations.SelectMany(v => v.Points));
    }
}
