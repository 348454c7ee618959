using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QualityAnalytics.Reports.Pdf;

/// <summary>One bookmark: a heading's text, its level (1 = top) and the named destination Skia wrote for it.</summary>
internal sealed record OutlineEntry(string Title, int Level, string Destination);

/// <summary>
/// Adds an outline (the viewer's bookmarks pane) to a PDF written by Skia, which cannot write one itself. Skia does
/// write a named destination for every heading (<c>/Dests</c> in the catalog), so an outline item only needs the
/// destination's name. The outline goes in as an incremental update (ISO 32000-1, 7.5.6): the original bytes stay as
/// they are, and after them come the outline objects, a new version of the catalog that points at them, a
/// cross-reference section for those objects and a trailer whose <c>/Prev</c> names the original one. No date, random
/// id or anything else that varies is written, so the same report still gives the same bytes (a test guards it);
/// PDFsharp could add the outline too, but its save writes the current time and random XMP ids.
/// </summary>
internal static partial class PdfOutline
{
    public static byte[] Append(byte[] pdf, IReadOnlyList<OutlineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (entries.Count == 0)
        {
            return pdf;
        }
        var trailer = Trailer.Read(pdf);
        var catalog = CatalogDictionary(pdf, trailer);
        if (catalog.Contains("/Outlines", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The PDF already has an outline.");
        }

        var nodes = Tree(entries);
        var first = trailer.Size; // the outline root; its items follow in document order
        var objects = new SortedDictionary<int, string>
        {
            [trailer.Root] = $"<<{catalog}\n/Outlines {first} 0 R\n/PageMode /UseOutlines>>",
            [first] = Container("/Type /Outlines", nodes.Where(n => n.Parent is null).ToList(), first, nodes),
        };
        foreach (var node in nodes)
        {
            objects[first + 1 + node.Index] = Item(node, first, nodes);
        }

        using var output = new MemoryStream(pdf.Length + 4096);
        output.Write(pdf);
        if (pdf[^1] != (byte)'\n')
        {
            output.WriteByte((byte)'\n');
        }
        var offsets = new Dictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = output.Position;
            Write(output, $"{number} 0 obj\n{body}\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        // Subsections of consecutive object numbers: the catalog alone, then the outline's objects.
        foreach (var run in Runs(offsets.Keys.Order().ToList()))
        {
            table.Append(CultureInfo.InvariantCulture, $"{run[0]} {run.Count}\n");
            foreach (var number in run)
            {
                table.Append(CultureInfo.InvariantCulture, $"{offsets[number]:D10} 00000 n \n");
            }
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {first + 1 + nodes.Count}\n/Root {trailer.Root} 0 R");
        if (trailer.Info is { } info)
        {
            table.Append(CultureInfo.InvariantCulture, $"\n/Info {info} 0 R");
        }
        if (trailer.Id is { } id)
        {
            table.Append("\n/ID ").Append(id);
        }
        table.Append(CultureInfo.InvariantCulture, $"\n/Prev {trailer.XrefOffset}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    private sealed class Node(int index, OutlineEntry entry, Node? parent)
    {
        public int Index { get; } = index;
        public OutlineEntry Entry { get; } = entry;
        public Node? Parent { get; } = parent;
        public List<Node> Children { get; } = [];
    }

    /// <summary>Nests each entry under the nearest earlier entry of a lower level (a level-3 heading straight after a
    /// level-1 one hangs under it).</summary>
    private static List<Node> Tree(IReadOnlyList<OutlineEntry> entries)
    {
        var nodes = new List<Node>(entries.Count);
        var open = new Stack<Node>();
        foreach (var entry in entries)
        {
            while (open.Count > 0 && open.Peek().Entry.Level >= entry.Level)
            {
                open.Pop();
            }
            var node = new Node(nodes.Count, entry, open.Count > 0 ? open.Peek() : null);
            node.Parent?.Children.Add(node);
            nodes.Add(node);
            open.Push(node);
        }
        return nodes;
    }

    private static int ObjectOf(Node node, int root) => root + 1 + node.Index;

    /// <summary>The outline root's dictionary: its first and last top-level items and how many items show open.</summary>
    private static string Container(string head, IReadOnlyList<Node> children, int root, IReadOnlyList<Node> all) =>
        children.Count == 0
            ? $"<<{head}>>"
            : $"<<{head}\n/First {ObjectOf(children[0], root)} 0 R\n/Last {ObjectOf(children[^1], root)} 0 R\n/Count {all.Count}>>";

    /// <summary>An item: title, parent, siblings, children (all shown open: a report has a few dozen headings) and the
    /// named destination.</summary>
    private static string Item(Node node, int root, IReadOnlyList<Node> all)
    {
        var siblings = node.Parent?.Children ?? all.Where(n => n.Parent is null).ToList();
        var position = siblings.IndexOf(node);
        var text = new StringBuilder("<</Title ").Append(TextString(node.Entry.Title));
        text.Append(CultureInfo.InvariantCulture, $"\n/Parent {(node.Parent is null ? root : ObjectOf(node.Parent, root))} 0 R");
        if (position > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n/Prev {ObjectOf(siblings[position - 1], root)} 0 R");
        }
        if (position < siblings.Count - 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n/Next {ObjectOf(siblings[position + 1], root)} 0 R");
        }
        if (node.Children.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n/First {ObjectOf(node.Children[0], root)} 0 R\n/Last {ObjectOf(node.Children[^1], root)} 0 R\n/Count {Descendants(node)}");
        }
        return text.Append("\n/Dest ").Append(Name(node.Entry.Destination)).Append(">>").ToString();
    }

    private static int Descendants(Node node) => node.Children.Sum(c => 1 + Descendants(c));

    /// <summary>A text string as UTF-16BE with its byte order mark, in hex: how PDF carries Chinese titles.</summary>
    private static string TextString(string value)
    {
        var hex = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(value))
        {
            hex.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return hex.Append('>').ToString();
    }

    /// <summary>A name object: bytes outside the regular printable characters written as #XX (ISO 32000-1, 7.3.5).</summary>
    private static string Name(string value)
    {
        var name = new StringBuilder("/");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is < 0x21 or > 0x7E || "()<>[]{}/%#"u8.Contains(b))
            {
                name.Append('#').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                name.Append((char)b);
            }
        }
        return name.ToString();
    }

    private static IEnumerable<List<int>> Runs(List<int> numbers)
    {
        var run = new List<int>();
        foreach (var n in numbers)
        {
            if (run.Count > 0 && n != run[^1] + 1)
            {
                yield return run;
                run = [];
            }
            run.Add(n);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void Write(Stream output, string text) => output.Write(Encoding.Latin1.GetBytes(text));

    /// <summary>The inside of the catalog's dictionary (between its outer &lt;&lt; and &gt;&gt;), found through the
    /// cross-reference table.</summary>
    private static string CatalogDictionary(byte[] pdf, Trailer trailer)
    {
        var offset = ObjectOffset(pdf, trailer.XrefOffset, trailer.Root);
        var text = Encoding.Latin1.GetString(pdf, (int)offset, (int)Math.Min(4096, pdf.Length - offset));
        var header = $"{trailer.Root} 0 obj";
        if (!text.StartsWith(header, StringComparison.Ordinal))
        {
            throw Unexpected($"object {trailer.Root} is not at offset {offset}");
        }
        var open = text.IndexOf("<<", header.Length, StringComparison.Ordinal);
        var depth = 0;
        for (var i = open; i < text.Length - 1; i++)
        {
            if (text[i] == '<' && text[i + 1] == '<')
            {
                depth++;
                i++;
            }
            else if (text[i] == '>' && text[i + 1] == '>')
            {
                depth--;
                if (depth == 0)
                {
                    return text[(open + 2)..i];
                }
                i++;
            }
        }
        throw Unexpected("the catalog's dictionary does not end");
    }

    /// <summary>Where an object starts, from a classic cross-reference table (Skia writes no cross-reference streams).</summary>
    private static long ObjectOffset(byte[] pdf, long xref, int number)
    {
        using var reader = new StreamReader(new MemoryStream(pdf, (int)xref, pdf.Length - (int)xref), Encoding.Latin1);
        if (reader.ReadLine()?.Trim() != "xref")
        {
            throw Unexpected("no cross-reference table where startxref points");
        }
        while (reader.ReadLine() is { } line && !line.StartsWith("trailer", StringComparison.Ordinal))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var count = int.Parse(parts[1], CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                var entry = reader.ReadLine() ?? throw Unexpected("the cross-reference table ends early");
                if (start + i == number)
                {
                    return long.Parse(entry.AsSpan(0, 10), CultureInfo.InvariantCulture);
                }
            }
        }
        throw Unexpected($"object {number} is not in the cross-reference table");
    }

    private static InvalidOperationException Unexpected(string what) =>
        new($"Cannot add the outline: {what} (the PDF is not laid out as Skia writes it).");

    /// <summary>What the outline needs from the last trailer: the catalog, the info dictionary, the ids and the size.</summary>
    private sealed record Trailer(int Size, int Root, int? Info, string? Id, long XrefOffset)
    {
        public static Trailer Read(byte[] pdf)
        {
            var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(2048, pdf.Length));
            var start = tail.LastIndexOf("startxref", StringComparison.Ordinal);
            var at = tail.LastIndexOf("trailer", StringComparison.Ordinal);
            if (start < 0 || at < 0 || at > start)
            {
                throw Unexpected("no trailer at the end");
            }
            var dictionary = tail[at..start];
            var xref = long.Parse(tail[(start + "startxref".Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim(), CultureInfo.InvariantCulture);
            return new Trailer(
                int.Parse(SizePattern().Match(dictionary) is { Success: true } size ? size.Groups[1].Value : throw Unexpected("no /Size"), CultureInfo.InvariantCulture),
                int.Parse(RootPattern().Match(dictionary) is { Success: true } root ? root.Groups[1].Value : throw Unexpected("no /Root"), CultureInfo.InvariantCulture),
                InfoPattern().Match(dictionary) is { Success: true } info ? int.Parse(info.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                IdPattern().Match(dictionary) is { Success: true } id ? id.Value[3..].Trim() : null,
                xref);
        }
    }

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")]
    private static partial Regex InfoPattern();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdPattern();
}
