using System.Net;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>Every signed-in page's footer says when its data was last loaded: the last batch the marts took in, in
/// Asia/Shanghai time, opening that batch on the data desk for those who may see it.</summary>
public sealed class DataFreshnessTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private LoadBatch LatestBatch()
    {
        using var db = app.Service<WarehouseDb>().CreateContext();
        return db.LoadBatches.AsNoTracking().OrderByDescending(b => b.Id).First();
    }

    private static async Task<string> Footer(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var start = html.IndexOf("<footer class=\"data-as-of\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no data-as-of footer on " + page);
        return html[start..(html.IndexOf("</footer>", start, StringComparison.Ordinal) + 9)];
    }

    [Fact]
    public async Task Every_page_says_when_its_data_was_last_loaded_and_the_committee_can_open_that_batch()
    {
        var demo = LatestBatch();
        Assert.True(demo.MartsRefreshed);
        var finished = BusinessTime.ToMinute(demo.FinishedAt!.Value);

        var committee = await app.SignedIn("committee");
        foreach (var page in new[] { "/", "/explore", "/rows/complaints", "/reports" })
        {
            var footer = await Footer(committee, page);
            Assert.Contains($"数据更新于 {finished}（第 {demo.Id} 批）", footer, StringComparison.Ordinal);
            Assert.Contains($"href=\"/data?batch={demo.Id}\"", footer, StringComparison.Ordinal);
        }
        Assert.Contains($"Data updated {finished} (batch {demo.Id})", await Footer(committee, "/?lang=en"), StringComparison.Ordinal);

        // A manager reads the time but has no data desk to open.
        var manager = await app.SignedIn("log-manager");
        var managers = await Footer(manager, "/");
        Assert.Contains($"数据更新于 {finished}（第 {demo.Id} 批）", managers, StringComparison.Ordinal);
        Assert.DoesNotContain("/data?batch=", managers, StringComparison.Ordinal);

        // The sign-in page has none.
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await anonymous.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.DoesNotContain("data-as-of", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_load_counts_once_its_marts_are_rebuilt_and_a_failed_one_never()
    {
        var demo = LatestBatch();
        var committee = await app.SignedIn("committee");
        var warehouse = app.Service<WarehouseDb>();
        var later = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai
        LoadBatch Add(string status, bool martsRefreshed)
        {
            using var db = warehouse.CreateContext();
            var batch = new LoadBatch { StartedAt = later.AddMinutes(-1), FinishedAt = later, LoadedBy = "test", Status = status, MartsRefreshed = martsRefreshed };
            db.LoadBatches.Add(batch);
            db.SaveChanges();
            return batch;
        }
        var added = new List<long>();
        try
        {
            added.Add(Add("failed", martsRefreshed: true).Id);
            var committed = Add("succeeded", martsRefreshed: false); // killed between its commit and the marts' rebuild
            added.Add(committed.Id);
            Assert.Contains($"（第 {demo.Id} 批）", await Footer(committee, "/"), StringComparison.Ordinal);

            using (var db = warehouse.CreateContext())
            {
                db.LoadBatches.Where(b => b.Id == committed.Id).ExecuteUpdate(s => s.SetProperty(b => b.MartsRefreshed, true));
            }
            Assert.Contains($"数据更新于 2026-11-28 10:00（第 {committed.Id} 批）", await Footer(committee, "/"), StringComparison.Ordinal);
        }
        finally
        {
            using var db = warehouse.CreateContext();
            db.LoadBatches.Where(b => added.Contains(b.Id)).ExecuteDelete();
        }
    }
}
