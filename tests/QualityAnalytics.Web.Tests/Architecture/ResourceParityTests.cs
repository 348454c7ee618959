using System.Xml.Linq;

namespace QualityAnalytics.Web.Tests.Architecture;

/// <summary>Chinese first, English on request: every string exists in both languages. A key missing from one file
/// would show the key itself (the pages, the API's messages) or fall back to the other language (the report).</summary>
public sealed class ResourceParityTests
{
    [Theory]
    [InlineData("web/Resources/SharedResource.zh-CN.resx", "web/Resources/SharedResource.en.resx")]
    [InlineData("reports/Resources/ReportText.resx", "reports/Resources/ReportText.en.resx")]
    [InlineData("reports/Resources/FindingsText.resx", "reports/Resources/FindingsText.en.resx")]
    [InlineData("warehouse/Scoring/ScoreText.resx", "warehouse/Scoring/ScoreText.en.resx")]
    [InlineData("warehouse/Scoring/PolicyText.resx", "warehouse/Scoring/PolicyText.en.resx")]
    [InlineData("warehouse/Semantic/SemanticText.resx", "warehouse/Semantic/SemanticText.en.resx")]
    public void Both_languages_have_every_string(string chinese, string english)
    {
        var zh = Strings(chinese);
        var en = Strings(english);

        Assert.Empty(zh.Keys.Except(en.Keys).Select(k => $"{k}: only in {chinese}"));
        Assert.Empty(en.Keys.Except(zh.Keys).Select(k => $"{k}: only in {english}"));
        Assert.Empty(zh.Concat(en).Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"{s.Key}: empty"));
    }

    /// <summary>The policy's own words, one term for one thing: 《服务质量管理办法》 says 等次 (grade) and 奖惩 (reward and
    /// penalty), which the dashboard used while the report and the explanations said 等级 and 奖罚, so a committee member
    /// read two names for the same column.</summary>
    [Theory]
    [InlineData("web/Resources/SharedResource.zh-CN.resx")]
    [InlineData("reports/Resources/ReportText.resx")]
    [InlineData("reports/Resources/FindingsText.resx")]
    [InlineData("warehouse/Scoring/ScoreText.resx")]
    [InlineData("warehouse/Scoring/PolicyText.resx")]
    [InlineData("warehouse/Semantic/SemanticText.resx")]
    public void Chinese_text_uses_the_policys_terms(string chinese)
    {
        string[] notThePolicys = ["等级", "奖罚"];
        Assert.Empty(Strings(chinese).Where(s => notThePolicys.Any(w => s.Value.Contains(w, StringComparison.Ordinal))).Select(s => $"{s.Key}: {s.Value}"));
    }

    /// <summary>The policy says 「投诉应在24小时内给出回复」: 回复, while the dashboard mixed in 答复 (24小时答复率, 时限
    /// 答复) for the same thing. The report's resources (reports/) are not listed here: the PDF's wording is changed on
    /// its own.</summary>
    [Theory]
    [InlineData("web/Resources/SharedResource.zh-CN.resx")]
    [InlineData("warehouse/Scoring/ScoreText.resx")]
    [InlineData("warehouse/Scoring/PolicyText.resx")]
    [InlineData("warehouse/Semantic/SemanticText.resx")]
    public void Chinese_text_names_a_reply_as_the_policy_does(string chinese) =>
        Assert.Empty(Strings(chinese).Where(s => s.Value.Contains("答复", StringComparison.Ordinal)).Select(s => $"{s.Key}: {s.Value}"));

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(Path.Combine(LayeringTests.RepositoryRoot(), file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");
}
