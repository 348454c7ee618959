using System.IO.Compression;
using System.Text;

namespace QualityAnalytics.Etl.Tests.Reading;

/// <summary>
/// Writes a minimal one-sheet workbook by hand. Excel leaves blank rows out of the file entirely (MiniExcel.SaveAs
/// writes them as empty rows), and only a hand-made sheet can show that the row numbers survive such gaps.
/// </summary>
internal static class HandWrittenXlsx
{
    /// <param name="rows">Excel row number → inline string cells from column A; rows not given are absent from the file.</param>
    public static void Write(string path, string sheetName, IReadOnlyDictionary<int, string[]> rows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");

        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var (number, cells) in rows.OrderBy(r => r.Key))
        {
            sheet.Append($"""<row r="{number}">""");
            for (var i = 0; i < cells.Length; i++)
            {
                var reference = (char)('A' + i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sheet.Append($"""<c r="{reference}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(cells[i])}</t></is></c>""");
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }
}
