using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Etl.Tests.Reading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A surveys source is read once: the reading that gathers each questionnaire's questions (for the
/// questionnaire rule) spools the rows, and staging reads the spool. Proved with a source that can be read only once,
/// as a pipe can: a second reading fails the test.</summary>
public sealed class SurveySingleReadTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    /// <summary>A source whose rows can be enumerated once; the second enumeration throws.</summary>
    private sealed class ReadableOnce(IReadOnlyList<string> header, IReadOnlyList<RawRow> rows, bool workbook = false) : ITabularSource
    {
        public int Readings { get; private set; }
        public bool Disposed { get; private set; }
        public string FilePath => "answers.csv";
        public string? Sheet => workbook ? "问卷" : null;
        public string? EncodingName => workbook ? null : "utf-8";
        public IReadOnlyList<string> Header => header;
        public int HeaderLine => 1;
        public bool NumbersMayBeDates => workbook;
        public string? ContentSha256 => Readings > 0 ? "abc123" : null;

        public IEnumerable<RawRow> ReadRows()
        {
            if (++Readings > 1) throw new InvalidOperationException("the source was read a second time");
            return rows;
        }

        public void Dispose() => Disposed = true;
    }

    private static readonly string[] SurveyHeader = ["问卷编号", "部门编码", "季度", "客户名称", "题号", "评分"];

    private static readonly RawRow[] SurveyRows =
    [
        new(2, ["R-1", "LOG", "2026Q2", "中石化华中分公司", "Q1", "5"]),
        new(3, ["R-1", "LOG", "2026Q2", "中石化华中分公司", "Q2", ""]),
        new(5, ["R-2", "ＳＴＯ", "2026Q2", "客户　乙", "Q1", "4", "extra"]),
        new(7, ["R-2", "STO"]),
    ];

    private static List<(int, string)> Flat(IEnumerable<RawRow> rows) => rows.Select(r => (r.Line, string.Join("|", r.Cells))).ToList();

    [Fact]
    public void A_spooled_source_reads_its_source_once_and_replays_every_row_as_read()
    {
        var source = new ReadableOnce(SurveyHeader, SurveyRows, workbook: true);
        var observed = new List<RawRow>();
        using var folder = new TempFolder();

        using (var spooled = SpooledSource.Spool(source, observed.Add, folder.Path))
        {
            Assert.Equal(1, source.Readings);
            Assert.Equal(Flat(SurveyRows), Flat(observed));
            // Replayed as often as asked (each enumeration from the start), cells as read: empty, full-width, ragged rows.
            Assert.Equal(Flat(SurveyRows), Flat(spooled.ReadRows()));
            Assert.Equal(Flat(SurveyRows), Flat(spooled.ReadRows()));
            Assert.Equal(1, source.Readings);
            // The file's own properties stay the source's: a workbook's serial dates, the hash its one reading made.
            Assert.Equal((SurveyHeader, 1, "问卷", true, "abc123"),
                ((string[])spooled.Header, spooled.HeaderLine, spooled.Sheet, spooled.NumbersMayBeDates, spooled.ContentSha256));
        }
        Assert.Empty(Directory.GetFiles(folder.Path));
        Assert.False(source.Disposed); // the loader's to dispose, as before
    }

    [Fact]
    public void A_source_that_fails_while_spooled_leaves_no_spool_behind()
    {
        using var folder = new TempFolder();
        var source = new ReadableOnce(SurveyHeader, SurveyRows);
        source.ReadRows(); // the next reading throws, as a file found damaged halfway would

        Assert.Throws<InvalidOperationException>(() => SpooledSource.Spool(source, _ => { }, folder.Path));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void The_questionnaire_rule_and_staging_share_one_reading_of_a_surveys_source()
    {
        var source = new ReadableOnce(SurveyHeader, SurveyRows);
        var match = HeaderMatcher.Match(source.Header);
        using var connection = _w.Db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var refs = new ReferenceResolver(connection, transaction);

        using var questionnaires = Questionnaires.Read(connection, transaction, refs, source, match);

        Assert.Equal(1, source.Readings);
        Assert.Equal(Flat(SurveyRows), Flat(questionnaires.Rows.ReadRows()));
        Assert.Equal(1, source.Readings);
    }
}
