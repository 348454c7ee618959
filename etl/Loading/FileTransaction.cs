using System.Data.Common;

namespace QualityAnalytics.Etl.Loading;

/// <summary>
/// One file's unit of work. In a load, a transaction of its own: the file is kept whole or not at all. In a dry run
/// (<see cref="FileLoader.Check{T}"/>), a savepoint inside the run's one transaction, which is rolled back at the end:
/// a file refused whole is undone exactly as in a load, while what the files before it wrote (a department file's new
/// department) stays visible to the files after it, as it would after their commits.
/// </summary>
internal sealed class FileTransaction : IDisposable
{
    private const string Savepoint = "qa_file";

    private readonly DbTransaction? _run;
    private bool _ended;

    private FileTransaction(DbTransaction transaction, DbTransaction? run)
    {
        Transaction = transaction;
        _run = run;
    }

    /// <summary>The transaction the file's commands run in (the run's own, in a dry run).</summary>
    public DbTransaction Transaction { get; }

    /// <param name="run">The dry run's transaction, or null in a load.</param>
    public static FileTransaction Begin(DbConnection connection, DbTransaction? run)
    {
        if (run is null) return new FileTransaction(connection.BeginTransaction(), null);
        run.Save(Savepoint);
        return new FileTransaction(run, run);
    }

    public void Commit()
    {
        if (_run is null) Transaction.Commit();
        else _run.Release(Savepoint);
        _ended = true;
    }

    public void Rollback()
    {
        if (_run is null) Transaction.Rollback();
        else
        {
            // ROLLBACK TO keeps the savepoint open: release it too, so that the next file's savepoint is not nested in it.
            _run.Rollback(Savepoint);
            _run.Release(Savepoint);
        }
        _ended = true;
    }

    public void Dispose()
    {
        if (_run is null) Transaction.Dispose();
        else if (!_ended && _run.Connection is not null) Rollback();
    }
}
