using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The rows behind the on-time rates: each complaint row carries its reply and solution status, and those are
/// the statuses the dashboard's rates were counted from and the analysis's (the report's) list of misses names.</summary>
public sealed class ComplaintStatusRowsTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private const string Quarter = "2026Q3";

    [Fact]
    public async Task A_departments_complaint_rows_agree_with_its_on_time_rates_and_with_the_analysiss_misses()
    {
        var committee = await app.SignedIn("committee");
        foreach (var code in new[] { "BID", "LOG", "MET", "MKT", "ORD", "STO", "WUH" })
        {
            var rows = await Rows(committee, $"from={Quarter}&to={Quarter}&department={code}");
            Assert.All(rows, r => Assert.NotNull(r["reply_status"]));

            // The misses, complaint by complaint, are the analysis's list (the report prints the same).
            var analysis = JsonDocument.Parse(await committee.GetStringAsync($"/api/analysis/{Quarter}/departments/{code}")).RootElement;
            var late = analysis.GetProperty("late").EnumerateArray()
                .Select(l => (Id: l.GetProperty("complaintId").GetString(), Target: l.GetProperty("target").GetString(), Status: l.GetProperty("status").GetString(),
                    Due: l.GetProperty("dueText").GetString()))
                .OrderBy(l => l.Id, StringComparer.Ordinal).ThenBy(l => l.Target, StringComparer.Ordinal).ToList();
            var missed = rows.SelectMany(r => new[]
                {
                    (Id: (string?)r["complaint_id"], Target: (string?)"reply", Status: (string?)r["reply_status"], Due: (string?)r["reply_due"]),
                    (Id: (string?)r["complaint_id"], Target: (string?)"solution", Status: (string?)r["solution_status"], Due: (string?)r["solution_due"]),
                })
                .Where(m => m.Status is "late" or "overdue")
                .OrderBy(l => l.Id, StringComparer.Ordinal).ThenBy(l => l.Target, StringComparer.Ordinal).ToList();
            Assert.Equal(late, missed);

            // The rates on the dashboard are these rows' on time / (on time + late + overdue).
            var rates = JsonDocument.Parse(await committee.GetStringAsync(
                $"/api/query?measures=reply_on_time_rate,resolve_on_time_rate&from={Quarter}&to={Quarter}&department={code}")).RootElement.GetProperty("rows")[0];
            Assert.Equal(Rate(rows, "reply_status"), Number(rates[0]));
            Assert.Equal(Rate(rows, "solution_status"), Number(rates[1]));
        }
    }

    [Fact]
    public async Task The_rows_filter_by_status_and_export_it_in_the_pages_words()
    {
        var committee = await app.SignedIn("committee");
        var all = await Rows(committee, $"from={Quarter}&to={Quarter}");
        var lateOrOverdue = all.Count(r => r["solution_status"] is "late" or "overdue");
        Assert.True(lateOrOverdue > 0, "the demo quarter has solutions that missed their deadline");

        var filtered = await Rows(committee, $"from={Quarter}&to={Quarter}&solution_status=late,overdue");
        Assert.Equal(lateOrOverdue, filtered.Count);
        Assert.All(filtered, r => Assert.Contains(r["solution_status"], new[] { "late", "overdue" }));

        var csv = Encoding.UTF8.GetString(await committee.GetByteArrayAsync($"/api/rows/complaints/export?format=csv&from={Quarter}&to={Quarter}&solution_status=late,overdue"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',').ToList();
        Assert.Contains("解决情况", header);
        Assert.Contains("解决时限", header);
        var status = header.IndexOf("解决情况");
        Assert.Equal(lateOrOverdue, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(l.Split(',')[status], new[] { "超时完成", "超时未完成" }));
        Assert.All(lines.Skip(1), l => Assert.EndsWith(" 24:00", l.Split(',')[header.IndexOf("解决时限")], StringComparison.Ordinal));

        var english = Encoding.UTF8.GetString(await committee.GetByteArrayAsync($"/api/rows/complaints/export?format=csv&from={Quarter}&to={Quarter}&solution_status=late&lang=en"));
        var englishLines = english.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var englishStatus = englishLines[0].Split(',').ToList().IndexOf("Solution");
        Assert.All(englishLines.Skip(1), l => Assert.Equal("done late", l.Split(',')[englishStatus]));
    }

    [Fact]
    public async Task A_manager_filtering_by_status_still_sees_only_their_department()
    {
        var manager = await app.SignedIn("log-manager");
        var rows = await Rows(manager, $"from={Quarter}&to={Quarter}&reply_status=on_time,late,overdue,pending");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("LOG", r["department"]));
        // The tally beside them counts the same rows, not the other departments'.
        Assert.Equal(rows.Count, (await Counts(manager, $"from={Quarter}&to={Quarter}", "reply_status")).Values.Sum());
    }

    [Fact]
    public async Task The_tally_beside_the_rows_counts_each_status_of_the_same_rows()
    {
        var committee = await app.SignedIn("committee");
        const string query = $"from={Quarter}&to={Quarter}&channel=电话";
        var rows = await Rows(committee, query);
        foreach (var column in new[] { "reply_status", "solution_status" })
        {
            var expected = rows.GroupBy(r => (string?)r[column] ?? "").ToDictionary(g => g.Key, g => (long)g.Count());
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), (await Counts(committee, query, column)).OrderBy(e => e.Key, StringComparer.Ordinal));
        }
        // Any filterable column can be tallied; anything else is refused by name.
        Assert.Equal(rows.Count, (await Counts(committee, query, "category")).Values.Sum());
        var refused = await committee.GetAsync($"/api/rows/complaints/counts?by=description&lang=en");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cannot be counted by 'description'", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, long>> Counts(HttpClient client, string query, string by) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/rows/complaints/counts?{query}&by={by}")).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("value").GetString() ?? "", c => c.GetProperty("count").GetInt64());

    /// <summary>Every matching complaint row, by column name.</summary>
    private static async Task<List<Dictionary<string, object?>>> Rows(HttpClient client, string query)
    {
        var result = new List<Dictionary<string, object?>>();
        for (var page = 1; ; page++)
        {
            var answer = JsonDocument.Parse(await client.GetStringAsync($"/api/rows/complaints?{query}&page={page}&page_size=500")).RootElement;
            var names = answer.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
            foreach (var row in answer.GetProperty("rows").EnumerateArray())
                result.Add(names.Select((n, i) => (n, v: row[i])).ToDictionary(x => x.n, x => x.v.ValueKind == JsonValueKind.String ? (object?)x.v.GetString() : x.v.ValueKind == JsonValueKind.Null ? null : x.v.GetRawText()));
            if (result.Count >= answer.GetProperty("total").GetInt64()) return result;
        }
    }

    /// <summary>On time over decided (on time, late, overdue), to four places as the marts' rates; null when none is decided.</summary>
    private static decimal? Rate(List<Dictionary<string, object?>> rows, string column)
    {
        var decided = rows.Count(r => r[column] is "on_time" or "late" or "overdue");
        return decided == 0 ? null : Math.Round((decimal)rows.Count(r => r[column] is "on_time") / decided, 4, MidpointRounding.AwayFromZero);
    }

    private static decimal? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
