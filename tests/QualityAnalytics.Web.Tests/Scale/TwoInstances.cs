using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Web.Auth;
using QualityAnalytics.Web.Tests.Cli;

namespace QualityAnalytics.Web.Tests.Scale;

/// <summary>Two dashboard instances, A and B, on one fresh PostgreSQL database and one data folder (the network share of a
/// real deployment), started side by side, and a working-group user made with `qa user add` beforehand.</summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    public const string User = "wg";
    public const string Password = "correct-horse-battery";
    private readonly CliRun _qa;

    private TwoInstances(CliRun qa, DashboardInstance a, DashboardInstance b)
    {
        _qa = qa;
        A = a;
        B = b;
    }

    public DashboardInstance A { get; }
    public DashboardInstance B { get; }
    public WarehouseDb Warehouse => _qa.Warehouse;
    public string Inbox => Path.Combine(Warehouse.DataFolder, "inbox");

    public static async Task<TwoInstances> Start(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var qa = new CliRun();
        try
        {
            var added = qa.Run("user", "add", User, "--role", Roles.WorkingGroup, "--password", Password);
            if (added.Exit != 0) throw new InvalidOperationException(added.Out + added.Error);
            settings ??= new Dictionary<string, string?>();
            var started = await Task.WhenAll(
                DashboardInstance.Start("A", qa.Warehouse.ConnectionString, qa.Warehouse.DataFolder, settings),
                DashboardInstance.Start("B", qa.Warehouse.ConnectionString, qa.Warehouse.DataFolder, settings));
            return new TwoInstances(qa, started[0], started[1]);
        }
        catch
        {
            qa.Dispose();
            throw;
        }
    }

    /// <summary>Signs in through an instance's real sign-in form (its antiforgery token and cookie included); the
    /// cookies end up in the jar.</summary>
    public static async Task SignIn(DashboardInstance instance, CookieContainer cookies)
    {
        using var browser = instance.Browser(cookies);
        var token = await Api.DashboardFactory.Token(browser, "/login");
        var response = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = User, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in on {instance} failed: {response.StatusCode}");
    }

    /// <summary>A jar holding the cookies one instance set, for the other instance's address (cookies do not depend on
    /// the port, but the copy makes it plain that B sees exactly what A issued).</summary>
    public static CookieContainer Carry(CookieContainer from, DashboardInstance source, DashboardInstance target)
    {
        var to = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(source.Address)) to.Add(target.Address, new Cookie(cookie.Name, cookie.Value, "/"));
        return to;
    }

    /// <summary>Hangfire's view of the shared storage, read by a storage of the test's own (neither instance's).</summary>
    public IMonitoringApi Monitoring()
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(Warehouse.ConnectionString, options), options).GetMonitoringApi();
    }

    public long Count(string sql)
    {
        using var connection = Warehouse.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(A.DisposeAsync().AsTask(), B.DisposeAsync().AsTask());
        }
        finally
        {
            _qa.Dispose();
        }
    }
}
