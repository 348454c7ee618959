using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>/api/query/matrix?compare=previous|year on the demo warehouse: every cell and total beside the same cell
/// and total of the matrix over the quarters moved back, with the change, checked against plain matrices the test asks
/// for itself; ordered by a change, scoped for a manager, and exported as shown.</summary>
public sealed class MatrixComparisonApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<(HttpClient Client, List<string> Quarters)> SignedIn(string user)
    {
        var client = await app.SignedIn(user);
        return (client, (await Json(await client.GetAsync("/api/quarters"))).EnumerateArray().Select(q => q.GetString()!).ToList());
    }

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    /// <summary>Values [0, n) of a cell or total, null for an empty cell.</summary>
    private static decimal?[] Measures(JsonElement cell, int from, int count) =>
        cell.ValueKind == JsonValueKind.Null ? new decimal?[count] : [.. Enumerable.Range(from, count).Select(k => Number(cell[k]))];

    /// <summary>A compared cell holds the measures now, then earlier, then the changes: the earlier ones must be what
    /// the plain matrix says, and each change now minus then. The first <paramref name="counts"/> measures are counts,
    /// whose absent side counts as 0 (empty only when both are); the others' change is empty where either side is. Every
    /// earlier period these tests compare with holds data: a count the earlier matrix lacks was 0 then, and is shown so.</summary>
    private static void AssertCompared(JsonElement compared, JsonElement? plainEarlier, JsonElement? plainNow, int measures, string where, int counts = 1)
    {
        var now = plainNow is { } n ? Measures(n, 0, measures) : new decimal?[measures];
        var then = plainEarlier is { } e ? Measures(e, 0, measures) : new decimal?[measures];
        if (now.All(v => v is null) && then.All(v => v is null) && compared.ValueKind == JsonValueKind.Null) return;
        for (var k = 0; k < counts; k++) then[k] ??= 0;
        Assert.Equal(now, Measures(compared, 0, measures));
        Assert.True(then.SequenceEqual(Measures(compared, measures, measures)), $"{where}: earlier {string.Join(",", Measures(compared, measures, measures))}, expected {string.Join(",", then)}");
        Assert.Equal(now.Zip(then, (a, b) => (a, b)).Select((x, k) => Change(x.a, x.b, k < counts)), Measures(compared, 2 * measures, measures));
    }

    private static decimal? Change(decimal? now, decimal? then, bool count) =>
        count && (now ?? then) is not null ? (now ?? 0) - (then ?? 0) : now - then;

    private static Dictionary<string, JsonElement> Lines(JsonElement matrix) =>
        matrix.GetProperty("rows").EnumerateArray().ToDictionary(l => l.GetProperty("value").ToString());

    private static List<string> ColumnValues(JsonElement matrix) => matrix.GetProperty("column_values").EnumerateArray().Select(v => v.ToString()).ToList();

    private static JsonElement? Cell(JsonElement line, List<string> columns, string column) =>
        columns.IndexOf(column) is var at and >= 0 ? line.GetProperty("cells")[at] : null;

    [Theory]
    [InlineData("previous", 1)]
    [InlineData("year", 4)]
    public async Task By_quarter_every_cell_and_total_stands_beside_the_same_one_of_the_earlier_quarter(string compare, int quartersBack)
    {
        var (client, quarters) = await SignedIn("committee");
        var (from, to) = (quarters[^3], quarters[^1]);
        const string measures = "measures=complaints,reply_on_time_rate";
        var compared = await Json(await client.GetAsync($"/api/query/matrix?{measures}&rows=quarter&columns=channel&from={from}&to={to}&compare={compare}"));
        // The plain matrix of every quarter, and of the range moved back (its own totals).
        var plain = await Json(await client.GetAsync($"/api/query/matrix?{measures}&rows=quarter&columns=channel"));
        var (earlierFrom, earlierTo) = (quarters[^(3 + quartersBack)], quarters[^(1 + quartersBack)]);
        var movedBack = await Json(await client.GetAsync($"/api/query/matrix?{measures}&rows=quarter&columns=channel&from={earlierFrom}&to={earlierTo}"));

        Assert.Equal(["complaints", "reply_on_time_rate", "complaints_earlier", "reply_on_time_rate_earlier", "complaints_change", "reply_on_time_rate_change"],
            compared.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(["measure", "measure", "comparison", "comparison", "change", "change"], compared.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        var channels = ColumnValues(compared);
        var plainChannels = ColumnValues(plain);
        var plainLines = Lines(plain);
        var lines = compared.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, lines.Count);
        var earlierCells = 0;
        foreach (var line in lines)
        {
            var quarter = line.GetProperty("value").GetString()!;
            var now = plainLines[quarter];
            var then = plainLines.GetValueOrDefault(quarters[quarters.IndexOf(quarter) - quartersBack]);
            AssertCompared(line.GetProperty("total"), then.ValueKind == JsonValueKind.Undefined ? null : then.GetProperty("total"), now.GetProperty("total"), 2, quarter);
            foreach (var channel in channels)
            {
                var thenCell = then.ValueKind == JsonValueKind.Undefined ? null : Cell(then, plainChannels, channel);
                AssertCompared(Cell(line, channels, channel)!.Value, thenCell, Cell(now, plainChannels, channel), 2, $"{quarter}/{channel}");
                if (thenCell is { ValueKind: not JsonValueKind.Null }) earlierCells++;
            }
        }
        // The first quarter of the range stands beside the quarter before the range, not beside nothing.
        Assert.True(earlierCells >= channels.Count * 2, $"{earlierCells} cells compared");

        var total = compared.GetProperty("total");
        var movedChannels = ColumnValues(movedBack);
        var currentRange = await Json(await client.GetAsync($"/api/query/matrix?{measures}&rows=quarter&columns=channel&from={from}&to={to}"));
        AssertCompared(total.GetProperty("total"), movedBack.GetProperty("total").GetProperty("total"), currentRange.GetProperty("total").GetProperty("total"), 2, "grand total");
        for (var c = 0; c < channels.Count; c++)
        {
            AssertCompared(total.GetProperty("cells")[c], Cell(movedBack.GetProperty("total"), movedChannels, channels[c]), currentRange.GetProperty("total").GetProperty("cells")[c], 2, $"total/{channels[c]}");
        }
    }

    [Fact]
    public async Task Not_split_by_quarter_the_matrix_stands_beside_the_same_matrix_of_the_quarters_moved_back()
    {
        var (client, quarters) = await SignedIn("committee");
        var (quarter, yearBefore) = (quarters[^1], quarters[^5]);
        const string shape = "measures=complaints&rows=department&columns=channel";
        var compared = await Json(await client.GetAsync($"/api/query/matrix?{shape}&from={quarter}&to={quarter}&compare=year"));
        var now = await Json(await client.GetAsync($"/api/query/matrix?{shape}&from={quarter}&to={quarter}"));
        var then = await Json(await client.GetAsync($"/api/query/matrix?{shape}&from={yearBefore}&to={yearBefore}"));

        var channels = ColumnValues(compared);
        var (nowChannels, thenChannels) = (ColumnValues(now), ColumnValues(then));
        var (nowLines, thenLines) = (Lines(now), Lines(then));
        // The lines are the current matrix's; what only the earlier one has is left out, as a compared query leaves it.
        Assert.Equal(nowLines.Keys, compared.GetProperty("rows").EnumerateArray().Select(l => l.GetProperty("value").GetString()!));
        Assert.True(nowLines.Count >= 5);
        foreach (var line in compared.GetProperty("rows").EnumerateArray())
        {
            var department = line.GetProperty("value").GetString()!;
            var earlier = thenLines.GetValueOrDefault(department);
            var hasEarlier = earlier.ValueKind != JsonValueKind.Undefined;
            AssertCompared(line.GetProperty("total"), hasEarlier ? earlier.GetProperty("total") : null, nowLines[department].GetProperty("total"), 1, department);
            foreach (var channel in channels)
            {
                AssertCompared(Cell(line, channels, channel)!.Value, hasEarlier ? Cell(earlier, thenChannels, channel) : null, Cell(nowLines[department], nowChannels, channel), 1, $"{department}/{channel}");
            }
        }
        AssertCompared(compared.GetProperty("total").GetProperty("total"), then.GetProperty("total").GetProperty("total"), now.GetProperty("total").GetProperty("total"), 1, "grand total");
        Assert.NotNull(Number(compared.GetProperty("total").GetProperty("total")[1]));
    }

    [Fact]
    public async Task A_count_absent_now_but_present_before_falls_to_zero_while_a_rate_of_nothing_has_no_change()
    {
        var (client, _) = await SignedIn("committee");
        // Every quarter by channel: some channel had complaints in one quarter and none in the next (the demo's 意见箱).
        var compared = await Json(await client.GetAsync("/api/query/matrix?measures=complaints,reply_on_time_rate&rows=quarter&columns=channel&compare=previous"));
        var channels = ColumnValues(compared);
        var emptied = compared.GetProperty("rows").EnumerateArray()
            .SelectMany(line => channels.Select((channel, c) => (Where: $"{line.GetProperty("value")}/{channel}", Cell: line.GetProperty("cells")[c])))
            .Where(x => x.Cell.ValueKind != JsonValueKind.Null && Number(x.Cell[0]) == 0 && Number(x.Cell[2]) is > 0)
            .ToList();
        Assert.NotEmpty(emptied);
        foreach (var (where, cell) in emptied)
        {
            // The cell itself is 0 (a count of no complaints); its change is the fall to zero, in the count's own whole numbers.
            Assert.True(cell[4].ValueKind == JsonValueKind.Number, $"{where}: change {cell[4]}");
            Assert.Equal(-cell[2].GetInt64(), cell[4].GetInt64());
            // An on-time rate of no complaints is no 0%: its change stays empty.
            Assert.Equal(JsonValueKind.Null, cell[1].ValueKind);
            Assert.Equal(JsonValueKind.Null, cell[5].ValueKind);
        }
    }

    [Fact]
    public async Task Ordered_by_a_change_the_lines_with_the_biggest_rises_come_first_and_the_empty_ones_last()
    {
        var (client, quarters) = await SignedIn("committee");
        var query = $"/api/query/matrix?measures=complaints&rows=department&columns=channel&from={quarters[^1]}&to={quarters[^1]}&compare=previous";
        decimal?[] Changes(JsonElement m) => [.. m.GetProperty("rows").EnumerateArray().Select(l => Number(l.GetProperty("total")[2]))];

        var descending = Changes(await Json(await client.GetAsync(query + "&order=complaints_change%20desc")));
        var known = descending.TakeWhile(c => c is not null).ToList();
        Assert.True(known.Distinct().Count() > 2, string.Join(",", descending));
        Assert.Equal(known.OrderDescending(), known);
        Assert.All(descending.Skip(known.Count), c => Assert.Null(c));
        var ascending = Changes(await Json(await client.GetAsync(query + "&order=complaints_change"))).Where(c => c is not null).ToList();
        Assert.Equal(ascending.Order(), ascending);
        // Ordered by a measure, the comparison keeps the matrix's own order.
        var byCount = (await Json(await client.GetAsync(query + "&order=complaints%20desc"))).GetProperty("rows").EnumerateArray().Select(l => l.GetProperty("total")[0].GetInt64()).ToList();
        Assert.Equal(byCount.OrderDescending(), byCount);
    }

    [Fact]
    public async Task A_managers_compared_matrix_is_their_department_then_as_now()
    {
        var (manager, quarters) = await SignedIn("log-manager");
        var (quarter, before) = (quarters[^1], quarters[^2]);
        var compared = await Json(await manager.GetAsync($"/api/query/matrix?measures=complaints&rows=channel&columns=department&from={quarter}&to={quarter}&compare=previous"));
        Assert.Equal(["LOG"], ColumnValues(compared));

        var earlierRows = (await Json(await manager.GetAsync($"/api/rows/complaints?page_size=1&from={before}&to={before}"))).GetProperty("total").GetInt64();
        Assert.Equal(earlierRows, compared.GetProperty("total").GetProperty("total")[1].GetInt64());
        var committee = await app.SignedIn("committee");
        var everyone = await Json(await committee.GetAsync($"/api/query/matrix?measures=complaints&rows=channel&from={before}&to={before}"));
        Assert.True(everyone.GetProperty("total").GetProperty("total")[0].GetInt64() > earlierRows, "the earlier total is the manager's department, not everyone's");
    }

    [Fact]
    public async Task The_export_carries_the_earlier_values_and_changes_as_the_page_shows_them()
    {
        var (client, quarters) = await SignedIn("committee");
        var query = $"measures=complaints&rows=quarter&from={quarters[^2]}&to={quarters[^1]}&compare=previous";
        var matrix = await Json(await client.GetAsync("/api/query/matrix?" + query));

        var zh = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/query/matrix/export?format=csv&" + query)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("季度,投诉数,投诉数（上季度）,投诉数变化", zh[0]);
        var last = matrix.GetProperty("rows")[1].GetProperty("total");
        Assert.Equal(string.Join(',', quarters[^1], last[0].GetInt64(), last[1].GetInt64(), last[2].GetInt64().ToString(CultureInfo.InvariantCulture)), zh[2]);
        Assert.StartsWith("合计,", zh[^1], StringComparison.Ordinal);
        var en = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/query/matrix/export?format=csv&lang=en&" + query)).TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.Equal("Quarter,Complaints,Complaints (previous quarter),Complaints change", en);
    }
}
