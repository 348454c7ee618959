using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>/api/query/matrix?share=column|row|grand on the demo warehouse: each count's and sum's share of its
/// column's, its line's or the grand total beside it, worked out here from the matrix's own numbers; an average or a
/// rate gets none; the export carries the shares.</summary>
public sealed class MatrixSharesApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static decimal? Number(JsonElement values, int at) =>
        values.ValueKind == JsonValueKind.Null || values[at].ValueKind == JsonValueKind.Null ? null : values[at].GetDecimal();

    private static decimal? Expected(decimal? part, decimal? whole) =>
        part is { } p && whole is { } w && w != 0 ? Math.Round(p / w, 4, MidpointRounding.AwayFromZero) : null;

    [Theory]
    [InlineData("column")]
    [InlineData("row")]
    [InlineData("grand")]
    public async Task Each_count_stands_beside_its_share_of_the_total_asked_for_and_a_rate_has_none(string share)
    {
        var client = await app.SignedIn("committee");
        const string query = "/api/query/matrix?measures=complaints,reply_on_time_rate&rows=department&columns=channel";
        var matrix = await Json(await client.GetAsync($"{query}&share={share}"));

        Assert.Equal(["complaints", "reply_on_time_rate", "complaints_share"], matrix.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var labels = new Dictionary<string, string> { ["column"] = "投诉数占列合计", ["row"] = "投诉数占行合计", ["grand"] = "投诉数占总计" };
        Assert.Equal(labels[share], matrix.GetProperty("measures")[2].GetProperty("label_zh").GetString());
        var total = matrix.GetProperty("total");
        var grand = Number(total.GetProperty("total"), 0);
        var columns = matrix.GetProperty("column_values").GetArrayLength();
        decimal? Column(int c) => Number(total.GetProperty("cells")[c], 0);

        var lines = matrix.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(lines.Count >= 5);
        foreach (var line in lines)
        {
            var lineTotal = Number(line.GetProperty("total"), 0);
            for (var c = 0; c < columns; c++)
            {
                var cell = line.GetProperty("cells")[c];
                if (cell.ValueKind == JsonValueKind.Null) continue;
                var whole = share switch { "column" => Column(c), "row" => lineTotal, _ => grand };
                Assert.Equal(Expected(Number(cell, 0), whole), Number(cell, 2));
            }
            Assert.Equal(Expected(lineTotal, share == "row" ? lineTotal : grand), Number(line.GetProperty("total"), 2));
        }
        for (var c = 0; c < columns; c++)
        {
            Assert.Equal(Expected(Column(c), share == "column" ? Column(c) : grand), Number(total.GetProperty("cells")[c], 2));
        }
        Assert.Equal(1m, Number(total.GetProperty("total"), 2));
        // A column's shares of it add up to the whole, but for rounding.
        if (share == "column")
        {
            var first = lines.Select(l => l.GetProperty("cells")[0]).Where(v => v.ValueKind != JsonValueKind.Null).Sum(v => Number(v, 2) ?? 0);
            Assert.InRange(first, 0.999m, 1.001m);
        }
    }

    [Fact]
    public async Task The_export_carries_the_shares_and_an_unknown_share_is_refused()
    {
        var client = await app.SignedIn("committee");
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/query/matrix/export?format=csv&measures=amount,total&rows=quarter&share=grand"))
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("季度,奖惩金额,总分,奖惩金额占总计", csv[0]); // an average score is no part of a total: no share
        Assert.EndsWith(",1", csv[^1], StringComparison.Ordinal);

        var refused = await client.GetAsync("/api/query/matrix?measures=complaints&rows=quarter&share=half");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
