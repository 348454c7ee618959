using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>/api/query?compare=previous|year on the demo warehouse: each measure beside its value in the quarter before
/// (or a year before) and the change, the first quarter of the range compared with the one before the range, under the
/// same filters and row scope.</summary>
public sealed class ComparisonApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> Record(JsonElement result, JsonElement row) =>
        result.GetProperty("columns").EnumerateArray().Select((c, i) => (c.GetProperty("name").GetString()!, row[i])).ToDictionary(x => x.Item1, x => x.Item2);

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    private async Task<(HttpClient Client, List<string> Quarters)> CommitteeAndQuarters()
    {
        var client = await app.SignedIn("committee");
        return (client, (await Json(await client.GetAsync("/api/quarters"))).EnumerateArray().Select(q => q.GetString()!).ToList());
    }

    [Theory]
    [InlineData("previous", 1)]
    [InlineData("year", 4)]
    public async Task Each_line_stands_beside_the_same_line_of_an_earlier_quarter_and_its_change(string compare, int quartersBack)
    {
        var (client, quarters) = await CommitteeAndQuarters();
        var (from, to) = (quarters[^3], quarters[^1]);
        const string measures = "measures=complaints,reply_on_time_rate";
        var compared = await Json(await client.GetAsync($"/api/query?{measures}&dimensions=quarter,department&from={from}&to={to}&compare={compare}"));
        // The plain query over every quarter: the earlier values must be what it says for that quarter and department.
        var plain = await Json(await client.GetAsync($"/api/query?{measures}&dimensions=quarter,department"));
        var byLine = plain.GetProperty("rows").EnumerateArray().Select(r => Record(plain, r))
            .ToDictionary(r => (r["quarter"].GetString()!, r["department"].GetString()!));

        var names = compared.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["quarter", "department", "complaints", "reply_on_time_rate", "complaints_earlier", "reply_on_time_rate_earlier", "complaints_change", "reply_on_time_rate_change"], names);
        var lines = compared.GetProperty("rows").EnumerateArray().Select(r => Record(compared, r)).ToList();
        Assert.NotEmpty(lines);
        var comparedLines = 0;
        foreach (var line in lines)
        {
            var quarter = line["quarter"].GetString()!;
            var earlier = quarters[quarters.IndexOf(quarter) - quartersBack];
            var before = byLine.GetValueOrDefault((earlier, line["department"].GetString()!));
            foreach (var measure in new[] { "complaints", "reply_on_time_rate" })
            {
                // The earlier quarter holds data (the range is the latest three): a department absent from it had 0
                // complaints then, while its rate of nothing stays empty.
                var then = before is null ? (measure == "complaints" ? 0 : null) : Number(before[measure]);
                Assert.Equal(then, Number(line[measure + "_earlier"]));
                var now = Number(line[measure]);
                // A count's absent side counts as 0; a rate's change is empty where either side is.
                var expected = measure == "complaints" && (now ?? then) is not null ? (now ?? 0) - (then ?? 0) : now - then;
                Assert.Equal(expected, Number(line[measure + "_change"]));
            }
            if (before is not null) comparedLines++;
        }
        // The range's first quarter is compared with the quarter before the range, not left blank.
        Assert.Contains(lines, l => l["quarter"].GetString() == from && l["complaints_earlier"].ValueKind != JsonValueKind.Null);
        Assert.True(comparedLines > lines.Count / 2);
    }

    [Fact]
    public async Task Before_the_first_quarter_with_data_there_is_nothing_to_compare_with()
    {
        var (client, quarters) = await CommitteeAndQuarters();
        // The first quarter with data has nothing before it: no earlier count (none was loaded, which is not 0) and no change.
        var compared = await Json(await client.GetAsync($"/api/query?measures=complaints,reply_on_time_rate&dimensions=quarter,channel&from={quarters[0]}&to={quarters[0]}&compare=previous"));
        var lines = compared.GetProperty("rows").EnumerateArray().Select(r => Record(compared, r)).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.Equal(JsonValueKind.Null, line["complaints_earlier"].ValueKind);
            Assert.Equal(JsonValueKind.Null, line["complaints_change"].ValueKind);
            Assert.Equal(JsonValueKind.Null, line["reply_on_time_rate_change"].ValueKind);
        }
    }

    [Fact]
    public async Task A_member_absent_from_an_earlier_quarter_with_data_counted_0_there_but_its_rate_stays_empty()
    {
        var (client, quarters) = await CommitteeAndQuarters();
        const string measures = "measures=complaints,reply_on_time_rate";
        // Lines (quarter, department, channel) the quarter before does not have although it holds data, found in the plain query.
        var plain = await Json(await client.GetAsync($"/api/query?{measures}&dimensions=quarter,department,channel&limit=100000"));
        var present = plain.GetProperty("rows").EnumerateArray().Select(r => Record(plain, r))
            .Select(r => (Quarter: r["quarter"].GetString()!, Department: r["department"].GetString()!, Channel: r["channel"].GetString())).ToHashSet();
        var absentBefore = present.Where(l => quarters.IndexOf(l.Quarter) > 0 && !present.Contains((quarters[quarters.IndexOf(l.Quarter) - 1], l.Department, l.Channel))).ToList();
        Assert.NotEmpty(absentBefore); // the demo has such lines (a channel a department had no complaints through in a quarter)
        var (quarter, department, channel) = absentBefore[^1];

        var compared = await Json(await client.GetAsync($"/api/query?{measures}&dimensions=quarter,channel&department={department}&from={quarter}&to={quarter}&compare=previous"));
        var line = compared.GetProperty("rows").EnumerateArray().Select(r => Record(compared, r)).Single(l => l["channel"].GetString() == channel);
        Assert.Equal(0, line["complaints_earlier"].GetInt64());
        Assert.Equal(line["complaints"].GetInt64(), line["complaints_change"].GetInt64());
        Assert.Equal(JsonValueKind.Null, line["reply_on_time_rate_earlier"].ValueKind);
        Assert.Equal(JsonValueKind.Null, line["reply_on_time_rate_change"].ValueKind);
    }

    [Theory]
    [InlineData("previous", 3)]
    [InlineData("year", 12)]
    public async Task Split_by_month_too_each_month_stands_beside_the_month_as_far_back(string compare, int monthsBack)
    {
        var (client, quarters) = await CommitteeAndQuarters();
        var compared = await Json(await client.GetAsync($"/api/query?measures=checks&dimensions=quarter,month&from={quarters[^2]}&to={quarters[^1]}&compare={compare}"));
        var plain = await Json(await client.GetAsync("/api/query?measures=checks&dimensions=month"));
        var byMonth = plain.GetProperty("rows").EnumerateArray().ToDictionary(r => r[0].GetString()!, r => r[1].GetInt64());

        var lines = compared.GetProperty("rows").EnumerateArray().Select(r => Record(compared, r)).ToList();
        Assert.Equal(6, lines.Count);
        foreach (var line in lines)
        {
            var month = DateOnly.ParseExact(line["month"].GetString()! + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var earlier = month.AddMonths(-monthsBack).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(byMonth[earlier], line["checks_earlier"].GetInt64());
            Assert.Equal(line["checks"].GetInt64() - byMonth[earlier], line["checks_change"].GetInt64());
        }
    }

    [Fact]
    public async Task Without_the_quarter_among_the_dimensions_the_whole_range_stands_beside_the_range_moved_back()
    {
        var (client, quarters) = await CommitteeAndQuarters();
        var compared = await Json(await client.GetAsync($"/api/query?measures=complaints&dimensions=channel&from={quarters[^2]}&to={quarters[^1]}&compare=previous"));
        var earlier = await Json(await client.GetAsync($"/api/query?measures=complaints&dimensions=channel&from={quarters[^3]}&to={quarters[^2]}"));
        var byChannel = earlier.GetProperty("rows").EnumerateArray().ToDictionary(r => r[0].GetString()!, r => r[1].GetInt64());

        var lines = compared.GetProperty("rows").EnumerateArray().Select(r => Record(compared, r)).ToList();
        Assert.True(lines.Count >= 3);
        foreach (var line in lines)
        {
            var then = byChannel[line["channel"].GetString()!];
            Assert.Equal(then, line["complaints_earlier"].GetInt64());
            Assert.Equal(line["complaints"].GetInt64() - then, line["complaints_change"].GetInt64());
        }

        // A month chosen as a filter moves back with the range: a month beside the same month a year before.
        static string YearBefore(string month) => $"{int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture) - 1}{month[4..]}";
        var months = (await Json(await client.GetAsync("/api/query?measures=checks&dimensions=month"))).GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()!).ToList();
        var month = months.Last(m => months.Contains(YearBefore(m)));
        var yearBefore = YearBefore(month);
        var byKind = await Json(await client.GetAsync($"/api/query?measures=checks&dimensions=kind&month={month}&compare=year"));
        var plain = await Json(await client.GetAsync($"/api/query?measures=checks&dimensions=kind&month={yearBefore}"));
        Assert.Equal(plain.GetProperty("rows").EnumerateArray().Select(r => r[1].GetInt64()),
            byKind.GetProperty("rows").EnumerateArray().Select(r => Record(byKind, r)["checks_earlier"].GetInt64()));
    }

    [Fact]
    public async Task Ordered_by_a_change_the_biggest_rises_come_first_the_empty_ones_last_and_the_limit_cuts_after_ordering()
    {
        var (client, quarters) = await CommitteeAndQuarters();
        var query = $"/api/query?measures=complaints&dimensions=quarter,department&from={quarters[^4]}&to={quarters[^1]}&compare=previous";
        var all = await Json(await client.GetAsync(query));
        var expected = all.GetProperty("rows").EnumerateArray().Select(r => Record(all, r))
            .Select(l => (Line: l["quarter"].GetString() + "/" + l["department"].GetString(), Change: Number(l["complaints_change"])))
            .OrderBy(l => l.Change is null).ThenByDescending(l => l.Change).ToList();
        Assert.True(expected.Select(l => l.Change).Distinct().Count() > 3, "the demo's changes should differ between lines");

        var ordered = await Json(await client.GetAsync(query + "&order=complaints_change%20desc&limit=5"));
        var lines = ordered.GetProperty("rows").EnumerateArray().Select(r => Record(ordered, r))
            .Select(l => (Line: l["quarter"].GetString() + "/" + l["department"].GetString(), Change: Number(l["complaints_change"]))).ToList();
        // The five biggest rises of all the lines, not the first five lines reordered.
        Assert.Equal(expected.Take(5).Select(l => l.Change), lines.Select(l => l.Change));

        var ascending = await Json(await client.GetAsync(query + "&order=complaints_change"));
        var changes = ascending.GetProperty("rows").EnumerateArray().Select(r => Number(Record(ascending, r)["complaints_change"])).ToList();
        var known = changes.TakeWhile(c => c is not null).ToList();
        Assert.Equal(known.Order(), known);
        Assert.All(changes.Skip(known.Count), c => Assert.Null(c)); // empty changes last, either way

        var unrequested = await client.GetAsync($"/api/query?measures=complaints&dimensions=quarter&order=complaints_change");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unrequested.StatusCode); // no comparison asked, no change to order by
    }

    [Fact]
    public async Task A_managers_comparison_is_their_department_and_the_export_carries_it_in_the_page_language()
    {
        var manager = await app.SignedIn("log-manager");
        var compared = await Json(await manager.GetAsync("/api/query?measures=complaints&dimensions=quarter,department&compare=previous"));
        Assert.All(compared.GetProperty("rows").EnumerateArray(), r => Assert.Equal("LOG", r[1].GetString()));

        var csv = Encoding.UTF8.GetString(await manager.GetByteArrayAsync("/api/query/export?format=csv&measures=complaints&dimensions=quarter&compare=year"))
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("季度,投诉数,投诉数（去年同期）,投诉数变化", csv[0]);
        var english = Encoding.UTF8.GetString(await manager.GetByteArrayAsync("/api/query/export?format=csv&measures=complaints&dimensions=quarter&compare=previous&lang=en"))
            .TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.Equal("Quarter,Complaints,Complaints (previous quarter),Complaints change", english);
    }
}
