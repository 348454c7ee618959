using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Etl.Staging.Mappers;

namespace QualityAnalytics.Etl.Loading;

/// <summary>One row as reading and staging left it: the staged row, or the reasons it did not stage.</summary>
internal readonly record struct StagedItem(RawRow Raw, StagedRow? Staged, IReadOnlyList<RowError> Errors);

/// <summary>Reads and stages a source on a worker thread while the caller writes: parsing CSV and checking every rule
/// need no database, so they overlap the inserts. Rows travel in order, in chunks, through a bounded queue (a fixed
/// number of chunks of fixed size: memory does not grow with the file). A reading failure (a malformed quote halfway
/// down) reaches the caller after the rows before it, as it would have without the worker; a failure of the caller
/// (a write error, an injected fault) stops the worker before the caller's transaction rolls back.</summary>
internal static class StagingPipeline
{
    private const int ChunkRows = 512;
    private const int QueuedChunks = 8;

    public static IEnumerable<StagedItem> Run(ITabularSource source, HeaderMatch match, IStagingMapper mapper)
    {
        using var queue = new BlockingCollection<StagedItem[]>(QueuedChunks);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                var chunk = new StagedItem[ChunkRows];
                var n = 0;
                foreach (var raw in source.ReadRows())
                {
                    var row = new RowReader(match, raw.Cells);
                    var staged = mapper.Stage(row, raw.Line);
                    chunk[n++] = new StagedItem(raw, staged, row.Errors);
                    if (n < ChunkRows) continue;
                    queue.Add(chunk, stop.Token);
                    chunk = new StagedItem[ChunkRows];
                    n = 0;
                }
                if (n > 0) queue.Add(chunk[..n], stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped reading.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "qa-load-staging" };
        worker.Start();
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable())
            {
                foreach (var item in chunk) yield return item;
            }
            if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
        }
        finally
        {
            stop.Cancel();
            worker.Join();
        }
    }
}
