using System.Globalization;
using System.Text;
using MiniExcelLibs;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Etl.Tests.Demo;

/// <summary>One data row as a test reads it back from a demo file: where it is, its kind, and its cells by canonical column.</summary>
public sealed record RawRow(string File, string? Sheet, int Line, string Kind, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";
}

/// <summary>
/// An independent, deliberately small reader of the demo files for the tests (not the product's loader): detects the
/// encoding and the delimiter, tracks physical line numbers through quoted multi-line fields, and recognises kinds by header.
/// </summary>
internal static class DemoFileReader
{
    private static readonly (string Kind, (string En, string Zh, bool Required)[] Columns)[] Kinds =
    [
        ("departments", [("code", "部门编码", true), ("name", "部门名称", true), ("manager", "负责人", false), ("parent_code", "上级部门编码", false)]),
        ("checks", [("check_id", "检查编号", true), ("department", "部门编码", true), ("month", "月份", true), ("kind", "检查类型", true), ("score", "得分", true),
            ("inspector", "检查人", false), ("checked_on", "检查日期", false), ("note", "备注", false)]),
        ("check_deductions", [("check_id", "检查编号", true), ("item", "考核项目", true), ("points", "扣分", true), ("note", "备注", false)]),
        ("survey_questions", [("question", "题号", true), ("text", "题目", true), ("weight", "权重", true), ("scale", "满分", true)]),
        ("surveys", [("response_id", "问卷编号", true), ("department", "部门编码", true), ("quarter", "季度", true), ("customer", "客户名称", true),
            ("question", "题号", true), ("score", "评分", true), ("submitted_on", "提交日期", false), ("excluded", "是否剔除", false), ("note", "备注", false)]),
        ("complaints", [("complaint_id", "投诉编号", true), ("department", "部门编码", true), ("received_at", "受理时间", true), ("channel", "投诉渠道", true),
            ("valid", "是否有效", true), ("customer", "客户名称", false), ("category", "投诉类别", false), ("description", "投诉内容", false),
            ("replied_at", "回复时间", false), ("resolved_at", "解决时间", false), ("direct_deduction", "主业直接扣分", false), ("handler", "处理人", false),
            ("satisfaction", "处理满意度", false)]),
        ("callbacks", [("callback_id", "回访编号", true), ("department", "部门编码", true), ("called_on", "回访日期", true), ("finding", "回访问题", true),
            ("deduction", "扣分", false), ("customer", "客户名称", false), ("note", "备注", false)]),
    ];

    static DemoFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string EncodingName) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "utf-8-bom");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding("GB18030").GetString(bytes), "gb18030");
        }
    }

    /// <summary>CSV records with the physical line each starts on (header = line 1); wholly blank lines skipped.</summary>
    public static List<(int Line, string[] Fields)> ParseCsv(string text)
    {
        var firstLine = text.IndexOf('\n') is var nl and >= 0 ? text[..nl] : text;
        var delimiter = firstLine.Contains('\t') ? '\t' : ',';
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else { if (ch == '\n') line++; field.Append(ch); }
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; any = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    if (any || fields.Count > 1 || fields[0].Length > 0) records.Add((start, [.. fields]));
                    fields.Clear(); any = false;
                    line++; start = line;
                    break;
                default:
                    if (ch == delimiter) { fields.Add(field.ToString()); field.Clear(); any = true; }
                    else { field.Append(ch); any = true; }
                    break;
            }
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); records.Add((start, [.. fields])); }
        return records;
    }

    public static string CellText(object? cell) => cell switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        decimal m => ((double)m).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    public static List<(int Line, IDictionary<string, object?> Cells)> ReadSheet(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().Select((r, i) => (i + 2, r))];

    /// <summary>Every data row of every file in the folder, by kind.</summary>
    public static List<RawRow> ReadAll(string folder)
    {
        var rows = new List<RawRow>();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                var records = ParseCsv(Decode(File.ReadAllBytes(path)).Text);
                var headers = records[0].Fields.Select(h => h.Trim()).ToArray();
                var (kind, map) = Recognise(headers);
                foreach (var (line, fields) in records.Skip(1))
                {
                    rows.Add(new RawRow(file, null, line, kind, Canonical(map, headers.Zip(fields, (h, f) => (h, f.Trim())))));
                }
            }
            else if (file.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                foreach (var sheet in MiniExcel.GetSheetNames(path))
                {
                    var sheetRows = ReadSheet(path, sheet);
                    var headers = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().First()
                        .Values.Select(v => CellText(v).Trim()).ToArray();
                    var (kind, map) = Recognise(headers);
                    foreach (var (line, cells) in sheetRows)
                    {
                        rows.Add(new RawRow(file, sheet, line, kind, Canonical(map, cells.Select(kv => (kv.Key.Trim(), CellText(kv.Value).Trim())))));
                    }
                }
            }
        }
        return rows;
    }

    private static Dictionary<string, string> Canonical(Dictionary<string, string> map, IEnumerable<(string Header, string Value)> cells)
    {
        var result = new Dictionary<string, string>();
        foreach (var (header, value) in cells)
        {
            if (map.TryGetValue(header, out var canonical)) result[canonical] = value;
        }
        return result;
    }

    private static (string Kind, Dictionary<string, string> Map) Recognise(string[] headers)
    {
        foreach (var (kind, columns) in Kinds.OrderByDescending(k => k.Columns.Count(c => c.Required)))
        {
            if (columns.Where(c => c.Required).All(c => headers.Contains(c.En) || headers.Contains(c.Zh)))
            {
                var map = new Dictionary<string, string>();
                foreach (var (en, zh, _) in columns) { map[en] = en; map[zh] = en; }
                return (kind, map);
            }
        }
        throw new InvalidDataException($"Unrecognised header: {string.Join(",", headers)}");
    }

    // ---------- value forms accepted by the contract ----------

    public static DateTime ParseDateTime(string text)
    {
        string[] forms =
        [
            "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d", "yyyy/M/d HH:mm", "yyyy/M/d HH:mm:ss",
            "yyyy年M月d日", "yyyy年M月d日 HH:mm", "yyyy年M月d日 HH:mm:ss",
        ];
        return DateTime.ParseExact(text.Trim(), forms, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    public static DateOnly ParseMonth(string text) =>
        DateOnly.ParseExact(text.Trim(), ["yyyy-MM", "yyyy年M月"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static Quarter ParseQuarter(string text)
    {
        var t = text.Trim();
        if (t.Contains('年', StringComparison.Ordinal))
            return new Quarter(int.Parse(t[..4], CultureInfo.InvariantCulture), t[t.IndexOf('第', StringComparison.Ordinal) + 1] - '0');
        return Quarter.Parse(t);
    }

    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
