using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Etl.Staging;
using QualityAnalytics.Etl.Staging.Mappers;
using QualityAnalytics.Warehouse.Schema;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Benchmarks;

/// <summary>A hidden verb for finding where a load's time goes (no profiler is available offline): each stage of the
/// pipeline timed on its own over the same file: planning (hash, encoding, header), reading, reading + staging, and the
/// bare inserts into fact_complaint with constant values (the database's own floor for this schema).</summary>
public static class StageProfile
{
    public const string Verb = "__profile";

    public static int Run(string complaints, string db, string departments, string? pragmas)
    {
        var rows = 0;
        Time("plan: sha-256 of the file", () =>
        {
            using var s = File.OpenRead(complaints);
            SHA256.HashData(s);
        });
        IReadOnlyList<ITabularSource> sources = [];
        Time("plan: open (encoding pass, separator, header)", () => sources = TabularFile.Open(complaints));
        var source = sources[0];
        var match = HeaderMatcher.Match(source.Header);
        Time("read: CsvSource.ReadRows", () =>
        {
            rows = 0;
            foreach (var _ in source.ReadRows()) rows++;
        }, () => rows);
        var mapper = StagingMappers.For(DataKind.Complaints, new StagingRules());
        Time("read + stage (RowReader, ComplaintMapper)", () =>
        {
            rows = 0;
            foreach (var raw in source.ReadRows())
            {
                var row = new RowReader(match, raw.Cells);
                if (mapper.Stage(row, raw.Line) is not null) rows++;
            }
        }, () => rows);

        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        var warehouse = WarehouseDb.Sqlite(db);
        WarehouseInitializer.EnsureReady(warehouse);
        new FileLoader(warehouse, TimeProvider.System).Load([departments]);
        var n = rows;
        Time($"db floor: {n:N0} prepared INSERTs into fact_complaint, constant values{(pragmas is null ? "" : " + " + pragmas)}", () =>
        {
            using var connection = (SqliteConnection)warehouse.OpenConnection();
            if (pragmas is not null)
            {
                using var p = connection.CreateCommand();
                p.CommandText = pragmas;
                p.ExecuteNonQuery();
            }
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO fact_complaint (complaint_id, department_key, received_at, received_date_key, quarter_key, channel_key, valid, " +
                              "customer_key, category_key, description, replied_at, resolved_at, direct_deduction, handler, satisfaction, batch_id, source_file_id, source_line) " +
                              "VALUES ($id, 1, '2024-03-01 10:00:00', 20240301, 20241, 1, 1, NULL, NULL, '客户反映营业厅排队时间过长，工作人员未按承诺时间回电', " +
                              "'2024-03-01 12:00:00', NULL, NULL, '周杰', 'satisfied', 1, 1, $line) ON CONFLICT (complaint_id) DO NOTHING";
            var id = cmd.Parameters.Add("$id", SqliteType.Text);
            var line = cmd.Parameters.Add("$line", SqliteType.Integer);
            cmd.Prepare();
            for (var i = 0; i < n; i++)
            {
                id.Value = "TS" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
                line.Value = i + 2;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }, () => n);
        Time("ado.net floor: 1M prepared INSERTs of 18 bound values into a temp table without indexes", () =>
        {
            using var connection = (SqliteConnection)warehouse.OpenConnection();
            using (var c = connection.CreateCommand())
            {
                c.CommandText = "CREATE TEMP TABLE x (a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r)";
                c.ExecuteNonQuery();
            }
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO x VALUES (" + string.Join(", ", Enumerable.Range(0, 18).Select(i => $"$p{i}")) + ")";
            for (var i = 0; i < 18; i++) cmd.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
            cmd.Prepare();
            var values = new object?[] { "TS0000000001", 3, new DateTime(2024, 3, 1, 10, 0, 0), 20240301, 20241, 1, true, 17, 4,
                "客户反映营业厅排队时间过长，工作人员未按承诺时间回电", new DateTime(2024, 3, 1, 12, 0, 0), null, null, "周杰", "satisfied", 1L, 1L, 2 };
            for (var r = 0; r < 1_000_000; r++)
            {
                for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }, () => 1_000_000);
        return 0;
    }

    private static void Time(string what, Action action, Func<int>? count = null)
    {
        var w = Stopwatch.StartNew();
        action();
        w.Stop();
        var rate = count is null ? "" : $"  {count() / w.Elapsed.TotalSeconds,12:N0} rows/s";
        Console.WriteLine($"{w.Elapsed.TotalSeconds,8:0.00} s  {what}{rate}");
    }
}
