using Microsoft.Extensions.Localization;
using QualityAnalytics.Warehouse.Scoring;

namespace QualityAnalytics.Web.Apis;

/// <summary>
/// A coded value as the pages show it, in the request's language: flags 是/否, satisfaction 满意/基本满意/不满意, check
/// kinds 自查/抽查, callback findings 无/记录不全/与实际不符, grades 优秀/合格/不合格/未考核,
/// a complaint's reply and solution status 按时完成/超时完成/超时未完成/未完成，未到期 and the contract's channels.
/// The warehouse keeps the codes (satisfied, self, none, fail, 1/0); a file a manager opens in Excel, or a change list
/// the working group reads, should say what the page beside it says. Names (departments, customers, categories) and
/// numbers are data and pass through unchanged. The words are the pages' own resources (js.*), so the two cannot differ.
/// </summary>
internal sealed class ShownValues(IStringLocalizer<SharedResource> words)
{
    private static readonly HashSet<string> Satisfaction = ["satisfied", "neutral", "dissatisfied"];
    private static readonly HashSet<string> Kinds = ["self", "spot"];
    private static readonly HashSet<string> Findings = ["none", "incomplete", "mismatch"];
    private static readonly HashSet<string> Grades = ["excellent", "pass", "fail", "withheld"];
    private static readonly HashSet<string> Statuses = [.. TargetStatus.All];

    /// <summary>The value of the column named <paramref name="column"/> (a row column's or a dimension's name) as shown.</summary>
    public object? Of(string column, object? value) => (column, value) switch
    {
        (_, bool flag) => Word(flag ? "js.yes" : "js.no"),
        ("valid" or "excluded", "1" or 1L or 1) => Word("js.yes"),
        ("valid" or "excluded", "0" or 0L or 0) => Word("js.no"),
        ("satisfaction", string s) when Satisfaction.Contains(s) => Word("js.satisfaction." + s),
        ("kind", string s) when Kinds.Contains(s) => Word("js.kind." + s),
        ("finding", string s) when Findings.Contains(s) => Word("js.callbackFinding." + s),
        ("grade", string s) when Grades.Contains(s) => Word("js.grade." + s),
        ("reply_status" or "solution_status", string s) when Statuses.Contains(s) => Word("js.targetStatus." + s),
        // Channels are stored in the contract's Chinese words; the English page names them in English.
        ("channel", string s) when words["js.channel." + s] is { ResourceNotFound: false } channel => channel.Value,
        _ => value,
    };

    /// <summary>Each row with its coded values as shown, the columns named in order.</summary>
    public IEnumerable<object?[]> Rows(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        // Only the columns that hold codes are rewritten; a row of names and numbers is passed on as it is.
        var coded = columns.Select((name, i) => (name, i)).Where(c => IsCoded(c.name)).ToList();
        foreach (var row in rows)
        {
            if (coded.Count == 0)
            {
                yield return row;
                continue;
            }
            var shown = (object?[])row.Clone();
            foreach (var (name, i) in coded) shown[i] = Of(name, row[i]);
            yield return shown;
        }
    }

    private static bool IsCoded(string column) =>
        column is "valid" or "excluded" or "satisfaction" or "kind" or "finding" or "grade" or "channel" or "reply_status" or "solution_status";

    private string Word(string key) => words[key].Value;
}
