using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The state-changing routes: approval (committee), notes and uploads (working group); each needs its role and
/// the antiforgery token. Each test has a dashboard of its own (they change data).</summary>
public sealed class WritingTests : IDisposable
{
    private readonly DashboardFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> WithToken(string user)
    {
        var client = await _app.SignedIn(user);
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await DashboardFactory.Token(client, "/"));
        return client;
    }

    [Fact]
    public async Task The_committee_approves_a_quarter_with_the_token_and_not_without()
    {
        var bare = await _app.SignedIn("committee");
        Assert.Equal(HttpStatusCode.BadRequest, (await bare.PostAsync("/api/assessments/2026Q2/approve", null)).StatusCode);

        var committee = await WithToken("committee");
        var response = await committee.PostAsync("/api/assessments/2026Q2/approve", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await committee.PostAsync("/api/assessments/2026Q2/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("2026Q2 已经审定：审定的结果不再改变。", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var quarter = JsonDocument.Parse(await committee.GetStringAsync("/api/assessments/2026Q2")).RootElement;
        Assert.Equal("质量管理委员会", quarter.GetProperty("approval").GetProperty("approved_by").GetString()); // the display name of the demo's committee user

        foreach (var user in new[] { "wg", "viewer", "log-manager" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await WithToken(user)).PostAsync("/api/assessments/2026Q3/approve", null)).StatusCode);
    }

    [Fact]
    public async Task An_edit_of_the_approved_policy_version_after_the_approval_is_told_with_the_approval()
    {
        var committee = await WithToken("committee");
        Assert.Equal(HttpStatusCode.OK, (await committee.PostAsync("/api/assessments/2026Q2/approve", null)).StatusCode);
        bool? PolicyChanged(JsonElement quarter) => quarter.GetProperty("approval").GetProperty("policy_changed") is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;
        Assert.False(PolicyChanged(JsonDocument.Parse(await committee.GetStringAsync("/api/assessments/2026Q2")).RootElement));

        // The working group edits the approved version in place (another satisfaction target) in the data folder's policy.json.
        var file = _app.Service<QualityAnalytics.Web.Host.PolicyProvider>().FilePath;
        var shipped = File.ReadAllText(Path.Combine(Architecture.LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"));
        File.WriteAllText(file, shipped.Replace("\"satisfaction_target\": 0.85", "\"satisfaction_target\": 0.9", StringComparison.Ordinal));

        var edited = JsonDocument.Parse(await committee.GetStringAsync("/api/assessments/2026Q2")).RootElement;
        Assert.True(PolicyChanged(edited));
        // The approval kept the version's values, so the change is named: the key, its value at approval and now.
        var change = Assert.Single(edited.GetProperty("approval").GetProperty("policy_changes").EnumerateArray());
        Assert.Equal(("service_targets.satisfaction_target", "0.85", "0.9"),
            (change.GetProperty("key").GetString(), change.GetProperty("approved").GetString(), change.GetProperty("now").GetString()));
        var page = WebUtility.HtmlDecode(await committee.GetStringAsync("/policy"));
        Assert.Contains("id=\"approval\"", page, StringComparison.Ordinal); // the script writes the note there (browser-tested pages)

        // Put back as it was: the note goes.
        File.Delete(file);
        Assert.False(PolicyChanged(JsonDocument.Parse(await committee.GetStringAsync("/api/assessments/2026Q2")).RootElement));
    }

    [Fact]
    public async Task The_working_group_writes_notes_that_managers_read_only_for_their_department()
    {
        var wg = await WithToken("wg");
        Assert.Equal(HttpStatusCode.OK, (await wg.PutAsJsonAsync("/api/notes/2026Q2/LOG", new { causes = "回访记录不全", solutions = "每周抽查回访台账" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wg.PutAsJsonAsync("/api/notes/2026Q2/STO", new { causes = "无", solutions = "保持" })).StatusCode);
        var bare = await _app.SignedIn("wg");
        Assert.Equal(HttpStatusCode.BadRequest, (await bare.PutAsJsonAsync("/api/notes/2026Q2/LOG", new { causes = "x" })).StatusCode);

        var manager = await WithToken("log-manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/notes/2026Q2/LOG", new { causes = "x" })).StatusCode);
        var notes = JsonDocument.Parse(await manager.GetStringAsync("/api/notes/2026Q2")).RootElement;
        Assert.Equal(["LOG"], notes.EnumerateArray().Select(n => n.GetProperty("department").GetString()));
        Assert.Equal("回访记录不全", notes[0].GetProperty("causes").GetString());
    }

    [Fact]
    public async Task An_upload_is_loaded_as_a_batch_and_over_the_limit_is_refused_clearly()
    {
        var wg = await WithToken("wg");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("complaint_id,department,received_at,channel,valid\nUP-1,LOG,2026-09-01 10:00,电话,是\nUP-2,NOPE,2026-09-01 10:00,电话,是\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "files", "late.csv");
        var response = await wg.PostAsync("/api/data/uploads", form);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 1), (body.GetProperty("files")[0].GetProperty("loaded").GetInt32(), body.GetProperty("files")[0].GetProperty("quarantined").GetInt32()));
        Assert.Contains("2026Q3", body.GetProperty("rescored").EnumerateArray().Select(q => q.GetString()));

        using var big = new MultipartFormDataContent();
        big.Add(new ByteArrayContent(new byte[3 * 1024 * 1024]), "files", "big.csv");
        var refused = await wg.PostAsync("/api/data/uploads", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("上传的文件超过 2 MB 的上限", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the default language
        using var bigAgain = new MultipartFormDataContent { { new ByteArrayContent(new byte[3 * 1024 * 1024]), "files", "big.csv" } };
        var refusedInEnglish = await wg.PostAsync("/api/data/uploads?lang=en", bigAgain);
        Assert.Contains("larger than the limit of 2 MB", await refusedInEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var manager = await WithToken("log-manager");
        using var again = new MultipartFormDataContent { { new ByteArrayContent([1]), "files", "x.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/data/uploads", again)).StatusCode);
    }

    [Fact]
    public async Task A_file_name_longer_than_a_file_system_holds_is_refused_clearly_and_leaves_nothing()
    {
        var wg = await WithToken("wg");
        var uploads = _app.Options.UploadFolder;
        var before = Directory.Exists(uploads) ? Directory.GetDirectories(uploads).Length : 0;
        var name = new string('投', 90) + ".csv"; // 270 bytes of UTF-8
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("complaint_id,department,received_at,channel,valid\n")), "files", name } };

        var response = await wg.PostAsync("/api/data/uploads", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("文件名超过 255 字节", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.Exists(uploads) ? Directory.GetDirectories(uploads).Length : 0);
    }

    [Fact]
    public async Task Two_uploads_of_one_file_name_at_the_same_moment_keep_their_own_files()
    {
        var wg = await WithToken("wg"); // the test clock stands still: both uploads happen at the same millisecond
        foreach (var id in new[] { "UP-A", "UP-B" })
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"complaint_id,department,received_at,channel,valid\n{id},LOG,2026-09-01 10:00,电话,是\n")), "files", "same.csv");
            Assert.Equal(HttpStatusCode.OK, (await wg.PostAsync("/api/data/uploads", form)).StatusCode);
        }

        var kept = Directory.GetFiles(_app.Options.UploadFolder, "same.csv", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Equal(2, kept.Count);
        Assert.Contains(kept, k => k.Contains("UP-A", StringComparison.Ordinal));
        Assert.Contains(kept, k => k.Contains("UP-B", StringComparison.Ordinal));
        // Two files of one name in one upload would share a path: refused, naming the file.
        using var twice = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("complaint_id\n")), "files", "dup.csv" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("complaint_id\n")), "files", "DUP.csv" },
        };
        var refused = await wg.PostAsync("/api/data/uploads", twice);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("dup.csv：本次上传中有 2 个同名文件", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A file of a type the loader does not read: refused before anything is kept, naming the file.
        using var mixed = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("complaint_id\n")), "files", "ok.csv" },
            { new ByteArrayContent([0x25, 0x50, 0x44, 0x46]), "files", "notes.pdf" },
        };
        var unsupported = await wg.PostAsync("/api/data/uploads", mixed);
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
        Assert.Contains("notes.pdf：不是支持的文件类型", await unsupported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetDirectories(_app.Options.UploadFolder).Length); // the two uploads above, nothing of the refused ones

        // In Shanghai time: the test clock's 2026-07-08 00:30 UTC is 08:30 there.
        Assert.All(Directory.GetDirectories(_app.Options.UploadFolder), d => Assert.StartsWith("20260708-083000-", Path.GetFileName(d), StringComparison.Ordinal));
    }
}
