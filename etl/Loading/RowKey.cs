namespace QualityAnalytics.Etl.Loading;

/// <summary>A row's natural key as text (<see cref="BatchInsert.Key"/>) with its hash, made where the row is prepared:
/// on the staging thread for a bulk load, so the writing thread's check for a key repeated within a batch
/// (<see cref="PendingRows"/>) neither builds the key nor reads its characters again, unless two hashes are equal.</summary>
internal readonly struct RowKey
{
    private RowKey(string text)
    {
        Text = text;
        Hash = StringComparer.Ordinal.GetHashCode(text);
    }

    public string Text { get; }

    public int Hash { get; }

    /// <summary>The key of a prepared row whose first <paramref name="keyColumns"/> values are its natural key.</summary>
    public static RowKey Of(object?[] values, int keyColumns) => new(BatchInsert.Key(values, keyColumns));

    /// <summary>Keys equal as text (ordinal), compared by their hashes first.</summary>
    public static readonly IEqualityComparer<RowKey> Comparer = new KeyComparer();

    private sealed class KeyComparer : IEqualityComparer<RowKey>
    {
        public bool Equals(RowKey x, RowKey y) => x.Hash == y.Hash && string.Equals(x.Text, y.Text, StringComparison.Ordinal);

        public int GetHashCode(RowKey key) => key.Hash;
    }
}
