namespace QualityAnalytics.Benchmarks;

/// <summary>PostgreSQL's yardstick, the analogue of <c>sqlite3 .import</c>: psql's <c>\copy … FROM 'file' (FORMAT csv,
/// HEADER)</c> of the same file into a plain table (the same 13 text columns: no primary key, no index, no constraint, no
/// parsing or validation) in a new database on the same server. psql reads the file and streams it to the server as
/// COPY FROM STDIN, one statement, one transaction. Measured from outside by <see cref="TimedProcess"/>: the time is the
/// psql process's wall time (connection, CREATE TABLE, COPY); the peak RSS is psql's, the client's, as for the loader.</summary>
public static class PostgresCopy
{
    public static (double Seconds, long PeakKb) Run(PostgresServer server, string database, string csv, long expectedRows)
    {
        server.CreateDatabase(database);
        var measured = TimedProcess.Run("psql",
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server.Libpq(database),
             "-c", $"CREATE TABLE complaints_raw {SqliteImport.Columns}",
             "-c", $"\\copy complaints_raw FROM '{csv}' WITH (FORMAT csv, HEADER true)"],
            null, Path.Combine(Path.GetDirectoryName(csv)!, database));
        var count = server.Count(database, "complaints_raw");
        if (count != expectedRows) throw new InvalidOperationException($"psql \\copy loaded {count} rows, expected {expectedRows}");
        return measured;
    }
}
