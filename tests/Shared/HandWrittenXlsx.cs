using System.IO.Compression;
using System.Text;

namespace QualityAnalytics.TestSupport;

/// <summary>
/// Writes a minimal one-sheet workbook by hand. Excel leaves blank rows out of the file entirely (MiniExcel.SaveAs
/// writes them as empty rows), and only a hand-made sheet can show that the row numbers survive such gaps, or hold
/// number cells in the built-in formats Excel refers to by id (MiniExcel.SaveAs writes its own).
/// </summary>
public static class HandWrittenXlsx
{
    /// <param name="rows">Excel row number → inline string cells from column A; rows not given are absent from the file.</param>
    public static void Write(string path, string sheetName, IReadOnlyDictionary<int, string[]> rows) =>
        Write(path, sheetName, rows.ToDictionary(r => r.Key, r => r.Value.Cast<object>().ToArray()));

    /// <summary>A number cell as Excel writes it: the value (a date is its serial, days since 1899-12-30) and the id of its
    /// number format, built in (14 m/d/yyyy, 22, 31 yyyy"年"m"月"d"日" of zh-CN Excel, 57 yyyy"年"m"月", 20 h:mm...) and
    /// referred to by id alone, as Excel does for built-in formats.</summary>
    public sealed record Number(double Value, int FormatId)
    {
        public static Number Date(DateTime moment, int formatId) => new((moment - new DateTime(1899, 12, 30)).TotalDays, formatId);
    }

    /// <summary>A cell as Excel (or a tool that does not calculate) writes it, element by element: its type attribute
    /// <c>t</c> (null: a number; "str" a formula's text, "e" an error value, "b" a boolean), its formula <c>&lt;f&gt;</c>
    /// (null: none), its value <c>&lt;v&gt;</c> (null: none, as a formula never calculated has) and a built-in number
    /// format id (0: General).</summary>
    public sealed record Cell(string? Type, string? Formula, string? Value, int FormatId = 0)
    {
        /// <summary>An error value typed or left by a failed formula (#N/A, #DIV/0!...): <c>&lt;c t="e"&gt;</c>.</summary>
        public static Cell Error(string value, string? formula = null) => new("e", formula, value);
    }

    /// <param name="rows">Excel row number → cells from column A: a string (inline string), a <see cref="Number"/> or a
    /// <see cref="Cell"/>.</param>
    /// <param name="date1904">Mark the workbook as kept in Excel's 1904 date system (old Mac workbooks).</param>
    public static void Write(string path, string sheetName, IReadOnlyDictionary<int, object[]> rows, bool date1904 = false)
    {
        // Style 0 is General; each number format in use gets the cell style after it.
        var formats = rows.Values.SelectMany(r => r)
            .Select(c => c switch { Number n => n.FormatId, Cell { FormatId: > 0 } x => x.FormatId, _ => (int?)null })
            .OfType<int>().Distinct().ToList();
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{(date1904 ? "<workbookPr date1904=\"1\"/>" : "")}<sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        var xfs = string.Concat(formats.Select(f => $"""<xf numFmtId="{f}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""));
        Add(zip, "xl/styles.xml", $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{formats.Count + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>{xfs}</cellXfs></styleSheet>""");

        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var (number, cells) in rows.OrderBy(r => r.Key))
        {
            sheet.Append($"""<row r="{number}">""");
            for (var i = 0; i < cells.Length; i++)
            {
                var reference = (char)('A' + i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sheet.Append(cells[i] switch
                {
                    Number n => $"""<c r="{reference}" s="{formats.IndexOf(n.FormatId) + 1}"><v>{n.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</v></c>""",
                    Cell c => CellXml(reference, c, c.FormatId > 0 ? formats.IndexOf(c.FormatId) + 1 : 0),
                    var text => $"""<c r="{reference}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(text.ToString())}</t></is></c>""",
                });
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
    }

    private static string CellXml(string reference, Cell cell, int style)
    {
        var type = cell.Type is null ? "" : $""" t="{cell.Type}" """.TrimEnd();
        var styled = style > 0 ? $""" s="{style}" """.TrimEnd() : "";
        var formula = cell.Formula is null ? "" : $"<f>{System.Security.SecurityElement.Escape(cell.Formula)}</f>";
        var value = cell.Value is null ? "" : $"<v>{System.Security.SecurityElement.Escape(cell.Value)}</v>";
        return $"""<c r="{reference}"{styled}{type}>{formula}{value}</c>""";
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
