using System.Text;

namespace QualityAnalytics.Etl.Audit;

/// <summary>RFC 4180 quoting for the CSV exports. Written out by hand because it is five lines; reading CSV is the
/// hard part and that is CsvHelper's job.</summary>
public static class CsvText
{
    /// <summary>UTF-8 with a byte-order mark, so that Excel in China opens the Chinese text correctly.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] is ' ' or '\t' || value[^1] is ' ' or '\t';
        // A leading = + - @ would be run as a formula by Excel, and so would one after a leading tab or carriage return,
        // which Excel drops: prefix a quote mark (CSV injection, OWASP). A negative number is left a number.
        if (value[0] is '=' or '+' or '@' or '\t' or '\r' || (value[0] == '-' && !decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)))
            value = "'" + value;
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(",", fields.Select(Field)));
        writer.Write("\r\n");
    }
}
