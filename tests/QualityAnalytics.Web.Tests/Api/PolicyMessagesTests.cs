using System.Net;
using System.Text.Json;
using QualityAnalytics.Web.Host;
using QualityAnalytics.Web.Tests.Architecture;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>A policy file that breaks the rules is told in the reader's language: the what-if on the policy page (Chinese
/// by default, English by the switch) lists every problem in the page's language, a JSON syntax error by its line and
/// column rather than System.Text.Json's English text.</summary>
public sealed partial class PolicyPageTests
{
    private static string DefaultPolicy() =>
        File.ReadAllText(Path.Combine(LayeringTests.RepositoryRoot(), "warehouse", "Scoring", "default-policy.json"));

    private static Func<string, string> Replace(string from, string to) => json =>
    {
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    };

    /// <summary>Every problem a policy file can have, by the change that causes it, with its message in English and in Chinese.</summary>
    public static TheoryData<string, Func<string, string>, string, string> BadFiles => new()
    {
        { "weights", Replace("\"complaint\": 0.30", "\"complaint\": 0.20"),
            "versions[0].weights: self_check + survey + complaint = 0.9, must be exactly 1", "versions[0].weights：self_check + survey + complaint = 0.9，必须恰好为 1" },
        { "range", Replace("\"survey_full_mark_threshold\": 95", "\"survey_full_mark_threshold\": 120"),
            "versions[0].survey_full_mark_threshold: 120 is outside 0–100", "versions[0].survey_full_mark_threshold：120 超出 0–100" },
        { "ascending", Replace("{ \"up_to\": 3, \"penalty\": 1 }", "{ \"up_to\": 0.5, \"penalty\": 1 }"),
            "versions[0].consistency_tiers[1].up_to: 0.5 is not above the previous tier's 1; tiers must ascend", "versions[0].consistency_tiers[1].up_to：0.5 不大于上一档的 1；各档必须递增" },
        { "decreasing", Replace("{ \"up_to\": 5, \"penalty\": 2 }", "{ \"up_to\": 5, \"penalty\": 0.5 }"),
            "versions[0].consistency_tiers[2].penalty: 0.5 is below the previous tier's 1; penalties must not decrease", "versions[0].consistency_tiers[2].penalty：0.5 小于上一档的 1；扣分不得递减" },
        { "no open tier", Replace("{ \"up_to\": null, \"penalty\": 6 }", "{ \"up_to\": 20, \"penalty\": 6 }"),
            "versions[0].consistency_tiers: exactly one open-ended last tier (no up_to) is required, found 0", "versions[0].consistency_tiers：必须恰好有一个不设上限的最后一档（不写 up_to），实有 0 个" },
        { "open tier not last", Replace("{ \"up_to\": 3, \"penalty\": 1 }", "{ \"up_to\": null, \"penalty\": 1 }"),
            "versions[0].consistency_tiers[1].up_to: only the last tier may be open-ended (no up_to)", "versions[0].consistency_tiers[1].up_to：只有最后一档可以不设上限（不写 up_to）" },
        { "negative penalty", Replace("{ \"up_to\": 1, \"penalty\": 0 }", "{ \"up_to\": 1, \"penalty\": -1 }"),
            "versions[0].consistency_tiers[0].penalty: −1 is negative", "versions[0].consistency_tiers[0].penalty：−1 为负数" },
        { "no tiers", TiersEmpty,
            "versions[0].consistency_tiers: at least one tier is required (the last one without up_to)", "versions[0].consistency_tiers：至少需要一档（最后一档不写 up_to）" },
        { "negative rate", Replace("\"reward_per_point\": 2000", "\"reward_per_point\": -2000"),
            "versions[0].reward_per_point: −2000 is negative, must be ≥ 0", "versions[0].reward_per_point：−2000 为负数，必须 ≥ 0" },
        { "excellent below pass", Replace("\"excellent_above\": 95", "\"excellent_above\": 94"),
            "versions[0].excellent_above: 94 is below pass_at 95", "versions[0].excellent_above：94 低于 pass_at 95" },
        { "floor above pass", Replace("\"penalty_floor_total\": 90", "\"penalty_floor_total\": 96"),
            "versions[0].penalty_floor_total: 96 is above pass_at 95", "versions[0].penalty_floor_total：96 高于 pass_at 95" },
        { "max below min", Replace("\"callback_deduction_range\": { \"min\": 0.5, \"max\": 1 }", "\"callback_deduction_range\": { \"min\": 0.5, \"max\": 0.4 }"),
            "versions[0].callback_deduction_range: max 0.4 is below min 0.5", "versions[0].callback_deduction_range：max 0.4 小于 min 0.5" },
        { "default outside range", Replace("\"incomplete\": 0.5", "\"incomplete\": 0.2"),
            "versions[0].callback_defaults.incomplete: 0.2 is outside callback_deduction_range [0.5, 1]", "versions[0].callback_defaults.incomplete：0.2 超出 callback_deduction_range [0.5, 1]" },
        { "3 decimals", Replace("\"complaint_cost_per_valid\": 10", "\"complaint_cost_per_valid\": 2.505"),
            "versions[0].complaint_cost_per_valid: 2.505 has more than 2 decimals; points are kept to 2", "versions[0].complaint_cost_per_valid：2.505 超过 2 位小数；分数只保留 2 位" },
        { "reply hours", Replace("\"reply_hours\": 24", "\"reply_hours\": 0"),
            "versions[0].service_targets.reply_hours: 0 is outside (0, 8760]: must be above 0 and at most 8760", "versions[0].service_targets.reply_hours：0 超出 (0, 8760]，须大于 0 且不超过 8760" },
        { "working days", Replace("\"solution_working_days\": 3", "\"solution_working_days\": 2.5"),
            "versions[0].service_targets.solution_working_days: 2.5 is not a whole number of working days", "versions[0].service_targets.solution_working_days：2.5 不是整数，须为整数个工作日" },
        { "satisfaction target", Replace("\"satisfaction_target\": 0.85", "\"satisfaction_target\": 85"),
            "versions[0].service_targets.satisfaction_target: 85 is outside (0, 1]", "versions[0].service_targets.satisfaction_target：85 超出 (0, 1]" },
        { "missing_data", Replace("\"missing_data\": \"rescale\"", "\"missing_data\": \"drop\""),
            "versions[0].missing_data: 'drop' is not one of \"rescale\", \"zero\", \"withhold\"", "versions[0].missing_data：“drop”不是 \"rescale\"、\"zero\"、\"withhold\" 之一" },
        { "quarter", Replace("\"effective_from\": \"2013Q3\"", "\"effective_from\": \"2013-07\""),
            "versions[0].effective_from: '2013-07' is not a quarter such as 2026Q2", "versions[0].effective_from：“2013-07”不是季度（例如 2026Q2）" },
        { "empty version", Replace("\"version\": \"2013-07\"", "\"version\": \" \""),
            "versions[0].version: must not be empty", "versions[0].version：不能为空" },
        { "unknown key", Replace("\"budget\": 30000", "\"budget\": 30000, \"bonus\": 1"),
            "versions[0].bonus: unknown key (allowed here: version, effective_from,", "versions[0].bonus：未知的键（此处允许：version, effective_from," },
        { "duplicate key", Replace("\"budget\": 30000", "\"budget\": 30000, \"budget\": 30000"),
            "versions[0].budget: key appears more than once", "versions[0].budget：键出现了不止一次" },
        { "missing key", Replace("\"budget\": 30000", "\"budgets\": 30000"),
            "versions[0].budget: required key is missing", "versions[0].budget：缺少必需的键" },
        { "number as text", Replace("\"pass_at\": 95", "\"pass_at\": \"95\""),
            "versions[0].pass_at: expected a number, found String", "versions[0].pass_at：应为数字，实为字符串" },
        { "text as number", Replace("\"version\": \"2013-07\"", "\"version\": 2013"),
            "versions[0].version: expected a string, found Number", "versions[0].version：应为字符串，实为数字" },
        { "tiers not an array", Replace("\"consistency_tiers\": [", "\"consistency_tiers\": true, \"x_tiers\": ["),
            "versions[0].consistency_tiers: expected an array, found True", "versions[0].consistency_tiers：应为数组，实为true" },
        { "version not an object", _ => "{ \"versions\": [ null ] }",
            "versions[0]: expected an object, found Null", "versions[0]：应为对象，实为null" },
        { "root not an object", _ => "[]", "(root): expected an object, found Array", "（根）：应为对象，实为数组" },
        { "no versions", _ => "{ \"versions\": [] }", "versions: at least one version is required", "versions：至少需要一个版本" },
        { "duplicate version", json => TwoVersions(json, "2013-07", "2020Q1"),
            "versions[1].version: '2013-07' duplicates versions[0].version", "versions[1].version：“2013-07”与 versions[0].version 重复" },
        { "same quarter", json => TwoVersions(json, "2020-01", "2013Q3"),
            "versions[1].effective_from: 2013Q3 is also the effective_from of versions[0] ('2013-07')", "versions[1].effective_from：2013Q3 也是 versions[0]（“2013-07”）的 effective_from" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task The_what_if_lists_a_bad_policy_files_problems_in_the_pages_language(string name, Func<string, string> spoil, string english, string chinese)
    {
        var json = spoil(DefaultPolicy());
        var zh = await WhatIfProblem(json, "");
        Assert.True(zh.StartsWith("上传的考核办法文件有 ", StringComparison.Ordinal) && zh.Contains(chinese, StringComparison.Ordinal), $"{name}: {zh}");
        var en = await WhatIfProblem(json, "?lang=en");
        Assert.True(en.StartsWith("The policy file has ", StringComparison.Ordinal) && en.Contains(english, StringComparison.Ordinal), $"{name}: {en}");
    }

    [Fact]
    public async Task A_what_if_file_that_is_not_JSON_is_told_by_line_and_column_in_the_pages_language_not_by_the_parsers_English()
    {
        // The fault stands after Chinese text on its line: the column counts characters, as an editor does, not UTF-8 bytes.
        var json = DefaultPolicy().Replace("\"version\": \"2013-07\",", "\"version\": \"二〇一三年七月\" x,", StringComparison.Ordinal);
        var at = json.IndexOf(" x,", StringComparison.Ordinal) + 1;
        var line = json[..at].Count(c => c == '\n') + 1;
        var column = at - json.LastIndexOf('\n', at);

        var zh = await WhatIfProblem(json, "");
        Assert.Equal($"上传的考核办法文件有 1 处问题：（整个文件）：不是有效的 JSON：第 {line} 行第 {column} 列有误", zh);
        var en = await WhatIfProblem(json, "?lang=en");
        Assert.Equal($"The policy file has 1 problem(s): (file): not valid JSON at line {line}, column {column}", en);
    }

    [Fact]
    public async Task A_broken_policy_json_is_told_on_the_policy_page_in_the_pages_language()
    {
        var file = app.Service<PolicyProvider>().FilePath;
        File.WriteAllText(file, DefaultPolicy().Replace("\"pass_at\": 95", "\"pass_at\": \"95\"", StringComparison.Ordinal));
        try
        {
            var committee = await app.SignedIn("committee");
            var zh = WebUtility.HtmlDecode(await committee.GetStringAsync("/policy"));
            Assert.Contains("考核办法文件有 1 处问题；改正之前无法按它评分：", zh, StringComparison.Ordinal);
            Assert.Contains("<li>versions[0].pass_at：应为数字，实为字符串</li>", zh, StringComparison.Ordinal);
            var en = WebUtility.HtmlDecode(await committee.GetStringAsync("/policy?lang=en"));
            Assert.Contains("The policy file has 1 problem(s); nothing can be scored under it until they are corrected:", en, StringComparison.Ordinal);
            Assert.Contains("<li>versions[0].pass_at: expected a number, found String</li>", en, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private HttpClient? _committee;

    private async Task<string> WhatIfProblem(string json, string query)
    {
        if (_committee is null)
        {
            _committee = await app.SignedIn("committee");
            _committee.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await DashboardFactory.Token(_committee, "/"));
        }
        var response = await _committee.PostAsync("/api/assessments/2026Q2/what-if" + query, new StringContent(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    private static string TiersEmpty(string json)
    {
        var start = json.IndexOf("\"consistency_tiers\": [", StringComparison.Ordinal);
        var end = json.IndexOf(']', start);
        return json[..start] + "\"consistency_tiers\": []" + json[(end + 1)..];
    }

    /// <summary>The file with its one version listed twice, the second renamed and moved to another quarter.</summary>
    private static string TwoVersions(string json, string secondName, string secondQuarter)
    {
        var open = json.IndexOf('[', json.IndexOf("\"versions\"", StringComparison.Ordinal));
        var close = json.LastIndexOf(']');
        var version = json[(open + 1)..close].Trim();
        var second = version.Replace("\"version\": \"2013-07\"", $"\"version\": \"{secondName}\"", StringComparison.Ordinal)
            .Replace("\"effective_from\": \"2013Q3\"", $"\"effective_from\": \"{secondQuarter}\"", StringComparison.Ordinal);
        return json[..(open + 1)] + version + ",\n" + second + json[close..];
    }
}
