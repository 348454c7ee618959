using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QualityAnalytics.Benchmarks;

/// <summary>One timed API call: what kind of request it was (see <see cref="DashboardClient"/>), and how long it took
/// until its whole body had arrived.</summary>
public sealed record TimedRequest(string Type, double Milliseconds);

/// <summary>One browser's worth of dashboard use, signed in as one user. Each page visit asks the API what the page's
/// script asks (web/wwwroot/js: overview.js, department.js, rows.js and app.js), in the same order and with the same
/// parallelism (the page's Promise.all as concurrent requests), without think time between visits.</summary>
public sealed partial class DashboardClient : IDisposable
{
    public const string Reference = "reference data (model, quarters, departments, options, me)";
    public const string OverviewQuery = "overview query";
    public const string SlicedQuery = "slicer-filtered query";
    public const string DepartmentQuery = "department trend query";
    public const string Assessment = "quarter assessment";
    public const string Findings = "findings (analysis)";
    public const string DepartmentAnalysis = "department analysis";
    public const string Notices = "notices";
    public const string RowsPage = "drill-down rows page";
    public const string RowsSearch = "drill-down rows search";
    public const string OverviewPage = "page: overview (all its calls)";
    public const string DepartmentPage = "page: department (all its calls)";
    public const string RowsPageVisit = "page: rows (all its calls)";
    public const string Matrix = "explore matrix";
    public const string ComparedMatrix = "explore matrix compared (环比)";
    public const string MatrixPage = "page: explore matrix (all its calls)";

    private readonly HttpClient _http;
    private readonly Random _random;
    private readonly bool _committee;
    private readonly List<TimedRequest> _timings = [];
    private readonly List<string> _errors = [];
    private JsonElement _model;
    private string[] _quarters = [];
    private string[] _departments = [];
    private string[] _channels = [];
    private string[] _categories = [];

    private DashboardClient(HttpClient http, bool committee, int seed)
    {
        _http = http;
        _committee = committee;
        _random = new Random(seed);
    }

    public IReadOnlyList<TimedRequest> Timings => _timings;
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Signs in through the real sign-in form (antiforgery token and cookie) as the demo's committee user or
    /// its LOG department manager.</summary>
    public static async Task<DashboardClient> SignIn(Uri server, bool committee, int seed)
    {
        // A browser opens a handful of connections per host; six, like the common browsers.
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 6 };
        var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        var page = await http.GetStringAsync("/login");
        var token = TokenPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery token on /login");
        var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = committee ? "committee" : "manager-log", ["Password"] = "demo-password-2026", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in failed: {response.StatusCode}");
        var client = new DashboardClient(http, committee, seed);
        await client.LoadReferenceData(record: false);
        return client;
    }

    /// <summary>One page visit, chosen as a person would click around: the committee mostly on the overview (plain and
    /// sliced), then departments, the rows behind a number and a matrix of their own making; a manager on their own
    /// department's pages.</summary>
    public async Task VisitOnePage()
    {
        var roll = _random.NextDouble();
        if (roll < 0.32) await Overview(sliced: false);
        else if (roll < 0.50) await Overview(sliced: true);
        else if (roll < 0.73) await Department(_departments[_random.Next(_departments.Length)]);
        else if (roll < 0.91) await Rows();
        else await ExploreMatrix();
    }

    public void ForgetTimings()
    {
        _timings.Clear();
        _errors.Clear();
    }

    private async Task LoadReferenceData(bool record)
    {
        var texts = await Task.WhenAll(
            Get(Reference, "/api/model", record), Get(Reference, "/api/quarters", record), Get(Reference, "/api/departments", record),
            Get(Reference, "/api/options/grade", record), Get(Reference, "/api/options/channel", record), Get(Reference, "/api/options/category", record),
            Get(Reference, "/api/me", record));
        _model = JsonDocument.Parse(texts[0]).RootElement;
        _quarters = Strings(texts[1]);
        _departments = JsonDocument.Parse(texts[2]).RootElement.EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToArray();
        _channels = Strings(texts[4]);
        _categories = Strings(texts[5]);
    }

    /// <summary>overview.js: slicers from the reference data, eight queries and the assessment at once, then the
    /// findings, then the notices for the committee.</summary>
    private async Task Overview(bool sliced)
    {
        var watch = Stopwatch.StartNew();
        await LoadReferenceData(record: true);
        var to = _quarters[^1];
        var from = _quarters[Math.Max(0, _quarters.Length - 4)];
        var previous = _quarters[Math.Max(0, _quarters.Length - 2)];
        var filters = new Dictionary<string, string>();
        if (sliced)
        {
            filters["channel"] = _channels[_random.Next(_channels.Length)];
            if (_random.Next(2) == 0) filters["category"] = _categories[_random.Next(_categories.Length)];
            else filters["grade"] = _random.Next(2) == 0 ? "pass" : "excellent";
        }
        var type = sliced ? SlicedQuery : OverviewQuery;
        await Task.WhenAll(
            Query(type, ["total"], ["quarter"], filters, previous, to),
            Query(type, ["satisfaction_rate", "reply_on_time_rate", "resolve_on_time_rate", "complaints"], ["quarter"], filters, previous, to),
            Query(type, ["excellent", "passed", "failed", "withheld"], [], filters, to, to),
            Query(type, ["total"], ["department"], filters, to, to, "total desc"),
            Query(type, ["complaints", "valid_complaints"], ["category"], filters, from, to, "complaints desc"),
            Query(type, ["total", "self_check", "survey", "complaint_score"], ["quarter"], filters, from, to),
            Query(type, ["complaints"], ["quarter"], filters, from, to),
            Query(type, ["total", "self_check", "survey", "complaint_score", "callback_deduction", "amount"], ["department", "grade"], filters, to, to, "total desc"),
            Get(Assessment, $"/api/assessments/{to}"));
        await Get(Findings, $"/api/findings/{to}");
        if (_committee) await Get(Notices, "/api/notices");
        _timings.Add(new TimedRequest(OverviewPage, watch.Elapsed.TotalMilliseconds));
    }

    /// <summary>department.js: four queries of one department and the quarter's assessment at once, then its analysis.</summary>
    private async Task Department(string code)
    {
        var watch = Stopwatch.StartNew();
        await LoadReferenceData(record: true);
        var to = _quarters[^1];
        var from = _quarters[Math.Max(0, _quarters.Length - 8)];
        var filters = new Dictionary<string, string> { ["department"] = code };
        await Task.WhenAll(
            Query(DepartmentQuery, ["total", "self_check", "survey", "complaint_score", "callback_deduction"], ["quarter"], filters, from, to),
            Query(DepartmentQuery, ["satisfaction_rate", "reply_on_time_rate", "resolve_on_time_rate", "complaints"], ["quarter"], filters, from, to),
            Query(DepartmentQuery, ["complaints", "valid_complaints"], ["category"], filters, from, to, "complaints desc"),
            Query(DepartmentQuery, ["check_score", "checks"], ["month", "kind"], filters, from, to),
            Get(Assessment, $"/api/assessments/{to}"));
        await Get(DepartmentAnalysis, $"/api/analysis/{to}/departments/{code}");
        _timings.Add(new TimedRequest(DepartmentPage, watch.Elapsed.TotalMilliseconds));
    }

    /// <summary>rows.js: the complaints behind a number, a page of 50 sorted on the server, or a search.</summary>
    private async Task Rows()
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Get(Reference, "/api/quarters"), Get(Reference, "/api/departments"),
            Get(Reference, "/api/options/channel"), Get(Reference, "/api/options/category"));
        var to = _quarters[^1];
        var from = _quarters[Math.Max(0, _quarters.Length - 4)];
        var query = new Dictionary<string, string> { ["from"] = from, ["to"] = to, ["page_size"] = "50" };
        if (_random.Next(2) == 0) query["department"] = _departments[_random.Next(_departments.Length)];
        if (_random.Next(3) == 0)
        {
            query["search"] = "不及时";
            await Get(RowsSearch, "/api/rows/complaints" + QueryString(query));
        }
        else
        {
            query["page"] = (1 + _random.Next(5)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            query["sort"] = _random.Next(2) == 0 ? "received_at" : "category";
            query["dir"] = _random.Next(2) == 0 ? "desc" : "asc";
            await Get(RowsPage, "/api/rows/complaints" + QueryString(query));
        }
        _timings.Add(new TimedRequest(RowsPageVisit, watch.Elapsed.TotalMilliseconds));
    }

    /// <summary>explore.js with the matrix: the reference data, then the matrix of two complaint measures over the last
    /// eight quarters, quarters or departments down and channels or categories across (four statements on the server; a
    /// third of them compared with the quarter before, eight).</summary>
    private async Task ExploreMatrix()
    {
        var watch = Stopwatch.StartNew();
        await LoadReferenceData(record: true);
        var query = new Dictionary<string, string>
        {
            ["measures"] = "complaints,reply_on_time_rate", ["rows"] = _random.Next(2) == 0 ? "quarter" : "department",
            ["columns"] = _random.Next(2) == 0 ? "channel" : "category", ["from"] = _quarters[Math.Max(0, _quarters.Length - 8)], ["to"] = _quarters[^1],
        };
        if (_random.Next(3) == 0) query["order"] = "complaints desc";
        // One in three compared with the quarter before (环比): the same four statements again over the range moved back.
        var compared = _random.Next(3) == 0;
        if (compared) query["compare"] = "previous";
        await Get(compared ? ComparedMatrix : Matrix, "/api/query/matrix" + QueryString(query));
        _timings.Add(new TimedRequest(MatrixPage, watch.Elapsed.TotalMilliseconds));
    }

    /// <summary>app.js query(): filters the measures' mart does not carry are left out, so one set of slicers serves
    /// every visual.</summary>
    private Task<string> Query(string type, string[] measures, string[] dimensions, Dictionary<string, string> filters, string from, string to, string? order = null)
    {
        var mart = _model.GetProperty("measures").EnumerateArray().First(m => m.GetProperty("name").GetString() == measures[0]).GetProperty("mart").GetString();
        var martDimensions = _model.GetProperty("marts").EnumerateArray().First(m => m.GetProperty("name").GetString() == mart)
            .GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()).ToHashSet();
        var query = new Dictionary<string, string> { ["measures"] = string.Join(',', measures), ["from"] = from, ["to"] = to };
        if (dimensions.Length > 0) query["dimensions"] = string.Join(',', dimensions);
        if (order is not null) query["order"] = order;
        foreach (var (name, value) in filters.Where(f => martDimensions.Contains(f.Key))) query[name] = value;
        return Get(type, "/api/query" + QueryString(query));
    }

    private async Task<string> Get(string type, string path, bool record = true)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (record) _timings.Add(new TimedRequest(type, elapsed));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            _errors.Add($"{(int)response.StatusCode} {path}");
            if (!record) throw new InvalidOperationException($"{(int)response.StatusCode} from {path}: {body}");
        }
        return body;
    }

    private static string QueryString(Dictionary<string, string> query) =>
        "?" + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private static string[] Strings(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
