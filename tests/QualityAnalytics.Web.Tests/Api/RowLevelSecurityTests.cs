using System.Net;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>A department manager cannot reach another department's rows by any route: the query API, drill-down,
/// exports, assessments, explanations, notes, upload results. Each route is asked both ways.</summary>
public sealed class RowLevelSecurityTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<string> Departments(JsonElement query, int column = 0) => query.GetProperty("rows").EnumerateArray().Select(r => r[column].GetString()!).Distinct();

    [Fact]
    public async Task The_query_api_gives_a_manager_only_their_department()
    {
        var manager = await app.SignedIn("log-manager");
        var all = await Json(await manager.GetAsync("/api/query?measures=total,amount&dimensions=department"));
        Assert.Equal(["LOG"], Departments(all));

        var asked = await Json(await manager.GetAsync("/api/query?measures=complaints&dimensions=department,quarter&department=STO,WUH"));
        Assert.Empty(asked.GetProperty("rows").EnumerateArray());

        var committee = await app.SignedIn("committee");
        Assert.Equal(7, Departments(await Json(await committee.GetAsync("/api/query?measures=total&dimensions=department"))).Count());
    }

    [Theory]
    [InlineData("complaints")]
    [InlineData("checks")]
    [InlineData("surveys")]
    [InlineData("callbacks")]
    [InlineData("deductions")]
    public async Task Drill_down_rows_and_their_exports_hold_only_the_managers_department(string kind)
    {
        var manager = await app.SignedIn("log-manager");
        var page = await Json(await manager.GetAsync($"/api/rows/{kind}?page_size=500"));
        Assert.True(page.GetProperty("total").GetInt64() > 0);
        Assert.All(page.GetProperty("rows").EnumerateArray(), r => Assert.Equal("LOG", r[1].GetString()));
        var other = await Json(await manager.GetAsync($"/api/rows/{kind}?department=STO"));
        Assert.Equal(0, other.GetProperty("total").GetInt64());

        var csv = await manager.GetByteArrayAsync($"/api/rows/{kind}/export?format=csv");
        var lines = Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(page.GetProperty("total").GetInt64(), lines.Count);
        Assert.All(lines, l => Assert.Equal("LOG", l.Split(',')[1]));
    }

    [Fact]
    public async Task Query_exports_hold_only_the_managers_department()
    {
        var manager = await app.SignedIn("log-manager");
        var csv = Encoding.UTF8.GetString(await manager.GetByteArrayAsync("/api/query/export?format=csv&measures=complaints&dimensions=department"));
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.All(rows, r => Assert.StartsWith("LOG,", r));
        var xlsx = await manager.GetAsync("/api/query/export?format=xlsx&measures=complaints&dimensions=department");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Assessments_and_explanations_of_other_departments_are_not_found_for_a_manager()
    {
        var manager = await app.SignedIn("log-manager");
        var quarter = await Json(await manager.GetAsync("/api/assessments/2026Q2"));
        Assert.Equal(["LOG"], quarter.GetProperty("assessments").EnumerateArray().Select(a => a.GetProperty("department").GetString()));
        Assert.Equal(JsonValueKind.Null, quarter.GetProperty("budget").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/assessments/2026Q2/STO/explain")).StatusCode);
        var own = await Json(await manager.GetAsync("/api/assessments/2026Q2/LOG/explain"));
        Assert.Equal(88.20m, own.GetProperty("assessment").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Upload_results_batches_and_quarantine_are_closed_to_managers_and_viewers()
    {
        foreach (var user in new[] { "log-manager", "viewer" })
        {
            var client = await app.SignedIn(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/data/batches")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/data/batches/1/quarantine?format=csv")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/data/batches/1/files")).StatusCode);
        }
        var wg = await app.SignedIn("wg");
        var quarantine = await Json(await wg.GetAsync("/api/data/batches/1/quarantine"));
        Assert.Equal(8, quarantine.GetArrayLength());
    }

    [Fact]
    public async Task The_category_slicer_offers_a_manager_only_their_departments_categories()
    {
        using var own = new DashboardFactory(); // writes: a warehouse of its own
        var wg = await own.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await DashboardFactory.Token(wg, "/"));
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("complaint_id,department,received_at,channel,valid,category,description\n" +
            "RLS-STO-1,STO,2026-05-06 10:00,电话,Y,仅储运中心的类别,只涉及储运中心\n")), "files", "complaints_rls.csv");
        await Json(await wg.PostAsync("/api/data/uploads", form));

        Assert.Contains("仅储运中心的类别", (await Json(await wg.GetAsync("/api/options/category"))).EnumerateArray().Select(c => c.GetString()));
        var manager = await own.SignedIn("log-manager");
        var categories = (await Json(await manager.GetAsync("/api/options/category"))).EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.NotEmpty(categories);
        Assert.DoesNotContain("仅储运中心的类别", categories);
    }

    [Fact]
    public async Task The_departments_list_for_the_slicer_is_scoped_too()
    {
        var manager = await app.SignedIn("log-manager");
        var list = await Json(await manager.GetAsync("/api/departments"));
        Assert.Equal(["LOG"], list.EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }
}
