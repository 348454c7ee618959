using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa analyze` end to end on the demo warehouse, whose generator plants exactly three patterns: WUH declines every
/// quarter, ORD's self-check of 2026-05 is out of control (80 against ~97), and 响应不及时 is over half of all complaints.
/// The analysis must find exactly those, each as the headline finding of its kind.</summary>
public sealed class AnalyzeCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void The_demo_analysis_finds_the_planted_decline_out_of_control_month_and_dominant_category()
    {
        var demo = _qa.Run("demo");
        Assert.True(demo.Exit == 0, demo.Out + demo.Error);
        var (exit, output, error) = _qa.Run("analyze", "--quarter", "2026Q2", "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2026Q2", root.GetProperty("quarter").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        List<JsonElement> Of(string kind) => [.. findings.Where(f => f.GetProperty("kind").GetString() == kind)];

        // The decline: WUH, and no other department, is significantly declining.
        var trend = Assert.Single(Of("trend_declining"));
        Assert.Equal("WUH", trend.GetProperty("department_code").GetString());
        Assert.Contains("total", trend.GetProperty("points").EnumerateArray().Select(p => p.GetString()));
        var wuhTotal = root.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("department_code").GetString() == "WUH")
            .GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "total");
        Assert.Equal("declining", wuhTotal.GetProperty("direction").GetString());
        Assert.True(wuhTotal.GetProperty("fit").GetProperty("p_value").GetDouble() < 0.05);

        // The out-of-control month: the headline control signal is ORD's self-check of 2026-05, beyond the 3σ limits.
        var control = Of("control_signal");
        Assert.NotEmpty(control);
        var headline = control[0];
        Assert.Equal("ORD", headline.GetProperty("department_code").GetString());
        Assert.Equal(["2026-05"], headline.GetProperty("points").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("WE1", headline.GetProperty("parameters").GetProperty("rule").GetString());
        Assert.DoesNotContain(control.Skip(1), f => f.GetProperty("department_code").GetString() == "ORD");

        // The dominant category: 响应不及时 leads the quarter's Pareto and is the only Pareto finding. Its 7 2 2 2 need
        // every category for 80% (a tie at the cut), so none is marked vital and the causes are said to be spread.
        var pareto = Assert.Single(Of("pareto_vital_few"));
        Assert.Equal(["响应不及时"], pareto.GetProperty("points").EnumerateArray().Select(p => p.GetString()));
        var byCount = root.GetProperty("pareto").GetProperty("by_count");
        Assert.True(byCount.GetProperty("spread").GetBoolean());
        Assert.Equal("true", pareto.GetProperty("parameters").GetProperty("spread").GetString());
        var leader = byCount.GetProperty("items")[0];
        Assert.Equal("响应不及时", leader.GetProperty("category").GetString());
        Assert.False(leader.GetProperty("vital_few").GetBoolean());
        Assert.True(leader.GetProperty("share").GetDouble() > 0.4);

        // Findings are ranked 1..n by severity.
        Assert.Equal(Enumerable.Range(1, findings.Count), findings.Select(f => f.GetProperty("rank").GetInt32()));
        var severities = findings.Select(f => f.GetProperty("severity").GetDouble()).ToList();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
    }

    [Fact]
    public void The_text_summary_is_Chinese_first_and_names_the_problems()
    {
        _qa.Run("demo");
        var (exit, output, error) = _qa.Run("analyze", "--quarter", "2026Q2");
        Assert.True(exit == 0, error);
        Assert.Contains("一、存在的问题", output);
        Assert.Contains("武汉业务部质量持续下滑", output);
        // Its evidence one clause per line under it: the total's trend first.
        var lines = output.Split(Environment.NewLine);
        var decline = Array.FindIndex(lines, l => l.Contains("武汉业务部质量持续下滑", StringComparison.Ordinal));
        Assert.StartsWith("      - 总分每季度下降", lines[decline + 1], StringComparison.Ordinal);
        Assert.StartsWith("      - 自查考核每季度", lines[decline + 2], StringComparison.Ordinal);
        Assert.Contains("订单处理中心月度自查得分失控（2026 年 5 月）", output);
        Assert.Contains("投诉主要原因：响应不及时", output);
        Assert.Contains("满意率 = (满意 + 基本满意) / 已回访", output);
    }

    [Fact]
    public void A_rising_complaint_count_is_called_worse_not_a_fall()
    {
        // The demo's WUH gets more valid complaints every quarter (slope > 0): "declining" in quality, which the text
        // once wrote 显著下滑 (a fall) beside a rising value. It says 显著变差, the PDF's word.
        _qa.Run("demo");
        var (exit, output, error) = _qa.Run("analyze", "--quarter", "2026Q2");
        Assert.True(exit == 0, error);
        Assert.Matches(@"有效投诉数 显著变差 \(斜率 [0-9]", output);
        Assert.DoesNotContain("显著下滑", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_pareto_stars_nothing_and_says_the_causes_are_spread_as_the_json_does()
    {
        // 2026Q2's 7 2 2 2: the JSON has by_count.spread and no vital_few; the text says so and stars no line.
        _qa.Run("demo");
        var (exit, output, error) = _qa.Run("analyze", "--quarter", "2026Q2");
        Assert.True(exit == 0, error);
        var lines = output.Split(Environment.NewLine);
        var start = Array.FindIndex(lines, l => l.StartsWith("四、投诉原因帕累托", StringComparison.Ordinal));
        var section = lines.Skip(start + 1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(5, section.Count);
        Assert.DoesNotContain(section, l => l.Contains('★'));
        Assert.Equal("  原因分散: 累计 80.0% 需要全部 4 类原因, 无关键少数 (causes spread: no vital few)", section[^1]);
        Assert.Contains("原因分散：累计 80.0% 需要全部 4 类原因，无关键少数", output[..output.IndexOf("二、趋势", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--quarter", "2026Q5")]
    [InlineData("--quarter", "2026Q2", "--alpha", "1.5")]
    [InlineData("--quarter", "2026Q2", "--history", "0")]
    [InlineData("--quarter", "2026Q2", "--format", "xml")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (exit, _, error) = _qa.Run(["analyze", .. args]);
        Assert.Equal(2, exit);
        Assert.StartsWith("qa:", error);
    }

    [Fact]
    public void An_empty_warehouse_analyses_without_failing()
    {
        var (exit, output, error) = _qa.Run("analyze", "--quarter", "2026Q2", "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("findings").EnumerateArray());
    }
}
