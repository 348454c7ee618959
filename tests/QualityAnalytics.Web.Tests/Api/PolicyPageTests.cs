using System.Text.Json;
using System.Net;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The policy page shows the policy that scores the quarters: the data folder's policy.json when there is one.
/// Neither the page nor the API tells a browser where that folder is on the server.</summary>
public sealed partial class PolicyPageTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_policy_page_shows_the_policy_json_in_force_not_the_shipped_defaults()
    {
        var file = app.Service<PolicyProvider>().FilePath;
        var json = File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"))
            .Replace("\"version\": \"2013-07\"", "\"version\": \"house-2026\"", StringComparison.Ordinal)
            .Replace("\"budget\": 30000", "\"budget\": 45000", StringComparison.Ordinal);
        Assert.Contains("house-2026", json, StringComparison.Ordinal);
        Assert.Contains("45000", json, StringComparison.Ordinal);
        File.WriteAllText(file, json);
        try
        {
            var committee = await app.SignedIn("committee");
            var page = await committee.GetStringAsync("/policy");
            Assert.Contains("data-policy-version=\"house-2026\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-policy-version=\"2013-07\"", page, StringComparison.Ordinal);
            Assert.Contains("45,000", page, StringComparison.Ordinal);
            Assert.Contains("数据文件夹中的 policy.json", page, StringComparison.Ordinal); // the source line names the file in force
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Neither_the_policy_api_nor_the_page_shows_a_manager_the_servers_folder()
    {
        var file = app.Service<PolicyProvider>().FilePath;
        var folder = Path.GetDirectoryName(file)!;
        File.WriteAllText(file, File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json")));
        try
        {
            var manager = await app.SignedIn("log-manager");
            var api = await manager.GetStringAsync("/api/policy");
            Assert.Equal("file", JsonDocument.Parse(api).RootElement.GetProperty("source").GetString());
            Assert.Equal("policy.json", JsonDocument.Parse(api).RootElement.GetProperty("file").GetString());
            Assert.DoesNotContain(folder, api, StringComparison.Ordinal);
            var page = await manager.GetStringAsync("/policy?lang=en");
            Assert.Contains("Source: policy.json in the data folder", page, StringComparison.Ordinal);
            Assert.DoesNotContain(folder, page, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        var defaults = await (await app.SignedIn("log-manager")).GetStringAsync("/api/policy");
        Assert.Equal("built_in", JsonDocument.Parse(defaults).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task The_policy_api_labels_its_source_in_the_pages_language()
    {
        // `source` was English text ("built-in defaults") whatever the page's language: now a stable code and a label.
        var manager = await app.SignedIn("log-manager");
        var zh = JsonDocument.Parse(await manager.GetStringAsync("/api/policy")).RootElement;
        Assert.Equal("built_in", zh.GetProperty("source").GetString());
        Assert.Equal("内置默认办法", zh.GetProperty("source_label").GetString());
        Assert.Equal("the built-in defaults", JsonDocument.Parse(await manager.GetStringAsync("/api/policy?lang=en")).RootElement.GetProperty("source_label").GetString());

        var file = app.Service<PolicyProvider>().FilePath;
        File.WriteAllText(file, File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json")));
        try
        {
            Assert.Equal("数据文件夹中的 policy.json", JsonDocument.Parse(await manager.GetStringAsync("/api/policy")).RootElement.GetProperty("source_label").GetString());
            Assert.Equal("policy.json in the data folder",
                JsonDocument.Parse(await manager.GetStringAsync("/api/policy?lang=en")).RootElement.GetProperty("source_label").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_policy_page_names_the_built_in_defaults_in_the_pages_language()
    {
        // It said "来源：default-policy.json (embedded)" on the Chinese page.
        var committee = await app.SignedIn("committee");
        var zh = WebUtility.HtmlDecode(await committee.GetStringAsync("/policy"));
        Assert.Contains("来源：内置默认办法", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", zh, StringComparison.Ordinal);
        var en = WebUtility.HtmlDecode(await committee.GetStringAsync("/policy?lang=en"));
        Assert.Contains("Source: the built-in defaults", en, StringComparison.Ordinal);
    }
}
