using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace QualityAnalytics.TestSupport;

/// <summary>Hides sheets of a saved workbook as Excel does (右键 → 隐藏, or "very hidden" from VBA): the sheet's element in
/// xl/workbook.xml gets <c>state="hidden"</c> or <c>state="veryHidden"</c>; its data stays in the file.</summary>
public static class WorkbookSheetState
{
    public static void Hide(string path, string sheet, bool veryHidden = false)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidOperationException("no xl/workbook.xml in " + path);
        string xml;
        using (var reader = new StreamReader(entry.Open(), Encoding.UTF8)) xml = reader.ReadToEnd();
        // <sheet name="…" …/> as Excel writes it, <x:sheet … state="visible"/> as MiniExcel does.
        var element = new Regex("<(?:\\w+:)?sheet\\b[^>]*\\bname=\"" + Regex.Escape(sheet) + "\"[^>]*>", RegexOptions.CultureInvariant).Match(xml);
        if (!element.Success) throw new InvalidOperationException($"no sheet {sheet} in {path}");
        var state = $"state=\"{(veryHidden ? "veryHidden" : "hidden")}\"";
        var hidden = Regex.IsMatch(element.Value, "\\bstate=\"[^\"]*\"")
            ? Regex.Replace(element.Value, "\\bstate=\"[^\"]*\"", state)
            : Regex.Replace(element.Value, "^<(?:\\w+:)?sheet\\b", m => m.Value + " " + state);
        xml = string.Concat(xml.AsSpan(0, element.Index), hidden, xml.AsSpan(element.Index + element.Length));
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
