using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using QualityAnalytics.Etl.Audit;
using QualityAnalytics.Warehouse.Model;

namespace QualityAnalytics.Web.Apis;

/// <summary>Any visual's data as a file: CSV in UTF-8 with BOM (Excel in China opens it), or XLSX.</summary>
internal static class Exports
{
    /// <summary>A column's heading in the request's language (the page's: zh-CN unless English was chosen).</summary>
    public static string Label(string chinese, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? chinese : english;

    /// <summary>Excel's sheet holds 1,048,576 rows: the header and this many.</summary>
    public const int MaxXlsxRows = 1_048_575;

    /// <summary>Writes the rows as they are enumerated into a temporary file, deleted once the response has been sent,
    /// so an export of a hundred thousand rows never holds them all in memory. The file is named after the export and
    /// the Asia/Shanghai time it was made (the users' clock, not the server's UTC).</summary>
    public static IResult File(string format, string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows, TimeProvider clock,
        IStringLocalizer<SharedResource> text) =>
        File(format, name, header, rows, clock, text, MaxXlsxRows);

    /// <param name="maxXlsxRows">Excel's limit; lower only in tests.</param>
    internal static IResult File(string format, string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows, TimeProvider clock,
        IStringLocalizer<SharedResource> text, int maxXlsxRows)
    {
        var stamp = name + "-" + BusinessTime.LocalNow(clock).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        if (format is not ("csv" or "xlsx"))
            return TypedResults.Problem(text["api.export.format", format], statusCode: StatusCodes.Status400BadRequest);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "qa-export-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            if (format == "csv")
            {
                using (var writer = new StreamWriter(file, CsvText.Utf8WithBom, 64 * 1024, leaveOpen: true)) // writes the BOM first
                {
                    CsvText.WriteRow(writer, header);
                    foreach (var row in rows) CsvText.WriteRow(writer, row.Select(Text));
                }
                file.Position = 0;
                return TypedResults.File(file, "text/csv; charset=utf-8", stamp + ".csv");
            }
            using (var all = rows.GetEnumerator())
            {
                if (!all.MoveNext()) file.SaveAs(new[] { header.ToDictionary(h => h, _ => (object?)null) });
                else file.SaveAs(Sheet(header, all, maxXlsxRows));
            }
            file.Position = 0;
            return TypedResults.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stamp + ".xlsx");
        }
        catch (TooManyRowsException)
        {
            file.Dispose();
            return TypedResults.Problem(text["api.export.tooManyRows", maxXlsxRows.ToString("N0", CultureInfo.InvariantCulture)],
                statusCode: StatusCodes.Status400BadRequest);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The rows from the enumerator's current one on, each as header → value, stopping past Excel's limit.</summary>
    private static IEnumerable<Dictionary<string, object?>> Sheet(IReadOnlyList<string> header, IEnumerator<object?[]> rows, int maxRows)
    {
        var count = 0;
        do
        {
            if (++count > maxRows) throw new TooManyRowsException();
            var row = rows.Current;
            yield return header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => row[x.i]);
        }
        while (rows.MoveNext());
    }

    private sealed class TooManyRowsException : Exception;

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
