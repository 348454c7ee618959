using System.Net;
using System.Net.Sockets;
using QualityAnalytics.Web.Tests.Jobs;

namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa notices test`: the operator's check that the mail settings work, against a real SMTP server.</summary>
public sealed class NoticesCliTests
{
    private static Dictionary<string, string?> Mail(int port) => new()
    {
        ["Notices:Smtp:Host"] = "127.0.0.1",
        ["Notices:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notices:Smtp:Security"] = "none",
        ["Notices:To:0"] = "quality-group@example.com",
        ["Notices:ReportTo:0"] = "committee@example.com",
    };

    [Fact]
    public async Task A_test_mail_reaches_the_working_group_and_the_committee()
    {
        using var smtp = new SmtpInbox();
        using var qa = new CliRun(Mail(smtp.Port));

        var (exit, output, error) = qa.Run("notices", "test");

        Assert.True(exit == 0, error);
        Assert.Contains("test mail sent to quality-group@example.com, committee@example.com", output, StringComparison.Ordinal);
        var mail = await smtp.WaitFor(m => m.Subject == "[质量分析] 测试邮件");
        Assert.Equal(["quality-group@example.com", "committee@example.com"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("2026-07-08 08:30", mail.TextBody, StringComparison.Ordinal); // the clock, in Shanghai time
    }

    [Theory]
    [InlineData("en-US", "[QualityAnalytics] Test mail")]
    [InlineData("fr", "[质量分析] 测试邮件")] // no French resources: Chinese, never bare resource keys
    public async Task The_mail_is_in_english_on_request_and_chinese_otherwise(string language, string subject)
    {
        using var smtp = new SmtpInbox();
        using var qa = new CliRun(new Dictionary<string, string?>(Mail(smtp.Port)) { ["Notices:Language"] = language });

        Assert.Equal(0, qa.Run("notices", "test").Exit);

        Assert.Equal(subject, (await smtp.WaitFor(_ => true)).Subject);
    }

    [Fact]
    public void Without_settings_it_says_what_to_set_and_exits_2()
    {
        using var qa = new CliRun();

        var (exit, _, error) = qa.Run("notices", "test");

        Assert.Equal(2, exit);
        Assert.Contains("Notices:Smtp:Host", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_does_not_answer_is_reported_and_exits_1()
    {
        int closed;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var qa = new CliRun(Mail(closed));

        var (exit, _, error) = qa.Run("notices", "test");

        Assert.Equal(1, exit);
        Assert.Contains($"the test mail was not sent through 127.0.0.1:{closed}", error, StringComparison.Ordinal);
    }
}
