using System.Text.Json;
using System.Text.Json.Nodes;
using QualityAnalytics.Warehouse.Model;
using QualityAnalytics.Warehouse.Scoring;
using QualityAnalytics.Web.Host;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>/api/query, /api/query/matrix and /api/model label the late counts by the deadlines of the quarters asked
/// about: a policy of 24 hours until 2026Q1 and 48 hours from 2026Q2 (the solution days unchanged) names 48 hours over
/// 2026Q2–2026Q3, and over a range crossing the change gives the neutral label with a note of which holds when.</summary>
public sealed class LateMeasureLabelsApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private void WriteTwoVersionPolicy()
    {
        var shipped = PolicyFile.Default.Versions[0];
        var later = shipped with { Version = "2026-04", EffectiveFrom = Quarter.Parse("2026Q2"), ServiceTargets = shipped.ServiceTargets with { ReplyHours = 48m } };
        var file = JsonNode.Parse(PolicyFileWriter.Write(shipped))!;
        file["versions"]!.AsArray().Add(JsonNode.Parse(PolicyFileWriter.Write(later))!["versions"]![0]!.DeepClone());
        File.WriteAllText(app.Service<PolicyProvider>().FilePath, file.ToJsonString());
    }

    private static JsonElement Column(JsonElement columns, string name) => columns.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Fact]
    public async Task The_late_counts_name_the_deadline_of_the_range_or_stay_neutral_with_a_note_across_a_change()
    {
        WriteTwoVersionPolicy();
        var committee = await app.SignedIn("committee");
        async Task<JsonElement> Columns(string path, string property) =>
            JsonDocument.Parse(await committee.GetStringAsync(path)).RootElement.GetProperty(property);

        var within = await Columns("/api/query?measures=replied_late,resolved_late&dimensions=quarter&from=2026Q2&to=2026Q3", "columns");
        Assert.Equal("超 48 小时回复", Column(within, "replied_late").GetProperty("label_zh").GetString());
        Assert.Equal("Replies over 48 h", Column(within, "replied_late").GetProperty("label_en").GetString());
        Assert.Equal(JsonValueKind.Null, Column(within, "replied_late").GetProperty("note_zh").ValueKind);

        var across = await Columns("/api/query?measures=replied_late,resolved_late&dimensions=quarter&from=2025Q4&to=2026Q3", "columns");
        Assert.Equal("超时回复", Column(across, "replied_late").GetProperty("label_zh").GetString());
        Assert.Equal("各季度的回复时限按其适用的考核办法版本：2025Q4 起 24 小时；2026Q2 起 48 小时", Column(across, "replied_late").GetProperty("note_zh").GetString());
        Assert.Equal("Each quarter's reply deadline is its policy version's: 24 h from 2025Q4; 48 h from 2026Q2", Column(across, "replied_late").GetProperty("note_en").GetString());
        // The solution deadline did not change: its count keeps the number over the same range.
        Assert.Equal("超 3 个工作日解决", Column(across, "resolved_late").GetProperty("label_zh").GetString());

        // A quarter filter is the range it names; the matrix labels its measures alike.
        var filtered = await Columns("/api/query?measures=reply_overdue&dimensions=department&quarter=2026Q3", "columns");
        Assert.Equal("超 48 小时未回复", Column(filtered, "reply_overdue").GetProperty("label_zh").GetString());
        var matrix = await Columns("/api/query/matrix?measures=replied_late&rows=quarter&from=2025Q4&to=2026Q3", "measures");
        Assert.Equal("Late replies", Column(matrix, "replied_late").GetProperty("label_en").GetString());
        Assert.StartsWith("Each quarter's reply deadline", Column(matrix, "replied_late").GetProperty("note_en").GetString(), StringComparison.Ordinal);

        // The picker has no range: every version counts.
        var model = await Columns("/api/model", "measures");
        Assert.Equal("超时回复", Column(model, "replied_late").GetProperty("label_zh").GetString());
        Assert.Equal("各季度的回复时限按其适用的考核办法版本：2013Q3 起 24 小时；2026Q2 起 48 小时", Column(model, "replied_late").GetProperty("note_zh").GetString());

        // The export's heading is the label the page shows.
        var csv = await committee.GetStringAsync("/api/query/export?format=csv&measures=replied_late&dimensions=quarter&from=2026Q2&to=2026Q3");
        Assert.StartsWith("季度,超 48 小时回复", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}
