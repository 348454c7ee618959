using System.Data.Common;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Jobs;

/// <summary>Batches a killed load left <c>running</c> (its facts rolled back with its file's transaction; only the
/// batch row, committed before the files, stayed) are marked <c>failed</c>, so the history stops showing a load that
/// will never finish and the working group's home page lists it among the failed ones.
/// <para>Why it is safe, and why here: it runs only from <see cref="LoadLock.Acquire"/>, once the load lock is held.
/// Every load that records a batch in the product — <c>qa load</c> (its dry run too), uploads, the nightly job on any
/// instance — holds that lock for its whole run, and the lock (a lock file on SQLite, an advisory lock on PostgreSQL)
/// is freed when its holder's process dies. So while we hold it no other process is loading, and any batch still
/// running was left by one that died. A heartbeat would need a writer thread in every load; the lock already answers
/// the question. (<c>qa demo</c> loads without the lock, but it empties the warehouse first: it is never run beside a load.)</para></summary>
internal static class InterruptedBatches
{
    /// <summary>Marks every batch still running as failed; returns how many. Call only while holding the load lock.</summary>
    public static int MarkFailed(WarehouseDb warehouse)
    {
        try
        {
            using var connection = warehouse.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE load_batch SET status = 'failed' WHERE status = 'running'";
            return command.ExecuteNonQuery();
        }
        catch (DbException)
        {
            // A warehouse not created yet has no batches; any other trouble leaves the marking to the next load, which
            // is all this tidying is worth: the load itself must not fail over it.
            return 0;
        }
    }
}
