using System.Text.Json;
using QualityAnalytics.Etl.Loading;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The department page's service targets and the overview's on-time KPI say when a quarter's solution deadlines count days in a year whose
/// holidays are not imported yet (the shipped calendar ends with 2026). A dashboard of its own: it loads a complaint.</summary>
public sealed class CalendarNoticeTests : IDisposable
{
    private readonly DashboardFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_department_analysis_names_the_years_its_deadlines_reach_without_a_calendar()
    {
        var file = Path.Combine(_app.Folder, "late-december.csv");
        File.WriteAllText(file, "complaint_id,department,received_at,channel,valid\nTS-DEC-29,LOG,2026-12-29 09:00,电话,是\n"); // its 3rd working day is in 2027
        Assert.False(new FileLoader(_app.Options.Warehouse, _app.Clock).Load([file]).AnyRejected);
        var manager = await _app.SignedIn("log-manager");

        var q4 = JsonDocument.Parse(await manager.GetStringAsync("/api/analysis/2026Q4/departments/LOG")).RootElement;
        var q2 = JsonDocument.Parse(await manager.GetStringAsync("/api/analysis/2026Q2/departments/LOG")).RootElement;

        Assert.Equal([2027], q4.GetProperty("uncalendared_years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Empty(q2.GetProperty("uncalendared_years").EnumerateArray());

        // The overview's on-time KPI asks the same of the quarter as a whole.
        var calendar = JsonDocument.Parse(await manager.GetStringAsync("/api/calendar/2026Q4")).RootElement;
        Assert.Equal([2027], calendar.GetProperty("uncalendared_years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Empty(JsonDocument.Parse(await manager.GetStringAsync("/api/calendar/2026Q2")).RootElement.GetProperty("uncalendared_years").EnumerateArray());
    }
}
