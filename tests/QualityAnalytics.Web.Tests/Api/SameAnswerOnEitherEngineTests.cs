using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>
/// The query API and the drill-down answer in one form whichever engine holds the warehouse: the suite runs once on
/// SQLite and once on PostgreSQL, and each pass checks its engine against the same expectations, worked out here from
/// the stored assessments and the facts (read through EF, not through the query layer). The JSON is compared token by
/// token, so 88.2 is not 88.20, "2026-04-01 09:30" is not "2026-04-01 09:30:00" and true is not 1.
/// </summary>
public sealed class SameAnswerOnEitherEngineTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private async Task<JsonElement> Get(string url)
    {
        var client = await app.SignedIn("committee");
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Averages_over_quarters_are_exact_decimals_rounded_half_away_from_zero()
    {
        var stored = await StoredAssessments(q => true);
        var expected = stored.GroupBy(a => a.Department).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g.ToList())).ToList();
        // The demo has a department whose average sits exactly on a midpoint (716.52 / 8 = 89.565): binary floating
        // point (SQLite's AVG) rounds it down, decimal rounds it up. Without one this test would not tell them apart.
        Assert.Contains(stored.GroupBy(a => a.Department), g => IsMidpoint(g.Where(a => a.Total is not null).Select(a => a.Total!.Value).ToList()));

        var answer = await Get("/api/query?measures=total,amount,departments,failed&dimensions=department");

        Assert.Equal(expected, Rows(answer));
    }

    [Fact]
    public async Task A_query_with_slicers_and_an_order_gives_the_same_rows()
    {
        var stored = await StoredAssessments(q => string.CompareOrdinal(q, "2025Q3") >= 0 && string.CompareOrdinal(q, "2026Q2") <= 0);
        var expected = stored.Where(a => a.Department is "LOG" or "WUH" or "BID")
            .OrderByDescending(a => a.Total).ThenBy(a => a.Quarter, StringComparer.Ordinal).ThenBy(a => a.Department, StringComparer.Ordinal)
            .Select(a => new List<string> { Text(a.Quarter), Text(a.Department), Number(a.Total), Number(a.Amount), "1", a.Grade == "fail" ? "1" : "0" })
            .ToList();

        var answer = await Get("/api/query?measures=total,amount,departments,failed&dimensions=quarter,department&from=2025Q3&to=2026Q2&department=LOG,WUH,BID&order=total%20desc");

        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, Rows(answer));
    }

    [Fact]
    public async Task A_drill_down_page_gives_the_same_rows_with_times_to_the_minute_flags_as_booleans_and_numbers_as_numbers()
    {
        var expected = await ComplaintsFromFacts(2025, 3, 2026, 2, ["LOG", "WUH"]);
        var page = expected.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Skip(24).Take(8).Select(c => new List<string>
        {
            Text(c.Id), Text(c.Department), Time(c.ReceivedAt), c.Valid ? "true" : "false", Time(c.RepliedAt), Time(c.ResolvedAt), Number(c.DirectDeduction),
        }).ToList();

        var answer = await Get("/api/rows/complaints?from=2025Q3&to=2026Q2&department=LOG,WUH&sort=received_at&dir=desc&page=4&page_size=8");

        Assert.Equal(expected.Count, answer.GetProperty("total").GetInt64());
        Assert.Equal(page, Rows(answer, "complaint_id", "department", "received_at", "valid", "replied_at", "resolved_at", "direct_deduction"));
        Assert.Contains(Rows(answer, "direct_deduction"), r => r[0] != "null"); // the page shows a deduction, so its form is checked
    }

    [Fact]
    public async Task Drill_down_decimals_sort_by_value_and_surveys_page_by_questionnaire_and_question()
    {
        var checks = await Get("/api/rows/checks?department=LOG&sort=score&page_size=500");
        var scores = Rows(checks, "score", "check_id");
        Assert.All(scores, r => Assert.Matches(@"^\d+(\.\d+)?$", r[0]));
        Assert.Equal(scores.OrderBy(r => decimal.Parse(r[0], CultureInfo.InvariantCulture)).ThenBy(r => r[1], StringComparer.Ordinal), scores);
        Assert.Contains(scores, r => r[0] == "100"); // a full score, which as text would sort before 94.5

        var surveys = Rows(await Get("/api/rows/surveys?page_size=30&page=2"), "response_id", "question", "score", "scale", "excluded");
        Assert.Equal(surveys.OrderBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal), surveys);
        Assert.All(surveys, r => Assert.Matches(@"^\d+(\.\d+)?$", r[2]));
        Assert.All(surveys, r => Assert.Contains(r[4], new[] { "true", "false" }));
        await using var db = app.Options.Warehouse.CreateContext();
        var scales = await db.SurveyQuestions.AsNoTracking().ToDictionaryAsync(q => q.Question, q => q.Scale);
        Assert.All(surveys, r => Assert.Equal(Number(scales[r[1].Trim('"')]), r[3]));
        Assert.Contains(surveys, r => r[3] == "10"); // a 10-point question beside the 5-point ones
    }

    [Fact]
    public async Task The_drill_down_search_ignores_case_and_takes_wildcards_literally()
    {
        var ids = (await ComplaintsFromFacts(2026, 2, 2026, 2, null)).Count(c => c.Id.StartsWith("TS-2026Q2-LOG", StringComparison.Ordinal));
        Assert.True(ids > 0);

        Assert.Equal(ids, (await Get("/api/rows/complaints?search=TS-2026Q2-LOG")).GetProperty("total").GetInt64());
        Assert.Equal(ids, (await Get("/api/rows/complaints?search=ts-2026q2-log")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await Get("/api/rows/complaints?search=TS-2026Q2-LOG-0_")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await Get("/api/rows/complaints?search=TS-2026Q2-%25-01")).GetProperty("total").GetInt64());
    }

    private sealed record Stored(string Quarter, string Department, decimal? Total, decimal Amount, string Grade);

    private sealed record Complaint(string Id, string Department, DateTime ReceivedAt, bool Valid, DateTime? RepliedAt, DateTime? ResolvedAt, decimal? DirectDeduction);

    /// <summary>Every department's stored assessment in the quarters the filter keeps, as /api/assessments gives them.</summary>
    private async Task<List<Stored>> StoredAssessments(Func<string, bool> keep)
    {
        var stored = new List<Stored>();
        foreach (var quarter in (await Get("/api/quarters")).EnumerateArray().Select(q => q.GetString()!).Where(keep))
        {
            foreach (var a in (await Get($"/api/assessments/{quarter}")).GetProperty("assessments").EnumerateArray())
            {
                var total = a.GetProperty("total");
                stored.Add(new Stored(quarter, a.GetProperty("department").GetString()!, total.ValueKind == JsonValueKind.Null ? null : total.GetDecimal(),
                    a.GetProperty("amount").GetDecimal(), a.GetProperty("grade").GetString()!));
            }
        }
        return stored;
    }

    private async Task<List<Complaint>> ComplaintsFromFacts(int fromYear, int fromQuarter, int toYear, int toQuarter, string[]? departments)
    {
        var (from, to) = (new Quarter(fromYear, fromQuarter).Key, new Quarter(toYear, toQuarter).Key);
        await using var db = app.Options.Warehouse.CreateContext();
        var codeOf = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.DepartmentKey, d => d.Code);
        return (await db.Complaints.AsNoTracking().Where(c => c.QuarterKey >= from && c.QuarterKey <= to).ToListAsync())
            .Select(c => new Complaint(c.ComplaintId, codeOf[c.DepartmentKey], c.ReceivedAt, c.Valid, c.RepliedAt, c.ResolvedAt, c.DirectDeduction))
            .Where(c => departments is null || departments.Contains(c.Department)).ToList();
    }

    private static List<string> Row(string department, List<Stored> rows)
    {
        var totals = rows.Where(r => r.Total is not null).Select(r => r.Total!.Value).ToList();
        decimal? average = totals.Count == 0 ? null : Math.Round(totals.Sum() / totals.Count, 2, MidpointRounding.AwayFromZero);
        return [Text(department), Number(average), Number(rows.Sum(r => r.Amount)), rows.Count.ToString(CultureInfo.InvariantCulture),
            rows.Count(r => r.Grade == "fail").ToString(CultureInfo.InvariantCulture)];
    }

    private static bool IsMidpoint(List<decimal> totals) => totals.Count > 0 && totals.Sum() / totals.Count * 1000 % 10 == 5;

    /// <summary>The answer's rows as JSON tokens: strings quoted, numbers and literals as written. With column names,
    /// those columns only (by the answer's own column list).</summary>
    private static List<List<string>> Rows(JsonElement answer, params string[] columns)
    {
        var names = answer.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        var indexes = columns.Length == 0 ? Enumerable.Range(0, names.Count).ToList() : columns.Select(c => names.IndexOf(c)).ToList();
        Assert.DoesNotContain(-1, indexes);
        return answer.GetProperty("rows").EnumerateArray()
            .Select(r => indexes.Select(i => r[i].ValueKind == JsonValueKind.String ? Text(r[i].GetString()!) : r[i].GetRawText()).ToList()).ToList();
    }

    private static string Text(string value) => "\"" + value + "\"";

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "null";

    private static string Time(DateTime? value) => value is { } t ? Text(t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) : "null";
}
