using System.Data.Common;

namespace QualityAnalytics.Etl.Loading;

/// <summary>
/// What one file (a CSV, or every sheet of a workbook) has delivered so far in its transaction, so that a key repeated
/// within the file is told from a key delivered by an earlier file, on the first load and on every reload alike.
/// <para>
/// The first occurrence of a key in a file wins; a later one is quarantined as a duplicate. A row this file inserted or
/// updated carries one of its source-file ids (<see cref="Wrote"/>). A row this file found <em>unchanged</em> keeps the
/// earlier file's id, so on a reload the first occurrence leaves no mark in the table: without one, the repeated line
/// (different values) would update the row, and the next reload flip it back, a change recorded every time. The keys
/// of rows that met a stored row are therefore claimed (<see cref="IKeyClaims"/>), in the database's temporary storage
/// rather than in memory: a reload of ten million rows claims ten million keys.
/// </para>
/// </summary>
/// <param name="transactionOutlivesFile">The transaction goes on after the file (a dry run's, <see cref="FileTransaction"/>):
/// what the file kept in temporary storage is dropped inside it.</param>
public sealed class FileScope(DbConnection connection, DbTransaction transaction, bool transactionOutlivesFile = false) : IDisposable
{
    private readonly HashSet<long> _sourceFileIds = [];
    private readonly Dictionary<string, IKeyClaims> _claims = new(StringComparer.Ordinal);

    /// <summary>A source (the file, or one of the workbook's sheets) of this file.</summary>
    public void Add(long sourceFileId) => _sourceFileIds.Add(sourceFileId);

    /// <summary>Whether a stored row's source file is one of this file's sources (it was inserted or updated by this file).</summary>
    public bool Wrote(long? sourceFileId) => sourceFileId is { } id && _sourceFileIds.Contains(id);

    /// <summary>Claims natural keys[0..count) (distinct) of <paramref name="table"/> for this file; claimedBefore[i] is set
    /// when keys[i] was claimed earlier in the file.</summary>
    public void Claim(string table, string[] keys, int count, bool[] claimedBefore)
    {
        if (count == 0) return;
        if (!_claims.TryGetValue(table, out var claims)) _claims[table] = claims = KeyClaims.For(connection, transaction, table, transactionOutlivesFile);
        claims.Claim(keys, count, claimedBefore);
    }

    public void Dispose()
    {
        foreach (var claims in _claims.Values) claims.Dispose();
    }
}
