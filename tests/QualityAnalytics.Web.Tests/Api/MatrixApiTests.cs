using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>/api/query/matrix on the demo warehouse: every number is the count of the rows its link opens, every total
/// is what the flat query gives at that level, a manager's matrix is their department's, and the export is laid out as
/// the page shows it.</summary>
public sealed class MatrixApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<(string From, string To)> LastFourQuarters(HttpClient client)
    {
        var quarters = (await Json(await client.GetAsync("/api/quarters"))).EnumerateArray().Select(q => q.GetString()!).ToList();
        return (quarters[^4], quarters[^1]);
    }

    private static List<string?> Values(JsonElement array) => array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.ToString()).ToList();

    [Fact]
    public async Task Every_number_of_a_complaints_matrix_is_the_count_of_the_rows_behind_it()
    {
        var client = await app.SignedIn("committee");
        var (from, to) = await LastFourQuarters(client);
        var matrix = await Json(await client.GetAsync($"/api/query/matrix?measures=complaints&rows=quarter&columns=channel&from={from}&to={to}"));
        async Task<long> RowsBehind(string query) =>
            (await Json(await client.GetAsync($"/api/rows/complaints?page_size=1&{query}"))).GetProperty("total").GetInt64();

        var channels = Values(matrix.GetProperty("column_values"));
        Assert.True(channels.Count >= 3, string.Join(",", channels));
        var lines = matrix.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, lines.Count);
        var checkedCells = 0;
        foreach (var line in lines)
        {
            var quarter = line.GetProperty("value").GetString();
            var cells = line.GetProperty("cells").EnumerateArray().ToList();
            for (var c = 0; c < channels.Count; c++)
            {
                var expected = cells[c].ValueKind == JsonValueKind.Null ? 0 : cells[c][0].GetInt64();
                Assert.Equal(expected, await RowsBehind($"from={quarter}&to={quarter}&channel={Uri.EscapeDataString(channels[c]!)}"));
                checkedCells++;
            }
            Assert.Equal(line.GetProperty("total")[0].GetInt64(), await RowsBehind($"from={quarter}&to={quarter}"));
        }
        var total = matrix.GetProperty("total");
        for (var c = 0; c < channels.Count; c++)
        {
            Assert.Equal(total.GetProperty("cells")[c][0].GetInt64(), await RowsBehind($"from={from}&to={to}&channel={Uri.EscapeDataString(channels[c]!)}"));
        }
        Assert.Equal(total.GetProperty("total")[0].GetInt64(), await RowsBehind($"from={from}&to={to}"));
        Assert.True(checkedCells >= 12);
    }

    [Fact]
    public async Task Each_total_is_the_measure_over_its_level_not_the_sum_of_the_cells()
    {
        var client = await app.SignedIn("committee");
        var (from, to) = await LastFourQuarters(client);
        const string measures = "measures=complaints,reply_on_time_rate,direct_deduction";
        var matrix = await Json(await client.GetAsync($"/api/query/matrix?{measures}&rows=department&columns=quarter&from={from}&to={to}"));
        async Task<List<List<string?>>> Flat(string dimensions) => (await Json(await client.GetAsync($"/api/query?{measures}&dimensions={dimensions}&from={from}&to={to}")))
            .GetProperty("rows").EnumerateArray().Select(Values).ToList();

        var quarters = Values(matrix.GetProperty("column_values"));
        Assert.Equal(4, quarters.Count);
        var lines = matrix.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(7, lines.Count);
        // Each line's total is the department's figure over the four quarters; each cell the department's in that quarter.
        var byDepartment = await Flat("department");
        var byBoth = await Flat("department,quarter");
        foreach (var line in lines)
        {
            var department = line.GetProperty("value").GetString();
            Assert.Equal(byDepartment.Single(r => r[0] == department).Skip(1), Values(line.GetProperty("total")));
            for (var q = 0; q < quarters.Count; q++)
            {
                // A department with no complaint in a quarter has no group there: its count is 0 (no complaints), its
                // on-time rate and its sum of deductions empty (no data), not zeros.
                var flat = byBoth.SingleOrDefault(r => r[0] == department && r[1] == quarters[q]);
                var cell = line.GetProperty("cells")[q];
                if (flat is null) Assert.Equal(["0", null, null], Values(cell));
                else Assert.Equal(flat.Skip(2), Values(cell));
            }
        }
        var byQuarter = await Flat("quarter");
        var total = matrix.GetProperty("total");
        for (var q = 0; q < quarters.Count; q++) Assert.Equal(byQuarter[q].Skip(1), Values(total.GetProperty("cells")[q]));
        var overall = (await Flat("")).Single();
        Assert.Equal(overall, Values(total.GetProperty("total")));
        // The rate's total is not what adding or averaging the lines' rates gives (the demo's departments differ in size).
        var rates = lines.Select(l => l.GetProperty("total")[1]).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDecimal()).ToList();
        Assert.NotEqual(Math.Round(rates.Average(), 4, MidpointRounding.AwayFromZero), total.GetProperty("total")[1].GetDecimal());
    }

    [Fact]
    public async Task A_managers_matrix_and_its_totals_are_their_departments()
    {
        var manager = await app.SignedIn("log-manager");
        var matrix = await Json(await manager.GetAsync("/api/query/matrix?measures=complaints&rows=department&columns=channel"));

        Assert.Equal(["LOG"], matrix.GetProperty("rows").EnumerateArray().Select(l => l.GetProperty("value").GetString()));
        var log = matrix.GetProperty("rows")[0];
        Assert.Equal(log.GetProperty("total")[0].GetInt64(), matrix.GetProperty("total").GetProperty("total")[0].GetInt64());
        var all = (await Json(await manager.GetAsync("/api/rows/complaints?page_size=1"))).GetProperty("total").GetInt64();
        Assert.Equal(all, matrix.GetProperty("total").GetProperty("total")[0].GetInt64());
        // Asking for another department's columns changes nothing: the scope is in every statement.
        var asked = await Json(await manager.GetAsync("/api/query/matrix?measures=complaints&rows=channel&columns=department&department=STO"));
        Assert.Empty(asked.GetProperty("rows").EnumerateArray());
        Assert.Empty(asked.GetProperty("column_values").EnumerateArray());
    }

    [Fact]
    public async Task The_export_is_the_matrix_as_shown_with_its_total_line_in_either_language()
    {
        var client = await app.SignedIn("committee");
        var (from, to) = await LastFourQuarters(client);
        var query = $"measures=complaints&rows=quarter&columns=channel&from={from}&to={to}";
        var matrix = await Json(await client.GetAsync("/api/query/matrix?" + query));
        var channels = Values(matrix.GetProperty("column_values"));

        var zh = CsvLines(await client.GetByteArrayAsync($"/api/query/matrix/export?format=csv&{query}"));
        Assert.Equal(["季度", .. channels.Select(c => c!), "合计"], zh[0].Split(','));
        Assert.Equal(6, zh.Count); // the header, four quarters, the total line
        Assert.Equal($"{from},", zh[1][..(from.Length + 1)]);
        var totalLine = zh[^1].Split(',');
        Assert.Equal("合计", totalLine[0]);
        Assert.Equal(matrix.GetProperty("total").GetProperty("total")[0].GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), totalLine[^1]);

        var en = CsvLines(await client.GetByteArrayAsync($"/api/query/matrix/export?format=csv&{query}&lang=en"));
        Assert.Equal("Quarter", en[0].Split(',')[0]);
        Assert.Contains("Phone", en[0].Split(','));
        Assert.Equal("Total", en[0].Split(',')[^1]);
        Assert.StartsWith("Total,", en[^1], StringComparison.Ordinal);

        // Several measures: a column per channel and measure, the line's totals last.
        var several = CsvLines(await client.GetByteArrayAsync($"/api/query/matrix/export?format=csv&measures=complaints,valid_complaints&rows=quarter&columns=channel&from={from}&to={to}"));
        var header = several[0].Split(',');
        Assert.Equal(1 + (channels.Count + 1) * 2, header.Length);
        Assert.Equal([$"{channels[0]} · 投诉数", $"{channels[0]} · 有效投诉"], header[1..3]);
        Assert.Equal(["合计 · 投诉数", "合计 · 有效投诉"], header[^2..]);

        // Ordered as the page orders it: the quarters by their total, biggest first.
        var ordered = CsvLines(await client.GetByteArrayAsync($"/api/query/matrix/export?format=csv&{query}&order=complaints%20desc"));
        var totals = ordered.Skip(1).SkipLast(1).Select(l => long.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
        Assert.Equal(zh.Skip(1).SkipLast(1).Order(StringComparer.Ordinal), ordered.Skip(1).SkipLast(1).Order(StringComparer.Ordinal));

        var xlsx = await client.GetAsync($"/api/query/matrix/export?format=xlsx&{query}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, sheet.Count);
        Assert.Equal("合计", sheet[^1]["季度"]);
        Assert.Equal(matrix.GetProperty("total").GetProperty("total")[0].GetInt64(), Convert.ToInt64(sheet[^1]["合计"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<string> CsvLines(byte[] file) =>
        Encoding.UTF8.GetString(file).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
}
