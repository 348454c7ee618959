using System.Net;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>A department's complaints that missed a service target: the department page's list, exported with the page's
/// slicers, is the analysis's (the report's) list of that department, in the page's words; a manager gets only their own.</summary>
public sealed class LateComplaintsExportTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_export_is_the_analysiss_list_of_the_department_narrowed_by_the_slicers()
    {
        var committee = await app.SignedIn("committee");
        var (department, late) = await MostLate(committee, "2026Q3");
        Assert.True(late.Count > 0, "the demo quarter has complaints that missed a target");

        var csv = Lines(await committee.GetStringAsync($"/api/analysis/2026Q3/departments/{department}/late/export?format=csv"));
        Assert.Equal("投诉编号,时限,投诉渠道,投诉类别,受理时间,应完成,完成时间,状态", csv[0]);
        Assert.Equal(late.Select(l => $"{l.GetProperty("complaintId").GetString()},{(l.GetProperty("target").GetString() == "reply" ? "答复" : "解决")}"),
            csv.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        Assert.All(csv.Skip(1), l => Assert.Contains(l.Split(',')[^1], new[] { "超时完成", "超时未完成" }));
        Assert.Contains(csv.Skip(1), l => l.Split(',')[1] == "解决");
        Assert.All(csv.Skip(1).Where(l => l.Split(',')[1] == "解决"), l => Assert.EndsWith(" 24:00", l.Split(',')[5], StringComparison.Ordinal));

        // The channel slicer narrows it as it narrows the page's numbers.
        var channel = late[0].GetProperty("channel").GetString()!;
        var narrowed = Lines(await committee.GetStringAsync($"/api/analysis/2026Q3/departments/{department}/late/export?format=csv&channel={Uri.EscapeDataString(channel)}"));
        Assert.Equal(late.Count(l => l.GetProperty("channel").GetString() == channel), narrowed.Count - 1);
        Assert.All(narrowed.Skip(1), l => Assert.Equal(channel, l.Split(',')[2]));

        var english = Lines(await committee.GetStringAsync($"/api/analysis/2026Q3/departments/{department}/late/export?format=csv&lang=en"));
        Assert.Equal("Complaint,Target,Channel,Category,Received,Due,Done,Status", english[0]);
    }

    [Fact]
    public async Task A_manager_exports_only_their_own_departments_list()
    {
        var manager = await app.SignedIn("log-manager");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/analysis/2026Q3/departments/STO/late/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/analysis/2026Q3/departments/LOG/late/export?format=csv")).StatusCode);
    }

    private static async Task<(string Department, List<JsonElement> Late)> MostLate(HttpClient client, string quarter)
    {
        var best = ("", new List<JsonElement>());
        foreach (var code in new[] { "BID", "LOG", "MET", "MKT", "ORD", "STO", "WUH" })
        {
            var analysis = JsonDocument.Parse(await client.GetStringAsync($"/api/analysis/{quarter}/departments/{code}")).RootElement.Clone();
            var late = analysis.GetProperty("late").EnumerateArray().ToList();
            if (late.Count > best.Item2.Count) best = (code, late);
        }
        return best;
    }

    private static List<string> Lines(string csv) => csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
}
