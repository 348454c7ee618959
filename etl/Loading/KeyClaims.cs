using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The keys a file has claimed (<see cref="FileScope"/>): a set that lives in the database's temporary storage
/// for the file's transaction, so that memory does not grow with the file.</summary>
internal interface IKeyClaims : IDisposable
{
    /// <summary>Adds keys[0..count) (distinct); claimedBefore[i] is set when keys[i] was in the set already.</summary>
    void Claim(string[] keys, int count, bool[] claimedBefore);
}

internal static class KeyClaims
{
    /// <param name="table">The fact table whose keys these are (a name from <see cref="TableSpec"/>, not user input).</param>
    /// <param name="transactionOutlivesFile">See <see cref="FileScope"/>.</param>
    public static IKeyClaims For(DbConnection connection, DbTransaction transaction, string table, bool transactionOutlivesFile)
    {
        var name = "qa_claimed_" + table;
        return connection switch
        {
            // A temporary table: the load's connection keeps temporary storage in a file behind a fixed cache (FileLoader).
            Microsoft.Data.Sqlite.SqliteConnection => new SqlKeyClaims(connection, transaction,
                $"CREATE TEMP TABLE IF NOT EXISTS {name} (k TEXT PRIMARY KEY, g INTEGER NOT NULL) WITHOUT ROWID; DELETE FROM temp.{name};",
                // The keys travel as one JSON array (one bound value instead of one per key); json_each's key is the index.
                $"INSERT INTO {name} (k, g) SELECT value, @g FROM json_each(@keys) WHERE true ON CONFLICT (k) DO NOTHING",
                $"SELECT j.key FROM json_each(@keys) j JOIN {name} c ON c.k = j.value WHERE c.g < @g",
                keys => JsonSerializer.Serialize(keys),
                $"DROP TABLE IF EXISTS temp.{name}", transactionOutlivesFile),
            // Dropped with the transaction's end, whichever it is (the drop after it finds nothing); in a dry run, whose
            // transaction outlives the file, by the drop. The keys travel as one text[] value.
            Npgsql.NpgsqlConnection => new SqlKeyClaims(connection, transaction,
                $"CREATE TEMP TABLE IF NOT EXISTS {name} (k text PRIMARY KEY, g bigint NOT NULL) ON COMMIT DROP",
                $"INSERT INTO {name} (k, g) SELECT u.k, @g FROM unnest(@keys) AS u(k) ON CONFLICT (k) DO NOTHING",
                $"SELECT u.i - 1 FROM unnest(@keys) WITH ORDINALITY AS u(k, i) JOIN {name} c ON c.k = u.k WHERE c.g < @g",
                keys => keys.ToArray(), $"DROP TABLE IF EXISTS {name}", transactionOutlivesFile),
            _ => new MemoryKeyClaims(),
        };
    }

    /// <summary>Another ADO.NET provider: a set in memory (no bulk loads of millions of rows go through it).</summary>
    private sealed class MemoryKeyClaims : IKeyClaims
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public void Claim(string[] keys, int count, bool[] claimedBefore)
        {
            for (var i = 0; i < count; i++) claimedBefore[i] = !_keys.Add(keys[i]);
        }

        public void Dispose() { }
    }
}

/// <summary>The set as a temporary table, the key its primary key and g the call that claimed it: one
/// <c>INSERT … ON CONFLICT DO NOTHING</c> per call, whose count of inserted rows says whether every key was new (a
/// reload: every call); only when it was not does a second statement name the keys that an earlier call claimed.</summary>
internal sealed class SqlKeyClaims : IKeyClaims
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _dropIn;
    private readonly DbCommand _insert;
    private readonly DbCommand _earlier;
    private readonly Func<ArraySegment<string>, object> _keysValue;
    private readonly string _drop;
    private long _call;

    /// <param name="keysValue">The keys as the one value the statements take (<c>@keys</c>).</param>
    public SqlKeyClaims(DbConnection connection, DbTransaction transaction, string create, string insert, string earlier,
        Func<ArraySegment<string>, object> keysValue, string drop, bool transactionOutlivesFile)
    {
        _connection = connection;
        _dropIn = transactionOutlivesFile ? transaction : null;
        _keysValue = keysValue;
        _drop = drop;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = create;
            command.ExecuteNonQuery();
        }
        _insert = Command(connection, transaction, insert);
        _earlier = Command(connection, transaction, earlier);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Claim(string[] keys, int count, bool[] claimedBefore)
    {
        _call++;
        var value = _keysValue(new ArraySegment<string>(keys, 0, count));
        _insert.Parameters[0].Value = value;
        _insert.Parameters[1].Value = _call;
        Array.Clear(claimedBefore, 0, count);
        if (_insert.ExecuteNonQuery() == count) return;
        _earlier.Parameters[0].Value = value;
        _earlier.Parameters[1].Value = _call;
        using var reader = _earlier.ExecuteReader();
        while (reader.Read()) claimedBefore[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = true;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in new[] { "@keys", "@g" })
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        return command;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _earlier.Dispose();
        if (_connection.State != System.Data.ConnectionState.Open) return;
        // After the file's commit or rollback: the next file starts with an empty set. A transaction that goes on after
        // the file (a dry run's) takes the drop.
        using var drop = _connection.CreateCommand();
        drop.Transaction = _dropIn;
        drop.CommandText = _drop;
        drop.ExecuteNonQuery();
    }
}
