using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QualityAnalytics.Web.Tests.Api;

namespace QualityAnalytics.Web.Tests.Browser;

/// <summary>The real dashboard on a real port (Kestrel, port chosen by the OS) over the demo warehouse, and one headless
/// Debian Chromium for every browser test (a collection fixture: the demo and the browser start once).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DashboardFactory Dashboard { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Screenshots land in the test project's TestResults/screenshots (git-ignored) for people to look at.</summary>
    public static string ScreenshotFolder { get; } = Screenshots();

    public async Task InitializeAsync()
    {
        Dashboard.UseKestrel(0);
        Dashboard.StartServer();
        var addresses = Dashboard.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies) signed in as <paramref name="user"/> through the sign-in form.</summary>
    /// <param name="timeZone">The browser's time zone (an IANA name); the machine's when null.</param>
    public async Task<Session> SignIn(string user, int width = 1280, int height = 900, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = "zh-CN", TimezoneId = timeZone,
        });
        var page = await context.NewPageAsync();
        var session = new Session(context, page);
        page.Console += (_, message) => { if (message.Type == "error") session.Errors.Add(message.Text); };
        page.PageError += (_, error) => session.Errors.Add(error);
        await page.GotoAsync("/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", DashboardFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await session.Navigated(url => !url.Contains("/login", StringComparison.Ordinal));
        return session;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        Dashboard.Dispose();
    }

    private static string Screenshots()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !dir.EnumerateFiles("*.csproj").Any()) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>One signed-in browser context and its page; collects the page's script errors.</summary>
public sealed class Session(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;
    public List<string> Errors { get; } = [];

    /// <summary>Goes to a page and waits until its scripts have drawn everything (body[data-loading=false]).</summary>
    public async Task Open(string url)
    {
        await Page.GotoAsync(url);
        await Settled();
    }

    /// <summary>Waits until no API call of the page is pending (on a page still being parsed there is no body yet).</summary>
    public async Task Settled()
    {
        try
        {
            await Page.WaitForFunctionAsync("() => document.body?.dataset.loading === 'false'", null, new PageWaitForFunctionOptions { Timeout = 15000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{Page.Url} did not finish drawing; script errors: {string.Join(" | ", Errors)}", e);
        }
    }

    /// <summary>Waits until the page's address matches, without waiting for the page's "load" event.</summary>
    /// <remarks>Not Playwright's WaitForURLAsync: once the address matches, it waits for "load", and its .NET client first
    /// looks whether "load" has fired and only then listens for it; a "load" that arrives between the two is never seen.
    /// A busy CI run timed out that way after 30 s with the page drawn ("networkidle", which comes after "load", was
    /// logged). The address is the frame's own, updated when the navigation commits.</remarks>
    public async Task Navigated(Func<string, bool> url, int timeoutMilliseconds = 30_000)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!url(Page.Url))
        {
            if (waited.ElapsedMilliseconds > timeoutMilliseconds)
                throw new TimeoutException($"The page stayed at {Page.Url} for {timeoutMilliseconds} ms; script errors: {string.Join(" | ", Errors)}");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the page has gone to a matching address and finished drawing there.</summary>
    public async Task Arrived(Func<string, bool> url, int timeoutMilliseconds = 30_000)
    {
        await Navigated(url, timeoutMilliseconds);
        await Settled();
    }

    /// <summary>Runs an action that changes the page state and waits for the redraw it causes.</summary>
    public async Task AndSettle(Func<Task> action)
    {
        var before = await Page.EvaluateAsync<string?>("() => document.body.dataset.renders ?? '0'");
        await action();
        await Page.WaitForFunctionAsync("before => document.body.dataset.loading === 'false' && (document.body.dataset.renders ?? '0') !== before", before,
            new PageWaitForFunctionOptions { Timeout = 15000 });
    }

    /// <summary>The data of one series of the ECharts chart in the element with this id.</summary>
    public Task<T> Chart<T>(string id, string expression) =>
        Page.EvaluateAsync<T>($"id => {{ const option = echarts.getInstanceByDom(document.getElementById(id)).getOption(); return {expression}; }}", id);

    /// <summary>The whole page as name.png; a tall phone page also in screen-sized parts (name.part1.png…), readable at full size.</summary>
    public async Task Screenshot(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
        var viewport = Page.ViewportSize!;
        if (viewport.Width > 600) return;
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (int top = 0, part = 1; top < height; top += 1100, part++)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.part{part}.png"), FullPage = true,
                Clip = new Clip { X = 0, Y = top, Width = viewport.Width, Height = Math.Min(1100, height - top) },
            });
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
