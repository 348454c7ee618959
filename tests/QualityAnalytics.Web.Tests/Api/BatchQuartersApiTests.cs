using System.Globalization;
using System.Net;
using System.Text.Json;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The data desk names the quarters a batch wrote (the ones its load rebuilt and rescored), each with whether
/// the committee approved it: a late correction of an approved quarter is what the working group must take back to the
/// committee, and until now the desk showed the changed rows but not which quarters they fell in.</summary>
public sealed class BatchQuartersApiTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_batch_names_the_quarters_of_the_rows_it_added_and_changed_and_which_were_approved_when_it_began()
    {
        var wg = await app.SignedIn("wg");
        var demo = File.ReadAllLines(Path.Combine(app.Folder, "data", "demo-files", "complaints_2026Q1.csv"));
        var columns = demo[0].Split(',');
        var received = Array.IndexOf(columns, "received_at");
        var corrected = demo.Skip(1).First(l => l.Contains(",Y,", StringComparison.Ordinal));
        var added = string.Join(",", columns.Select(c => c switch
        {
            "complaint_id" => "TS-QUARTERS-1", "department" => "LOG", "received_at" => "2026-08-10 09:15", "channel" => "电话", "valid" => "Y", _ => "",
        }));
        // The quarters the test writes, from the dates it writes: the corrected demo row's and the new row's.
        var expected = new[] { corrected.Split(',')[received], "2026-08-10" }
            .Select(d => Quarter.Of(DateOnly.FromDateTime(DateTime.Parse(d, CultureInfo.InvariantCulture))).ToString()).Distinct().Order().ToList();
        Assert.Equal(["2026Q1", "2026Q3"], expected);
        var before = await Upload(wg, "季度.csv", string.Join("\n", demo[0], corrected.Replace(",Y,", ",N,", StringComparison.Ordinal), added) + "\n");
        try
        {
            Assert.Equal(expected.Select(q => (q, false)), await Quarters(wg, before));

            // The committee approves the first quarter (the test clock stands still: the same second as the batch before);
            // then the department corrects it again.
            var committee = await app.SignedIn("committee");
            committee.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await DashboardFactory.Token(committee, "/"));
            Assert.Equal(HttpStatusCode.OK, (await committee.PostAsync("/api/assessments/2026Q1/approve", null)).StatusCode);
            var answer = await DeskUpload.Csv(wg, "再更正.csv", demo[0] + "\n" + corrected + "\n");
            var after = answer.GetProperty("batch_id").GetInt64();

            Assert.Equal([("2026Q1", true)], await Quarters(wg, after));
            // The upload's own answer names them as the batch's detail does, so that the desk's result warns at once.
            Assert.Equal([("2026Q1", true)], QuartersOf(answer.GetProperty("quarters")));
            // The working group's notices on the home page name it; the batch before the approval is not among them.
            var notices = JsonDocument.Parse(await wg.GetStringAsync("/api/notices")).RootElement.GetProperty("approved_changes").EnumerateArray()
                .Select(n => (n.GetProperty("batch_id").GetInt64(), string.Join(",", n.GetProperty("quarters").EnumerateArray().Select(q => q.GetString())))).ToList();
            Assert.Contains((after, "2026Q1"), notices);
            Assert.DoesNotContain(notices, n => n.Item1 == before);
            // The batch before the approval changed no approved quarter: it stays as it was.
            Assert.Equal(expected.Select(q => (q, false)), await Quarters(wg, before));
            // Only the desk's roles: a department manager may not read what other departments' files wrote.
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("log-manager")).GetAsync($"/api/data/batches/{after}/quarters")).StatusCode);
        }
        finally
        {
            await Upload(wg, "还原.csv", demo[0] + "\n" + corrected + "\n"); // the demo's row as it was, for the class's other tests
        }
    }

    [Fact]
    public async Task A_batch_that_changed_no_row_names_no_quarter()
    {
        var wg = await app.SignedIn("wg");
        var demo = File.ReadAllLines(Path.Combine(app.Folder, "data", "demo-files", "complaints_2026Q1.csv"));

        var batch = await Upload(wg, "原样.csv", demo[0] + "\n" + demo[1] + "\n"); // a row exactly as stored

        Assert.Empty(await Quarters(wg, batch));
    }

    private static async Task<List<(string Quarter, bool Approved)>> Quarters(HttpClient client, long batch) =>
        QuartersOf(JsonDocument.Parse(await client.GetStringAsync($"/api/data/batches/{batch}/quarters")).RootElement);

    private static List<(string Quarter, bool Approved)> QuartersOf(JsonElement quarters) =>
        quarters.EnumerateArray().Select(q => (q.GetProperty("quarter").GetString()!, q.GetProperty("approved").GetBoolean())).ToList();

    private static async Task<long> Upload(HttpClient client, string name, string csv) =>
        (await DeskUpload.Csv(client, name, csv)).GetProperty("batch_id").GetInt64();
}
