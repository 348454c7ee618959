using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Reports.Report;

/// <summary>
/// The working group's causes and solutions from a file, for `qa report --notes FILE`. Two formats, told apart by the
/// extension (.json) or the first character ('[' or '{'):
/// <list type="bullet">
/// <item>CSV, UTF-8 (BOM or not), a header row naming the columns <c>department</c> (or 部门), <c>causes</c> (原因 / 原因分析),
/// <c>solutions</c> (措施 / 整改措施) and optionally <c>quarter</c> (季度); fields may be quoted ("…", "" for a quote) and span lines.</item>
/// <item>JSON: an array of objects <c>{"department": "LOG", "causes": "…", "solutions": "…", "quarter": "2026Q2"}</c>.</item>
/// </list>
/// The department is its code or its name. Rows with a quarter other than the report's are skipped; rows without one count.
/// </summary>
public static class NotesFile
{
    /// <summary>One row as written in the file (department as given).</summary>
    public sealed record Row(string Department, string? Causes, string? Solutions, string? Quarter);

    /// <exception cref="FormatException">The file cannot be read as notes; the message says where and why.</exception>
    public static IReadOnlyList<Row> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No such notes file: {path}", path);
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var trimmed = text.TrimStart();
        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith('[') || trimmed.StartsWith('{');
        return json ? ReadJson(text, path) : ReadCsv(text, path);
    }

    private static List<Row> ReadJson(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var array = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement
                : document.RootElement.TryGetProperty("notes", out var notes) ? notes
                : throw new FormatException($"{path}: expected an array of {{department, causes, solutions}} objects.");
            var rows = new List<Row>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                string? Get(params string[] names) => item.EnumerateObject()
                    .Where(p => names.Any(n => string.Equals(n, p.Name, StringComparison.OrdinalIgnoreCase)))
                    .Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString()).FirstOrDefault();
                var department = Get("department", "部门");
                if (string.IsNullOrWhiteSpace(department)) throw new FormatException($"{path}: item {index} has no department.");
                rows.Add(new Row(department.Trim(), Clean(Get("causes", "原因", "原因分析")), Clean(Get("solutions", "措施", "整改措施")), Clean(Get("quarter", "季度"))));
                index++;
            }
            return rows;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not valid JSON ({ex.Message}).", ex);
        }
    }

    private static List<Row> ReadCsv(string text, string path)
    {
        var records = ParseCsv(text);
        if (records.Count == 0) return [];
        var header = records[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] names) => header.FindIndex(h => names.Contains(h));
        var department = Column("department", "部门");
        var causes = Column("causes", "原因", "原因分析");
        var solutions = Column("solutions", "措施", "整改措施");
        var quarter = Column("quarter", "季度");
        if (department < 0 || (causes < 0 && solutions < 0))
            throw new FormatException($"{path}: the header must name the columns department, causes and solutions (found: {string.Join(", ", records[0])}).");
        var rows = new List<Row>();
        for (var i = 1; i < records.Count; i++)
        {
            var r = records[i];
            string? At(int c) => c >= 0 && c < r.Count ? Clean(r[c]) : null;
            if (r.All(string.IsNullOrWhiteSpace)) continue;
            var name = At(department) ?? throw new FormatException($"{path}: record {i + 1} has no department.");
            rows.Add(new Row(name, At(causes), At(solutions), At(quarter)));
        }
        return rows;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>RFC 4180: comma-separated, "…" quotes, "" inside quotes, line breaks inside quotes kept.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}
