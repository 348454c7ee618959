using System.Diagnostics;
using System.Globalization;
using MiniExcelLibs;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Etl.Reading;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Benchmarks;

/// <summary>`xlsx --rows N`: what the zip-bomb check (<see cref="WorkbookSizeCheck"/>, which inflates every part of a
/// workbook once before MiniExcel reads it) costs beside the load of the same workbook. The complaint rows of the loader
/// benchmark's generator, saved as one .xlsx sheet by MiniExcel; then, alternating, the check alone and a fresh load of
/// the workbook (which runs the check too), in this process, three times each.</summary>
public static class WorkbookCheckBenchmark
{
    public static int Run(int rows, string work)
    {
        Directory.CreateDirectory(work);
        var csv = Path.Combine(work, "complaints.csv");
        var xlsx = Path.Combine(work, $"complaints-{rows}.xlsx");
        var departments = Path.Combine(work, "departments.csv");
        ComplaintFileGenerator.WriteDepartments(departments);
        if (!File.Exists(xlsx))
        {
            ComplaintFileGenerator.WriteComplaints(csv, rows);
            var table = MiniExcel.Query(csv, useHeaderRow: true, excelType: ExcelType.CSV);
            MiniExcel.SaveAs(xlsx, table, sheetName: "投诉", excelType: ExcelType.XLSX);
            File.Delete(csv);
        }
        Console.WriteLine($"workbook: {rows:N0} rows, {new FileInfo(xlsx).Length / 1048576.0:0.0} MB on disk");
        for (var round = 1; round <= 3; round++)
        {
            var check = Stopwatch.StartNew();
            WorkbookSizeCheck.Check(xlsx, TabularFile.DefaultMaxWorkbookUnpackedBytes);
            check.Stop();

            var db = Path.Combine(work, "warehouse.db");
            WarehouseDb.DeleteSqlite(db);
            var warehouse = WarehouseDb.Sqlite(db);
            WarehouseInitializer.EnsureReady(warehouse);
            new FileLoader(warehouse, TimeProvider.System).Load([departments]);
            var load = Stopwatch.StartNew();
            var result = new FileLoader(warehouse, TimeProvider.System).Load([xlsx]);
            load.Stop();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: check {check.Elapsed.TotalSeconds:0.000} s; load {load.Elapsed.TotalSeconds:0.000} s ({result.Files.Sum(f => f.Loaded):N0} rows loaded, check included)"));
        }
        return 0;
    }
}
