using System.Diagnostics;
using System.Globalization;

namespace QualityAnalytics.Benchmarks;

/// <summary>SQLite's yardstick: the sqlite3 shell's <c>.import</c> of the same file into a plain table (13 TEXT columns,
/// no primary key, no index, no constraint, no parsing or validation) in a new database with the shell's defaults
/// (rollback journal, synchronous=FULL; .import wraps the file in one transaction), measured by <see cref="TimedProcess"/>.
/// With <c>warehouseStorage</c> the table is stored as the warehouse stores facts, with the loader's connection settings
/// (WAL, synchronous=FULL, 16 KiB pages, a 64 MiB page cache, a unique index on the key and one more index on two
/// low-cardinality columns, like fact_complaint's (quarter_key, department_key)): what SQLite itself pays to store the
/// same text that way.</summary>
public static class SqliteImport
{
    public const string Columns =
        "(complaint_id TEXT, department TEXT, received_at TEXT, channel TEXT, valid TEXT, customer TEXT, " +
        "category TEXT, description TEXT, replied_at TEXT, resolved_at TEXT, direct_deduction TEXT, handler TEXT, satisfaction TEXT)";

    public const string PlainTool = "sqlite3 .import (plain table)";
    public const string WarehouseStorageTool = "sqlite3 .import (unique key + index, WAL, 16 KiB pages)";

    public static (double Seconds, long PeakKb) Run(string db, string csv, long expectedRows, bool warehouseStorage = false)
    {
        string[] storage = warehouseStorage
            ? ["PRAGMA page_size=16384;", "PRAGMA journal_mode=WAL;", "PRAGMA synchronous=FULL;", "PRAGMA cache_size=-65536;", $"CREATE TABLE complaints_raw {Columns};",
               "CREATE UNIQUE INDEX raw_key ON complaints_raw (complaint_id);", "CREATE INDEX raw_where ON complaints_raw (department, channel);"]
            : [$"CREATE TABLE complaints_raw {Columns};"];
        var measured = TimedProcess.Run("sqlite3", [db], [.. storage, ".mode csv", $".import --skip 1 '{csv}' complaints_raw"], db);
        var count = Count(db);
        if (count != expectedRows) throw new InvalidOperationException($"sqlite3 imported {count} rows, expected {expectedRows}");
        return measured;
    }

    private static long Count(string db)
    {
        var psi = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(db);
        psi.ArgumentList.Add("SELECT count(*) FROM complaints_raw;");
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return long.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
