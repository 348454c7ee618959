using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace QualityAnalytics.Etl.Reading;

/// <summary>
/// The cells of a workbook that hold a formula saved without its result. Excel (and WPS, LibreOffice) stores each
/// formula's last result beside it, and MiniExcel reads that result as the cell's value; a program that writes formulas
/// without calculating them (report generators, scripts) leaves the result out, and MiniExcel reads such a cell as
/// empty: an optional field silently lost, a required one "missing" though the sheet shows a value when opened.
/// <para>Found in two steps, so that a workbook saved by a spreadsheet costs nothing: while <see cref="WorkbookSizeCheck"/>
/// inflates each worksheet anyway, its bytes are searched for the few shapes such a cell takes (<see cref="MaySuspect"/>);
/// only a worksheet where one turns up is read again, as XML, to find the cells exactly (<see cref="Find"/>).</para>
/// </summary>
internal static class UncalculatedFormulas
{
    /// <summary>What a formula without a result looks like in sheet XML, with or without a namespace prefix: a formula
    /// element closed right before its cell (<c>&lt;f&gt;A2+1&lt;/f&gt;&lt;/c&gt;</c>), a self-closed formula or value
    /// ending the cell (<c>&lt;f t="shared" si="0"/&gt;&lt;/c&gt;</c>, <c>&lt;v/&gt;&lt;/c&gt;</c>), an empty value. Excel's own
    /// formula that results in "" is also an empty value (<c>t="str"</c>): it costs the exact reading, which lets it be.</summary>
    private static readonly byte[][] Shapes =
        ["f></"u8.ToArray(), "/></c>"u8.ToArray(), "/></x:c>"u8.ToArray(), "<v></v>"u8.ToArray(), "<x:v></x:v>"u8.ToArray()];

    /// <summary>The longest shape less one: the bytes a search keeps from one buffer to the next.</summary>
    public static readonly int Overlap = Shapes.Max(s => s.Length) - 1;

    public static bool IsWorksheet(string partName) => partName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether these bytes of a worksheet may hold a formula without its result.</summary>
    public static bool MaySuspect(ReadOnlySpan<byte> bytes)
    {
        foreach (var shape in Shapes)
        {
            if (bytes.IndexOf(shape) >= 0) return true;
        }
        return false;
    }

    /// <summary>Searches the next bytes of a worksheet read into <paramref name="buffer"/> after the <paramref name="kept"/>
    /// bytes left there by the last search (0 at first), so that a shape cut in two by the reads is still found; when
    /// nothing is found, moves the last bytes to the buffer's start and says how many in <paramref name="kept"/>. The
    /// buffer holds a read and <see cref="Overlap"/> bytes more.</summary>
    public static bool Search(byte[] buffer, ref int kept, int read)
    {
        var bytes = buffer.AsSpan(0, kept + read);
        if (MaySuspect(bytes)) return true;
        kept = Math.Min(Overlap, bytes.Length);
        bytes[^kept..].CopyTo(buffer);
        return false;
    }

    /// <summary>For each sheet (by name) among <paramref name="parts"/>: Excel row number → the formulas without a
    /// result in it. Sheets with none are left out; an empty answer when <paramref name="parts"/> is empty, without
    /// opening the file.</summary>
    public static IReadOnlyDictionary<string, SheetFormulas> Find(string path, IReadOnlyCollection<string> parts)
    {
        var found = new Dictionary<string, SheetFormulas>(StringComparer.Ordinal);
        if (parts.Count == 0) return found;
        using var zip = ZipFile.OpenRead(path);
        foreach (var (sheet, part) in SheetParts(zip))
        {
            if (!parts.Contains(part) || zip.GetEntry(part) is not { } entry) continue;
            using var stream = entry.Open();
            var cells = Read(stream);
            if (cells.Count > 0) found[sheet] = new SheetFormulas(cells);
        }
        return found;
    }

    /// <summary>The cells of a worksheet's XML that have a formula and no result, by Excel row number.</summary>
    internal static Dictionary<int, List<CellFlaw>> Read(Stream sheetXml)
    {
        var cells = new Dictionary<int, List<CellFlaw>>();
        using var reader = XmlReader.Create(sheetXml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        int row = 0, column = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "row")
            {
                row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                column = -1;
            }
            else if (reader.LocalName == "c")
            {
                column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                var type = reader.GetAttribute("t");
                if (reader.IsEmptyElement) continue;
                var (formula, value) = ReadCell(reader);
                // A result of "" is Excel's empty text (t="str"), a result; an empty number is none.
                var computed = value is { Length: > 0 } || (value is not null && type is "str" or "inlineStr");
                if (formula is not null && !computed)
                {
                    if (!cells.TryGetValue(row, out var list)) cells[row] = list = [];
                    list.Add(new CellFlaw(column, CellFlawKind.UncalculatedFormula, formula.Length > 0 ? "=" + formula : null));
                }
            }
        }
        return cells;
    }

    /// <summary>A cell's formula text ("" when it has the element but no text: a shared formula's other cells) and value
    /// (null when the cell has no value element); leaves the reader on the cell's end.</summary>
    private static (string? Formula, string? Value) ReadCell(XmlReader reader)
    {
        string? formula = null, value = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName is "f" or "v")
            {
                var isFormula = reader.LocalName == "f";
                // Reads past the element's end (an empty one too): the loop looks at the node it lands on.
                var text = reader.ReadElementContentAsString();
                if (isFormula) formula = text;
                else value = text;
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "is") value = "inline";
            reader.Read();
        }
        return (formula, value);
    }

    /// <summary>The 0-based column of a cell reference (B7 → 1), null without one.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
            letters++;
        }
        return letters == 0 ? null : column - 1;
    }

    /// <summary>Each sheet's name and the zip part of its XML, from the workbook and its relationships.</summary>
    private static IEnumerable<(string Sheet, string Part)> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, target) in Elements(zip, "xl/_rels/workbook.xml.rels", "Relationship", "Id", "Target"))
        {
            // A target is relative to xl/, or absolute from the package's root.
            targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
        }
        foreach (var (name, id) in Elements(zip, "xl/workbook.xml", "sheet", "name", "id"))
        {
            if (targets.TryGetValue(id, out var part)) yield return (name, part);
        }
    }

    /// <summary>The two attributes (by local name) of each element of a small part.</summary>
    private static List<(string, string)> Elements(ZipArchive zip, string partName, string element, string first, string second)
    {
        var found = new List<(string, string)>();
        if (zip.GetEntry(partName) is not { } part) return found;
        using var reader = XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != element) continue;
            string? a = null, b = null;
            while (reader.MoveToNextAttribute())
            {
                if (reader.LocalName == first) a = reader.Value;
                else if (reader.LocalName == second) b = reader.Value;
            }
            if (a is not null && b is not null) found.Add((a, b));
        }
        return found;
    }
}

/// <summary>A sheet's formulas without a result, by Excel row number (<see cref="UncalculatedFormulas"/>).</summary>
internal sealed class SheetFormulas(Dictionary<int, List<CellFlaw>> byRow)
{
    public IReadOnlyList<CellFlaw>? At(int line) => byRow.TryGetValue(line, out var cells) ? cells : null;
}
