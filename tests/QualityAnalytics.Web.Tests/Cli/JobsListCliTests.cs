namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa jobs list`: the schedules the scheduler will use, i.e. the configured ones (README, "Scheduled jobs":
/// appsettings.json's Jobs section or Jobs__… variables), so that an operator can check a change before the night.</summary>
public sealed class JobsListCliTests
{
    private static string Line(string output, string id) =>
        output.Split('\n').Single(l => l.StartsWith(id + " ", StringComparison.Ordinal));

    [Fact]
    public void Without_settings_it_shows_the_default_schedules()
    {
        using var qa = new CliRun();

        var (exit, output, error) = qa.Run("jobs", "list");

        Assert.True(exit == 0, error);
        Assert.Contains("0 2 * * *", Line(output, "nightly-load"), StringComparison.Ordinal);
        Assert.Contains("(by hand)", Line(output, "rescore"), StringComparison.Ordinal);
        Assert.Contains("0 6 8 1,4,7,10 *", Line(output, "quarterly-report"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_schedule_is_the_one_shown()
    {
        using var qa = new CliRun(new Dictionary<string, string?>
        {
            ["Jobs:NightlyLoad"] = "30 1 * * *",
            ["Jobs:Rescore"] = "0 3 * * 0",
            ["Jobs:QuarterlyReport"] = "0 7 7 1,4,7,10 *",
        });

        var (exit, output, error) = qa.Run("jobs", "list");

        Assert.True(exit == 0, error);
        Assert.Contains("30 1 * * *", Line(output, "nightly-load"), StringComparison.Ordinal);
        Assert.DoesNotContain("0 2 * * *", Line(output, "nightly-load"), StringComparison.Ordinal);
        Assert.Contains("0 3 * * 0", Line(output, "rescore"), StringComparison.Ordinal);
        Assert.Contains("0 7 7 1,4,7,10 *", Line(output, "quarterly-report"), StringComparison.Ordinal);
    }
}
