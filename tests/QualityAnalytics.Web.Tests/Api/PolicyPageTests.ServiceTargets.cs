using System.Net;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Api;

public sealed partial class PolicyPageTests
{
    [Fact]
    public async Task The_policy_page_shows_each_versions_service_targets_in_the_pages_language()
    {
        // A second version from 2026Q2 with other targets; the first has none in the file, so it shows §7's.
        var file = app.Service<PolicyProvider>().FilePath;
        var shipped = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"));
        var start = shipped.IndexOf("{\n      // Unique name", StringComparison.Ordinal);
        var end = shipped.LastIndexOf("\n  ]", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start);
        var version = shipped[start..end];
        var targets = version[version.IndexOf(",\n      // §7", StringComparison.Ordinal)..version.LastIndexOf('}')];
        var old = version.Replace(targets, "\n    ", StringComparison.Ordinal);
        var next = version.Replace("\"version\": \"2013-07\"", "\"version\": \"2026-04\"", StringComparison.Ordinal)
            .Replace("\"effective_from\": \"2013Q3\"", "\"effective_from\": \"2026Q2\"", StringComparison.Ordinal)
            .Replace("\"reply_hours\": 24, \"solution_working_days\": 3, \"satisfaction_target\": 0.85, \"compliance_target\": 1.0",
                "\"reply_hours\": 48, \"solution_working_days\": 5, \"satisfaction_target\": 0.9, \"compliance_target\": 0.95", StringComparison.Ordinal);
        Assert.Contains("\"reply_hours\": 48", next, StringComparison.Ordinal);
        File.WriteAllText(file, shipped[..start] + old + ",\n    " + next + shipped[end..]);
        try
        {
            var committee = await app.SignedIn("committee");
            var zh = WebUtility.HtmlDecode(await committee.GetStringAsync("/policy"));
            Assert.Contains("服务目标（第 7 节，不影响得分）", zh, StringComparison.Ordinal);
            Assert.Contains("投诉 48 小时内回复；收到投诉当日之后第 5 个工作日结束前解决（按国家法定节假日及调休安排）；满意率 ≥ 90%；按时率目标 95%", zh, StringComparison.Ordinal);
            Assert.Contains("投诉 24 小时内回复；收到投诉当日之后第 3 个工作日结束前解决（按国家法定节假日及调休安排）；满意率 ≥ 85%；按时率目标 100%", zh, StringComparison.Ordinal);
            // Newest version first, as the page lists them.
            Assert.True(zh.IndexOf("48 小时", StringComparison.Ordinal) < zh.IndexOf("24 小时", StringComparison.Ordinal));

            var en = WebUtility.HtmlDecode(await committee.GetStringAsync("/policy?lang=en"));
            Assert.Contains("Service targets (§7, no effect on scores)", en, StringComparison.Ordinal);
            Assert.Contains("a complaint replied to within 48 hours; solved by the end of working day 5 after the day of receipt (official calendar with make-up days); satisfaction ≥ 90%; on-time target 95%", en, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
