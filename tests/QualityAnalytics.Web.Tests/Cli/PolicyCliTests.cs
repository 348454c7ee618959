using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>A broken policy file stops `qa` with every problem listed (exit 2), in the verb's language: the report's
/// --lang (Chinese by default) for `qa report`, English for the verbs whose whole output is English.</summary>
public sealed class PolicyCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public void Dispose() => _qa.Dispose();

    /// <summary>Writes bad.json with two problems; returns its full path, which the messages name.</summary>
    private string WriteBadPolicy() => _qa.Write("bad.json",
        File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"))
            .Replace("\"pass_at\": 95", "\"pass_at\": \"95\"", StringComparison.Ordinal)
            .Replace("\"missing_data\": \"rescale\"", "\"missing_data\": \"drop\"", StringComparison.Ordinal));

    [Fact]
    public void Report_tells_a_broken_policy_in_Chinese_by_default()
    {
        var file = WriteBadPolicy();
        var (exit, _, error) = _qa.Run("report", "--quarter", "2026Q2", "--policy", "bad.json");
        Assert.Equal(2, exit);
        Assert.Contains($"qa: 考核办法文件“{file}”有 2 处问题：", error, StringComparison.Ordinal);
        Assert.Contains($"{file}：versions[0].pass_at：应为数字，实为字符串", error, StringComparison.Ordinal);
        Assert.Contains($"{file}：versions[0].missing_data：“drop”不是 \"rescale\"、\"zero\"、\"withhold\" 之一", error, StringComparison.Ordinal);
        Assert.DoesNotContain("expected", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_in_English_tells_a_broken_policy_in_English()
    {
        var file = WriteBadPolicy();
        var (exit, _, error) = _qa.Run("report", "--quarter", "2026Q2", "--policy", "bad.json", "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Contains($"qa: Policy '{file}' is invalid (2 problems):", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: versions[0].pass_at: expected a number, found String", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: versions[0].missing_data: 'drop' is not one of \"rescale\", \"zero\", \"withhold\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_tells_a_policy_that_is_not_JSON_by_line_and_column_in_English_like_the_rest_of_its_output()
    {
        var file = _qa.Write("bad.json", "{\n  \"versions\": [ oops ]\n}\n");
        var (exit, _, error) = _qa.Run("score", "--quarter", "2026Q2", "--policy", "bad.json");
        Assert.Equal(2, exit);
        Assert.Equal($"qa: Policy '{file}' is invalid (1 problem):" + Environment.NewLine + $"  {file}: (file): not valid JSON at line 2, column 17" + Environment.NewLine, error);
    }

    [Fact]
    public void Score_lists_a_misspelt_missing_data_a_weight_sum_of_1_1_and_tiers_out_of_order_in_one_pass()
    {
        var file = _qa.Write("bad.json",
            File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"))
                .Replace("\"missing_data\": \"rescale\"", "\"missing_data\": \"rescal\"", StringComparison.Ordinal)
                .Replace("\"self_check\": 0.40", "\"self_check\": 0.50", StringComparison.Ordinal)
                .Replace("{ \"up_to\": 5, \"penalty\": 2 }", "{ \"up_to\": 2, \"penalty\": 2 }", StringComparison.Ordinal));
        var (exit, _, error) = _qa.Run("score", "--quarter", "2026Q2", "--policy", "bad.json");
        Assert.Equal(2, exit);
        Assert.Contains($"qa: Policy '{file}' is invalid (3 problems):", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: versions[0].missing_data: 'rescal' is not one of \"rescale\", \"zero\", \"withhold\"", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: versions[0].weights: self_check + survey + complaint = 1.1, must be exactly 1", error, StringComparison.Ordinal);
        Assert.Contains($"{file}: versions[0].consistency_tiers[2].up_to: 2 is not above the previous tier's 3; tiers must ascend", error, StringComparison.Ordinal);
    }
}
