using System.Net;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The complaints that missed a service target: the pages' list, exported with the pages' slicers, is the
/// analysis's (the report's) list, in the page's words; a manager gets only their own department's.</summary>
public sealed class LateComplaintsExportTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_export_is_the_analysiss_list_of_the_department_narrowed_by_the_slicers()
    {
        var committee = await app.SignedIn("committee");
        var (department, late) = await MostLate(committee, "2026Q3");
        Assert.True(late.Count > 0, "the demo quarter has complaints that missed a target");

        var csv = Lines(await committee.GetStringAsync($"/api/analysis/2026Q3/late/export?format=csv&department={department}"));
        Assert.Equal("投诉编号,部门,时限,投诉渠道,投诉类别,受理时间,应完成,完成时间,状态", csv[0]);
        Assert.Equal(late.Select(l => $"{l.GetProperty("complaintId").GetString()},{(l.GetProperty("target").GetString() == "reply" ? "回复" : "解决")}"),
            csv.Skip(1).Select(l => string.Join(',', l.Split(',').Where((_, i) => i is 0 or 2))));
        Assert.All(csv.Skip(1), l => Assert.Contains(l.Split(',')[^1], new[] { "超时完成", "超时未完成" }));
        Assert.Contains(csv.Skip(1), l => l.Split(',')[2] == "解决");
        Assert.All(csv.Skip(1).Where(l => l.Split(',')[2] == "解决"), l => Assert.EndsWith(" 24:00", l.Split(',')[6], StringComparison.Ordinal));

        // The channel slicer narrows it as it narrows the page's numbers.
        var channel = late[0].GetProperty("channel").GetString()!;
        var narrowed = Lines(await committee.GetStringAsync($"/api/analysis/2026Q3/late/export?format=csv&department={department}&channel={Uri.EscapeDataString(channel)}"));
        Assert.Equal(late.Count(l => l.GetProperty("channel").GetString() == channel), narrowed.Count - 1);
        Assert.All(narrowed.Skip(1), l => Assert.Equal(channel, l.Split(',')[3]));

        var english = Lines(await committee.GetStringAsync($"/api/analysis/2026Q3/late/export?format=csv&department={department}&lang=en"));
        Assert.Equal("Complaint,Department,Target,Channel,Category,Received,Due,Done,Status", english[0]);
        // A cell starts with a capital, as every other cell of the list does: Reply, Solution (not "reply").
        Assert.Equal(late.Select(l => l.GetProperty("target").GetString() == "reply" ? "Reply" : "Solution"), english.Skip(1).Select(l => l.Split(',')[2]));
    }

    [Fact]
    public async Task A_manager_gets_only_their_own_departments_list()
    {
        // A quarter in which LOG and others missed targets, so that the manager's list has something to hold back.
        var committee = await app.SignedIn("committee");
        string? quarter = null;
        foreach (var q in new[] { "2026Q3", "2026Q2", "2026Q1", "2025Q4", "2025Q3", "2025Q2", "2025Q1", "2024Q4" })
        {
            var late = JsonDocument.Parse(await committee.GetStringAsync($"/api/analysis/{q}/late")).RootElement.EnumerateArray().ToList();
            if (late.Any(l => l.GetProperty("departmentCode").GetString() == "LOG") && late.Any(l => l.GetProperty("departmentCode").GetString() != "LOG")) { quarter = q; break; }
        }
        Assert.NotNull(quarter);

        var manager = await app.SignedIn("log-manager");
        var other = Lines(await manager.GetStringAsync($"/api/analysis/{quarter}/late/export?format=csv&department=STO"));
        Assert.Single(other); // the header only
        var all = JsonDocument.Parse(await manager.GetStringAsync($"/api/analysis/{quarter}/late")).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(all);
        Assert.All(all, l => Assert.Equal("LOG", l.GetProperty("departmentCode").GetString()));
        Assert.All(Lines(await manager.GetStringAsync($"/api/analysis/{quarter}/late/export?format=csv")).Skip(1), l => Assert.Equal("LOG", l.Split(',')[1]));

        // The committee's list is every department's: the analysis's whole list.
        var every = JsonDocument.Parse(await committee.GetStringAsync("/api/analysis/2026Q3/late")).RootElement.GetArrayLength();
        var perDepartment = 0;
        foreach (var code in new[] { "BID", "LOG", "MET", "MKT", "ORD", "STO", "WUH" })
            perDepartment += JsonDocument.Parse(await committee.GetStringAsync($"/api/analysis/2026Q3/departments/{code}")).RootElement.GetProperty("late").GetArrayLength();
        Assert.Equal(perDepartment, every);
        Assert.True(every > 0);
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
