using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityAnalytics.Web.Apis;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>Exports are opened in Excel by the working group: a loaded value that Excel would run as a formula (CSV
/// injection, OWASP) must arrive as text, and a number must stay a number, negative ones included.</summary>
public sealed class ExportFormulaTests
{
    private static readonly object?[][] Rows =
    [
        ["=HYPERLINK(\"http://x\",\"y\")", -5.5m, "-5"],
        ["\t=1+1", -3L, "-1+cmd|' /C calc'!A0"],
        ["\r=1+1", 2.25d, "@SUM(1)"],
        ["+1+1", 0, "普通"],
    ];

    [Fact]
    public async Task A_csv_export_quotes_every_formula_lead_and_keeps_numbers()
    {
        var lines = Encoding.UTF8.GetString(await Execute(Export("csv"))).TrimStart('\uFEFF');
        Assert.Equal(
            "a,b,c\r\n" +
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5.5,-5\r\n" +
            // A leading tab or carriage return: Excel drops it and runs what follows (OWASP lists both).
            "\"'\t=1+1\",-3,'-1+cmd|' /C calc'!A0\r\n" +
            "\"'\r=1+1\",2.25,'@SUM(1)\r\n" +
            "'+1+1,0,普通\r\n", lines);
    }

    [Fact]
    public async Task An_xlsx_export_writes_text_as_text_never_as_a_formula()
    {
        using var zip = new ZipArchive(new MemoryStream(await Execute(Export("xlsx"))));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain("<x:f", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.Contains("<x:c r=\"A2\" t=\"str\" s=\"2\"><x:v>=HYPERLINK(", sheet, StringComparison.Ordinal);
        Assert.Contains("<x:c r=\"B2\" t=\"n\" s=\"2\"><x:v>-5.5</x:v>", sheet, StringComparison.Ordinal);
        Assert.Contains("<x:c r=\"B3\" t=\"n\" s=\"2\"><x:v>-3</x:v>", sheet, StringComparison.Ordinal);
    }

    private static IResult Export(string format)
    {
        var text = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
        return Exports.File(format, "rows", ["a", "b", "c"], Rows, TimeProvider.System, text);
    }

    private static async Task<byte[]> Execute(IResult result)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        return body.ToArray();
    }
}
