using System.Text;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Etl.Staging.Mappers;
using QualityAnalytics.Etl.Tests.Reading;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>Reading and staging on the worker thread hand the caller exactly what staging on its own thread would, in
/// file order; a reading failure arrives after the rows before it; stopping early stops the worker.</summary>
public sealed class StagingPipelineTests
{
    private static string ComplaintsCsv(int rows, Func<int, string>? receivedOf = null)
    {
        var sb = new StringBuilder("complaint_id,department,received_at,channel,valid\n");
        for (var i = 1; i <= rows; i++) sb.Append($"P-{i:D6},LOG,{(receivedOf ?? (n => $"2026-05-{1 + n % 28:D2} 10:{n % 60:D2}"))(i)},电话,是\n");
        return sb.ToString();
    }

    private static (ITabularSource Source, HeaderMatch Match, IStagingMapper Mapper) Open(string path)
    {
        var source = TabularFile.Open(path).Single();
        var match = HeaderMatcher.Match(source.Header);
        return (source, match, StagingMappers.For(match.Kind!.Value, new StagingRules()));
    }

    [Fact]
    public void Rows_arrive_in_file_order_staged_as_on_the_caller_s_thread()
    {
        using var folder = new TempFolder();
        // Every 97th row has an impossible date: staged as null with its error.
        var path = folder.WriteText("complaints.csv", ComplaintsCsv(5_000, n => n % 97 == 0 ? "2026-02-30 10:00" : $"2026-05-{1 + n % 28:D2} 10:{n % 60:D2}"));
        var (source, match, mapper) = Open(path);
        using (source)
        {
            var expected = source.ReadRows().Select(raw =>
            {
                var row = new RowReader(match, raw.Cells);
                var staged = mapper.Stage(row, raw.Line);
                return (raw.Line, Staged: staged, Errors: string.Join("|", row.Errors));
            }).ToList();

            using var pipeline = new StagingPipeline(source, match, mapper);
            var actual = pipeline.Rows().Select(item => (item.Raw.Line, item.Staged, Errors: string.Join("|", item.Errors))).ToList();

            Assert.Equal(5_000, actual.Count);
            Assert.Equal(expected, actual);
            Assert.Equal(5_000 / 97, actual.Count(a => a.Staged is null));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Encodings_stay_put_until_their_rows_are_released_and_released_chunks_are_filled_again(bool release)
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("complaints.csv", ComplaintsCsv(10_000));
        var (source, match, mapper) = Open(path);
        using (source)
        {
            // Texts of every length up to ~150 bytes, so that rows end at every place in a buffer.
            using var pipeline = new StagingPipeline(source, match, mapper,
                prepare: (staged, _) => [((StagedComplaint)staged).ComplaintId, staged.Line, new string('描', staged.Line % 50)], encodable: (_, _) => true);
            var held = new List<(EncodedRow Encoded, byte[] Expected)>();
            var rows = 0;
            foreach (var item in pipeline.Rows())
            {
                Assert.True(item.Encoded.Exists);
                held.Add((item.Encoded, EncodedRow.Of(item.Values!).Entries.ToArray()));
                // As PendingRows does after a flush: every row so far is written, and until then each encoding is intact.
                if (++rows % 200 == 0 && release)
                {
                    foreach (var (encoded, expected) in held) Assert.Equal(expected, encoded.Entries.ToArray());
                    held.Clear();
                    pipeline.ReleaseWritten();
                }
            }
            foreach (var (encoded, expected) in held) Assert.Equal(expected, encoded.Entries.ToArray());
            Assert.Equal(10_000, rows);
            var chunks = (10_000 + StagingPipeline.ChunkRows - 1) / StagingPipeline.ChunkRows;
            if (release)
            {
                // Only as many chunks as were in flight at once: the queue's, the worker's, the one being read, and those
                // read but not yet released (200 rows span at most five).
                Assert.InRange(pipeline.ChunksMade, 1, StagingPipeline.QueuedChunks + 2 + 5);
            }
            else Assert.Equal(chunks, pipeline.ChunksMade); // never released: never written over
        }
    }

    [Fact]
    public void The_worker_runs_at_a_lower_scheduling_priority_than_the_caller_s_thread()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("complaints.csv", ComplaintsCsv(10));
        var (source, match, mapper) = Open(path);
        using (source)
        {
            int? workerNice = null;
            using var pipeline = new StagingPipeline(source, match, mapper, prepare: (_, _) =>
            {
                workerNice ??= NiceOfThisThread();
                return null;
            });

            Assert.Equal(10, pipeline.Rows().Count());
            Assert.Equal(Math.Min(19, NiceOfThisThread() + StagingPipeline.WorkerNice), workerNice);
        }
    }

    /// <summary>The calling thread's nice value, as Linux reports it (field 19 of /proc/thread-self/stat).</summary>
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_quote_never_closed_halfway_down_arrives_after_the_rows_before_it()
    {
        using var folder = new TempFolder();
        var text = ComplaintsCsv(3_000) + "P-999999,LOG,\"2026-05-01 10:00,电话,是\n" + ComplaintsCsv(10).Split('\n', 2)[1];
        var path = folder.WriteText("complaints.csv", text);
        var (source, match, mapper) = Open(path);
        using (source)
        {
            using var pipeline = new StagingPipeline(source, match, mapper);
            var seen = 0;
            var e = Assert.Throws<FileRejectedException>(() =>
            {
                foreach (var _ in pipeline.Rows()) seen++;
            });
            Assert.Equal(3_000, seen);
            Assert.Contains("never closed", e.Reason);
        }
    }

    [Fact]
    public void Stopping_after_a_few_rows_stops_the_worker_before_the_source_is_closed()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText("complaints.csv", ComplaintsCsv(200_000));
        var (source, match, mapper) = Open(path);
        var pipeline = new StagingPipeline(source, match, mapper);
        Assert.Equal(10, pipeline.Rows().Take(10).Count());
        pipeline.Dispose();
        source.Dispose();
        Assert.True(pipeline.WorkerEnded);
        // It stopped at the bounded queue instead of reading on through the 200,000 rows.
        Assert.InRange(pipeline.StagedCount, 10, StagingPipeline.ChunkRows * (StagingPipeline.QueuedChunks + 2));
    }
}
