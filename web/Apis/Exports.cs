using System.Globalization;
using MiniExcelLibs;
using QualityAnalytics.Etl.Audit;

namespace QualityAnalytics.Web.Apis;

/// <summary>Any visual's data as a file: CSV in UTF-8 with BOM (Excel in China opens it), or XLSX.</summary>
internal static class Exports
{
    public static IResult File(string format, string name, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var stamp = name + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        switch (format)
        {
            case "csv":
            {
                var writer = new StringWriter();
                CsvText.WriteRow(writer, header);
                foreach (var row in rows) CsvText.WriteRow(writer, row.Select(Text));
                var bytes = CsvText.Utf8WithBom.GetPreamble().Concat(CsvText.Utf8WithBom.GetBytes(writer.ToString())).ToArray();
                return TypedResults.File(bytes, "text/csv; charset=utf-8", stamp + ".csv");
            }
            case "xlsx":
            {
                var table = rows.Select(row => header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => row[x.i])).ToList();
                using var stream = new MemoryStream();
                if (table.Count == 0) stream.SaveAs(new[] { header.ToDictionary(h => h, _ => (object?)null) });
                else stream.SaveAs(table);
                return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stamp + ".xlsx");
            }
            default:
                return TypedResults.Problem($"format must be csv or xlsx, not '{format}'.", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
