using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using QualityAnalytics.Web.Notices;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>The optional e-mail notices, end to end: the real dashboard host with its Hangfire server, the nightly load
/// triggered as the working group triggers it, and the mail received by a real SMTP server.</summary>
public sealed class NoticeMailTests
{
    private sealed class MailingDashboard(int port, string language, string? reportTo = null) : Api.DashboardFactory
    {
        protected override Microsoft.Extensions.Hosting.IHostBuilder CreateHostBuilder() =>
            Host.DashboardHost.CreateBuilder(Options with { JobStorage = () => new InMemoryStorage() }, Clock)
                .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Notices:Smtp:Host"] = "127.0.0.1",
                    ["Notices:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Notices:Smtp:Security"] = "none",
                    ["Notices:To:0"] = "quality-group@example.com",
                    ["Notices:From"] = "qa@example.com",
                    ["Notices:Language"] = language,
                    ["Notices:DashboardUrl"] = "https://qa.example.com/",
                    ["Notices:ReportTo:0"] = reportTo,
                }));
    }

    [Fact]
    public async Task A_nightly_load_that_quarantines_rows_mails_the_working_group_in_chinese()
    {
        using var smtp = new SmtpInbox();
        using var app = new MailingDashboard(smtp.Port, "zh-CN");
        var inbox = Path.Combine(app.Folder, "data", "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "投诉-九月.csv"),
            "complaint_id,department,received_at,channel,valid\nNM-1,LOG,2026-09-02 10:00,电话,是\nNM-2,NOPE,2026-09-02 11:00,电话,是\n");
        File.WriteAllText(Path.Combine(inbox, "说明.csv"), "whatever,this\n1,2\n");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));

        Assert.Equal(HttpStatusCode.Accepted, (await wg.PostAsync("/api/jobs/nightly-load/run", null)).StatusCode);

        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.Contains("批数据", StringComparison.Ordinal));
        Assert.Equal("quality-group@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("qa@example.com", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Matches(@"^\[质量分析\] 第 \d+ 批数据需要处理：1 行被隔离，1 个文件被拒收$", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains("投诉-九月.csv：读取 2 行，导入 1 行，隔离 1 行", body, StringComparison.Ordinal);
        // The loader records the reason in English; the mail gives it in the mail's language.
        Assert.Contains("说明.csv：整个文件被拒收。原因：说明.csv：表头与数据约定中的任何类型都不符（whatever, this）", body, StringComparison.Ordinal);
        Assert.Contains("qa quarantine --batch", body, StringComparison.Ordinal);
        Assert.Contains("仪表板：https://qa.example.com/", body, StringComparison.Ordinal);
        Assert.Single(smtp.Messages); // a load with nothing to say does not mail; this one says it once
    }

    [Fact]
    public async Task A_nightly_load_after_which_a_data_test_fails_mails_it_with_the_rows()
    {
        using var smtp = new SmtpInbox();
        using var app = new MailingDashboard(smtp.Port, "en");
        int deleted;
        using (var connection = app.Options.Warehouse.OpenConnection())
        using (var damage = connection.CreateCommand())
        {
            // A mart of a quarter tonight's file does not touch, out of step with its facts (say, a restore gone wrong).
            damage.CommandText = "DELETE FROM mart_check_monthly WHERE quarter_key = 20244 AND department_code = 'LOG'";
            deleted = damage.ExecuteNonQuery();
            Assert.True(deleted > 0);
        }
        var inbox = Path.Combine(app.Folder, "data", "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "complaints.csv"), "complaint_id,department,received_at,channel,valid\nDT-1,LOG,2026-09-03 10:00,电话,是\n");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));

        Assert.Equal(HttpStatusCode.Accepted, (await wg.PostAsync("/api/jobs/nightly-load/run", null)).StatusCode);

        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.Contains("needs attention", StringComparison.Ordinal));
        Assert.Matches(@"^\[QualityAnalytics\] Batch \d+ needs attention: rows quarantined 0, files rejected 0, data tests failing 1$", mail.Subject);
        Assert.Contains("these data tests of the warehouse fail", mail.TextBody, StringComparison.Ordinal);
        // One row of the test per month and kind the mart lost.
        Assert.Matches($@"· equality:mart_check_monthly: {deleted} rows, e\.g\. 2024(10|11|12)01 LOG (self|spot): \d+ facts, 0 in the mart", mail.TextBody);
    }

    /// <summary>A correction under the committee's approval: nothing is wrong with the rows, but the working group must
    /// take the change back to the committee, so the load mails though it quarantined nothing.</summary>
    [Fact]
    public async Task A_nightly_load_that_corrects_an_approved_quarter_mails_which_quarter()
    {
        using var smtp = new SmtpInbox();
        using var app = new MailingDashboard(smtp.Port, "zh-CN");
        var committee = await app.SignedIn("committee");
        committee.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(committee, "/"));
        Assert.Equal(HttpStatusCode.OK, (await committee.PostAsync("/api/assessments/2026Q2/approve", null)).StatusCode);
        var inbox = Path.Combine(app.Folder, "data", "inbox");
        Directory.CreateDirectory(inbox);
        // One new complaint of 2026Q2 (approved) and one of 2026Q3 (not).
        File.WriteAllText(Path.Combine(inbox, "complaints.csv"),
            "complaint_id,department,received_at,channel,valid\nAQ-1,LOG,2026-05-20 10:00,电话,是\nAQ-2,LOG,2026-08-20 10:00,电话,是\n");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));

        Assert.Equal(HttpStatusCode.Accepted, (await wg.PostAsync("/api/jobs/nightly-load/run", null)).StatusCode);

        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.Contains("批数据", StringComparison.Ordinal));
        Assert.Matches(@"^\[质量分析\] 第 \d+ 批数据改动了已批准的季度 2026Q2$", mail.Subject);
        Assert.Contains("本批次改动了委员会已批准的季度：2026Q2。", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("qa quarantine", mail.TextBody, StringComparison.Ordinal); // nothing was quarantined
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task A_failing_job_mails_its_reason_and_says_it_will_be_retried()
    {
        using var smtp = new SmtpInbox();
        using var app = new MailingDashboard(smtp.Port, "en");
        // The inbox cannot be a folder: a file stands where it should be.
        Directory.CreateDirectory(Path.Combine(app.Folder, "data"));
        File.WriteAllText(Path.Combine(app.Folder, "data", "inbox"), "not a folder");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));

        await wg.PostAsync("/api/jobs/nightly-load/run", null);

        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.Contains("Job failed", StringComparison.Ordinal));
        Assert.Equal("[QualityAnalytics] Job failed: nightly-load", mail.Subject);
        Assert.Contains("Attempt 1 of job nightly-load failed", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("is a file, not a folder", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hangfire will retry it later", mail.TextBody, StringComparison.Ordinal);
    }

    /// <summary>A broken policy.json is the working group's own edit, the commonest job failure: the mail tells what is
    /// wrong in the mails' language, as the Policy page does, not in the exception's English.</summary>
    [Fact]
    public async Task A_job_failing_on_a_broken_policy_file_mails_the_problems_in_the_mails_language()
    {
        using var smtp = new SmtpInbox();
        using var app = new MailingDashboard(smtp.Port, "zh-CN");
        Directory.CreateDirectory(Path.Combine(app.Folder, "data"));
        File.WriteAllText(Path.Combine(app.Folder, "data", "policy.json"), "{ \"versions\": [ { \"version\": \"2026\", ");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));

        await wg.PostAsync("/api/jobs/rescore/run", null);

        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.Contains("任务失败", StringComparison.Ordinal));
        Assert.Equal("[质量分析] 任务失败：rescore", mail.Subject);
        Assert.Contains("policy.json", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Policy '", mail.TextBody, StringComparison.Ordinal); // the English lead of the exception's message
        Assert.Matches("第 ?[0-9]+ ?行", mail.TextBody); // the syntax error told by its line, in Chinese
    }

    [Fact]
    public async Task The_quarterly_report_is_mailed_to_the_committee_with_both_pdfs_attached()
    {
        using var smtp = new SmtpInbox();
        using var app = new MailingDashboard(smtp.Port, "zh-CN", reportTo: "committee@example.com");
        var wg = await app.SignedIn("wg");
        wg.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await Api.DashboardFactory.Token(wg, "/"));

        // The fake clock says 8 July 2026, 08:30 in Shanghai: the job reports on the second quarter.
        Assert.Equal(HttpStatusCode.Accepted, (await wg.PostAsync("/api/jobs/quarterly-report/run", null)).StatusCode);

        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.Contains("分析报告", StringComparison.Ordinal));
        Assert.Equal("[质量分析] 2026 年第 2 季度服务质量分析报告", mail.Subject);
        Assert.Equal("committee@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("供 2026-07-10 的质量会议使用", mail.TextBody, StringComparison.Ordinal);
        var attached = mail.Attachments.OfType<MimeKit.MimePart>().ToDictionary(a => a.FileName ?? "", a => a);
        Assert.Equal(["2026Q2-en.pdf", "2026Q2-zh-CN.pdf"], attached.Keys.Order(StringComparer.Ordinal));
        using var pdf = new MemoryStream();
        attached["2026Q2-zh-CN.pdf"].Content!.DecodeTo(pdf);
        Assert.Equal(File.ReadAllBytes(Path.Combine(app.Folder, "data", "reports", "2026Q2-zh-CN.pdf")), pdf.ToArray());
    }

    [Fact]
    public void Without_a_mail_server_no_notice_filter_is_added()
    {
        using var app = new InMemoryOnly();

        Assert.False(app.Service<NoticeSettings>().Enabled);
        // The host's provider always adds the filter that keeps a failure's reason for the jobs list; never the mails' one.
        var job = Hangfire.Common.Job.FromExpression<QualityAnalytics.Etl.Jobs.RescoreJob>(j => j.Run());
        var filters = app.Service<Hangfire.Common.IJobFilterProvider>().GetFilters(job).Select(f => f.Instance.GetType().Name).ToList();
        Assert.Contains("JobFailureReasonFilter", filters);
        Assert.DoesNotContain("NoticeFilter", filters);
    }

    private sealed class InMemoryOnly : Api.DashboardFactory
    {
        protected override Microsoft.Extensions.Hosting.IHostBuilder CreateHostBuilder() =>
            Host.DashboardHost.CreateBuilder(Options with { JobStorage = () => new InMemoryStorage() }, Clock);
    }
}
