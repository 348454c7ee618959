using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QualityAnalytics.Web.Jobs;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>How a failed job's reason reads in the jobs list and the failure mail.</summary>
public sealed class JobFailureTextTests(Api.DashboardFactory app) : IClassFixture<Api.DashboardFactory>
{
    [Fact]
    public void A_warehouse_another_program_keeps_locked_is_told_in_words_not_as_sqlites_error()
    {
        // A real "database is locked": one connection holds the write lock, the other waits for it one second (the
        // command timeout: Microsoft.Data.Sqlite retries a busy statement until it runs out, and 0 would wait forever).
        var file = Path.Combine(app.Folder, "locked.db");
        using var holder = new SqliteConnection($"Data Source={file};Pooling=False");
        holder.Open();
        Run(holder, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (x INTEGER); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
        using var writer = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=1");
        writer.Open();
        Run(writer, "PRAGMA busy_timeout=0;");
        var locked = Assert.Throws<SqliteException>(() => Run(writer, "INSERT INTO t VALUES (2);"));
        Assert.Equal(5, locked.SqliteErrorCode);

        var text = app.Services.GetRequiredService<JobFailureText>();
        // As a job meets it: wrapped by whatever was writing.
        var failure = new InvalidOperationException("An error occurred while saving the entity changes.", locked);
        Assert.Equal("仓库数据库被另一个程序的写入长时间锁定，超过了等待时限：请在它结束后再运行本任务。", text.Describe(failure, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.StartsWith("The warehouse database was locked by another program's write", text.Describe(failure, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);

        // Any other SQLite error stays the database's own English, said to be technical.
        var other = new SqliteException("SQLite Error 1: 'no such table: nothing'.", 1);
        Assert.StartsWith("技术原因（英文原文）：SQLite Error 1", text.Describe(other, CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
