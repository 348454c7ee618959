namespace QualityAnalytics.Etl.Reading;

/// <summary>A source read once, its rows shown to an observer as they are read and spooled, as decoded, to a temporary
/// file; every later enumeration replays the spool instead of reading (and decoding, and hashing) the file again.
/// Why a spool on disk and not the rows in memory: the caller (a surveys source, <c>Questionnaires</c>) must see every
/// row before the first one is judged, and the rows must still be written in file order; a list would hold the whole
/// file, where the spool keeps memory flat whatever its size (a survey file is small, but nothing stops a department
/// sending years of answers in one). The file's own properties (its hash, the workbook's serial dates) are the inner
/// source's: a CSV's hash is complete once the one reading reached its end.</summary>
internal sealed class SpooledSource : ITabularSource
{
    private readonly ITabularSource _inner;
    private readonly string _spool;
    private readonly long _rows;

    private SpooledSource(ITabularSource inner, string spool, long rows)
    {
        _inner = inner;
        _spool = spool;
        _rows = rows;
    }

    /// <summary>Reads <paramref name="inner"/>'s rows to their end (the one reading), calling <paramref name="observe"/>
    /// on each. <paramref name="inner"/> stays its caller's to dispose; the spool is deleted when this is.</summary>
    /// <param name="folder">Where the spool goes: the system's temporary folder unless given.</param>
    /// <exception cref="FileRejectedException">As <see cref="ITabularSource.ReadRows"/>; the spool is gone.</exception>
    public static SpooledSource Spool(ITabularSource inner, Action<RawRow> observe, string? folder = null)
    {
        var spool = Path.Combine(folder ?? Path.GetTempPath(), $"qa-spool-{Guid.NewGuid():N}.bin");
        var rows = 0L;
        try
        {
            using (var writer = new BinaryWriter(new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes)))
            {
                foreach (var row in inner.ReadRows())
                {
                    observe(row);
                    writer.Write(row.Line);
                    writer.Write7BitEncodedInt(row.Cells.Count);
                    foreach (var cell in row.Cells) writer.Write(cell);
                    WriteFlaws(writer, row.Flaws);
                    rows++;
                }
            }
            return new SpooledSource(inner, spool, rows);
        }
        catch
        {
            File.Delete(spool);
            throw;
        }
    }

    private const int BufferBytes = 64 * 1024;

    public string FilePath => _inner.FilePath;

    public string? Sheet => _inner.Sheet;

    public string? EncodingName => _inner.EncodingName;

    public IReadOnlyList<string> Header => _inner.Header;

    public int HeaderLine => _inner.HeaderLine;

    // These have default implementations on the interface: left out here, a workbook's serial dates would read as numbers.
    public bool NumbersMayBeDates => _inner.NumbersMayBeDates;

    public string? ContentSha256 => _inner.ContentSha256;

    /// <summary>The rows as the one reading read them, from the spool.</summary>
    public IEnumerable<RawRow> ReadRows()
    {
        using var reader = new BinaryReader(new FileStream(_spool, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes));
        for (var n = 0L; n < _rows; n++)
        {
            var line = reader.ReadInt32();
            var cells = new string[reader.Read7BitEncodedInt()];
            for (var i = 0; i < cells.Length; i++) cells[i] = reader.ReadString();
            yield return RawRow.Of(line, cells, ReadFlaws(reader));
        }
    }

    /// <summary>A row's <see cref="RawRow.Flaws"/>: their count (0 for nearly every row), then each one.</summary>
    private static void WriteFlaws(BinaryWriter writer, IReadOnlyList<CellFlaw>? flaws)
    {
        writer.Write7BitEncodedInt(flaws?.Count ?? 0);
        if (flaws is null) return;
        foreach (var flaw in flaws)
        {
            writer.Write7BitEncodedInt(flaw.Index);
            writer.Write((byte)flaw.Kind);
            writer.Write(flaw.Shown is not null);
            if (flaw.Shown is not null) writer.Write(flaw.Shown);
        }
    }

    private static CellFlaw[]? ReadFlaws(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        if (count == 0) return null;
        var flaws = new CellFlaw[count];
        for (var i = 0; i < count; i++)
        {
            var index = reader.Read7BitEncodedInt();
            var kind = (CellFlawKind)reader.ReadByte();
            flaws[i] = new CellFlaw(index, kind, reader.ReadBoolean() ? reader.ReadString() : null);
        }
        return flaws;
    }

    public void Dispose() => File.Delete(_spool);
}
