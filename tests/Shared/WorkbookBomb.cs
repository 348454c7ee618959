using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace QualityAnalytics.TestSupport;

/// <summary>A decompression bomb in the shape of a real .xlsx: a departments sheet whose XML is one header row and then
/// row after row of the same text, so that a few hundred KB of zip unpack to hundreds of MB. Optionally its sheet part
/// lies about its size in the zip's headers, as a hand-made bomb would, to get past a check of the declared sizes.</summary>
public static class WorkbookBomb
{
    public const string SheetPart = "xl/worksheets/sheet1.xml";

    /// <param name="unpackedSheetBytes">About how large the sheet's XML is once unpacked.</param>
    /// <param name="declaredSheetBytes">What the zip's headers say the sheet unpacks to; null: the truth.</param>
    public static string Write(string path, long unpackedSheetBytes, uint? declaredSheetBytes = null)
    {
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="部门" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry(SheetPart, CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>部门编码</t></is></c><c t="inlineStr"><is><t>部门名称</t></is></c></row>"""u8);
            var row = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("""<row><c t="inlineStr"><is><t>BOOM</t></is></c><c t="inlineStr"><is><t>炸弹部门</t></is></c></row>""", 1000)));
            for (long written = 0; written < unpackedSheetBytes; written += row.Length) sheet.Write(row);
            sheet.Write("</sheetData></worksheet>"u8);
        }
        if (declaredSheetBytes is { } declared) Declare(path, SheetPart, declared);
        return path;
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    /// <summary>Rewrites the uncompressed size of one part in both of the zip's headers for it (its local header and its
    /// entry in the central directory), leaving the data as it is.</summary>
    private static void Declare(string path, string part, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(part);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            // Local file header: size at 22, name length at 26, name at 30. Central directory entry: 24, 28, 46.
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30),
                0x02014b50 => (24, 28, 46),
                _ => (-1, 0, 0),
            };
            if (sizeAt < 0 || BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + nameLengthAt)) != name.Length) continue;
            if (!bytes.AsSpan(i + nameAt, name.Length).SequenceEqual(name)) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size);
        }
        File.WriteAllBytes(path, bytes);
    }
}
