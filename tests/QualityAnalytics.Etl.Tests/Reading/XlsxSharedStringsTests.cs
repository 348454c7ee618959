using System.IO.Compression;
using System.Security;
using System.Text;
using QualityAnalytics.Etl.Reading;
using Xunit;

namespace QualityAnalytics.Etl.Tests.Reading;

/// <summary>
/// Excel writes every text cell as an index into xl/sharedStrings.xml; MiniExcel keeps a large table (over 5 MB by
/// default) in a disk cache, and the reader raises that bound for speed. The texts must be the same either way.
/// </summary>
public sealed class XlsxSharedStringsTests
{
    private static string Text(int i) => $" 投诉说明 <{i}> & \"引号\" {new string('x', 60)} ";

    /// <summary>A one-sheet workbook whose column A cells are shared strings 0..count-1, below a header (string 'id').</summary>
    private static void WriteSharedStringsWorkbook(string path, int count)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        var strings = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count + 1}" uniqueCount="{count + 1}">""");
        var sheet = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A{count + 1}"/><sheetData><row r="1"><c r="A1" t="s"><v>{count}</v></c></row>""");
        for (var i = 0; i < count; i++)
        {
            strings.Append($"""<si><t xml:space="preserve">{SecurityElement.Escape(Text(i))}</t></si>""");
            sheet.Append($"""<row r="{i + 2}"><c r="A{i + 2}" t="s"><v>{i}</v></c></row>""");
        }
        Add(zip, "xl/sharedStrings.xml", strings.Append("<si><t>id</t></si></sst>").ToString());
        Add(zip, "xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(60_000)] // ~7 MB of shared strings: over MiniExcel's default bound, under the reader's
    public void Shared_string_cells_read_as_their_texts_however_large_the_table(int count)
    {
        using var folder = new TempFolder();
        var path = folder.File("book.xlsx");
        WriteSharedStringsWorkbook(path, count);
        if (count > 100)
        {
            using var zip = ZipFile.OpenRead(path);
            Assert.InRange(zip.GetEntry("xl/sharedStrings.xml")!.Length, 5L * 1024 * 1024, XlsxSource.SharedStringsInMemoryMaxBytes);
        }

        var source = Assert.Single(TabularFile.Open(path));
        using (source)
        {
            Assert.Equal(["id"], source.Header);
            var rows = source.ReadRows().ToList();
            Assert.Equal(Enumerable.Range(2, count), rows.Select(r => r.Line));
            Assert.Equal(Enumerable.Range(0, count).Select(i => Text(i).Trim()), rows.Select(r => Assert.Single(r.Cells)));
        }
    }
}
