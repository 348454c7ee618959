using System.Text;
using Microsoft.Extensions.Time.Testing;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.TestSupport;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A real warehouse (SQLite, or PostgreSQL in the second pass) in a folder of its own, with files to load and a fake clock at a fixed
/// Shanghai time. Each test gets its own: no test depends on another's data.</summary>
internal sealed class TestWarehouse : IDisposable
{
    public static readonly string[] DataTables =
    [
        "dim_department", "dim_survey_question", "dim_customer", "dim_category", "fact_check", "fact_check_deduction",
        "fact_survey_answer", "fact_complaint", "fact_callback",
    ];

    public TestWarehouse()
    {
        Folder = Path.Combine(Path.GetTempPath(), "qa-loader-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Db = TestDatabases.NewWarehouse(Folder);
    }

    public string Folder { get; }
    public WarehouseDb Db { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero));

    /// <summary>Writes a file under inbox/ (UTF-8 without BOM unless an encoding is given) and returns its path.</summary>
    public string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, "inbox", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. (encoding ?? new UTF8Encoding(false)).GetPreamble(), .. (encoding ?? new UTF8Encoding(false)).GetBytes(text)]);
        return path;
    }

    public string Inbox => Path.Combine(Folder, "inbox");

    public LoadResult Load(params string[] paths) => new FileLoader(Db, Clock).Load(paths);

    public LoadResult Load(LoaderOptions options, params string[] paths) => new FileLoader(Db, Clock, options).Load(paths);

    public object? Scalar(string sql)
    {
        using var connection = Db.OpenConnection();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>An integer column's value. SQLite hands every INTEGER back as long, Npgsql an integer column as int: the
    /// value is widened, never parsed, so a key stored as text (or as a decimal) still fails the assertion.</summary>
    public long? Integer(string sql) => Scalar(sql) switch
    {
        null => null,
        long l => l,
        int i => i,
        short s => s,
        var other => throw new InvalidOperationException($"{sql}: {other} is a {other.GetType().Name}, not an integer"),
    };

    /// <summary>Rows per insert batch on this warehouse's provider (128 on SQLite; PostgreSQL's COPY takes more).</summary>
    public int RowsPerBatch
    {
        get
        {
            using var connection = Db.OpenConnection();
            return BatchInsert.DefaultRowsFor(connection);
        }
    }

    public long Count(string table, string where = "1=1") => Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM {table} WHERE {where}"));

    /// <summary>Every row of every data table (not the audit tables), as text: two dumps are equal when the data is.</summary>
    public string Dump()
    {
        using var connection = Db.OpenConnection();
        var sb = new StringBuilder();
        foreach (var table in DataTables)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table} ORDER BY 1";
            using var r = cmd.ExecuteReader();
            sb.AppendLine($"## {table}");
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++) sb.Append(r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(Db);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Small, valid files of each kind for the loader tests.</summary>
internal static class Samples
{
    public const string Departments = "部门编码,部门名称,负责人\nLOG,物流业务部,张伟\nSTO,储运中心,李娜\n";
    public const string Questions = "question,text,weight,scale\nQ1,服务态度,0.4,5\nQ2,响应速度,0.3,5\nQ3,综合满意度,0.3,10\n";
    public const string Complaints =
        "complaint_id,department,received_at,channel,valid,category,direct_deduction,replied_at\n" +
        "C-101,LOG,2026-04-03 14:05,电话,是,响应不及时,,2026-04-03 16:00\n" +
        "C-102,物流业务部,2026/5/3 9:00,邮件,Y,服务态度,3,\n" +
        "C-103,LOG,2026年6月3日 10:00,网站,否,,,\n";
    public const string Checks =
        "检查编号,部门编码,月份,检查类型,得分\nK-1,LOG,2026-04,自查,96\nK-2,LOG,2026-05,自查,94\nK-3,LOG,2026年6月,自查,98\nK-4,LOG,2026-05,抽查,90\n";
    public const string Surveys =
        "response_id,department,quarter,customer,question,score\n" +
        "R-1,LOG,2026Q2,中石化华中分公司,Q1,5\nR-1,LOG,2026Q2,中石化华中分公司,Q2,4\nR-1,LOG,2026Q2,中石化华中分公司,Q3,9\n";
    public const string Callbacks = "callback_id,department,called_on,finding,deduction\nB-1,LOG,2026-05-20,记录不全,\nB-2,LOG,2026-05-21,无,\n";
}
