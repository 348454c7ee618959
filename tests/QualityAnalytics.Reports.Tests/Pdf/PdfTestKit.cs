using System.Diagnostics;
using System.Text;
using QualityAnalytics.Reports.Pdf;
using ScottPlot;
using SkiaSharp;
using UglyToad.PdfPig;

namespace QualityAnalytics.Reports.Tests.Pdf;

/// <summary>Documents to render and ways to read them back (PdfPig for text, pdftoppm for pixels).</summary>
internal static class PdfTestKit
{
    public const string ReportTitle = "服务质量分析报告";

    public static readonly DocumentInfo Info = new(ReportTitle, "质量管理部", "2026 年第一季度",
        new DateTimeOffset(2026, 4, 3, 9, 30, 0, TimeSpan.FromHours(8)));

    public static byte[] Generate(IReadOnlyList<Block> blocks, PageFrame? frame = null) =>
        new ReportDocument(Info, blocks) { Frame = frame ?? PageFrame.Chinese(ReportTitle) }.GeneratePdf();

    /// <summary>The text of each page, whitespace removed (Skia may or may not write space glyphs).</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Squeeze(p.Text)).ToList();
    }

    public static string Squeeze(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>About one page of running Chinese text per call with distinct numbering.</summary>
    public static string ChineseParagraph(int n) =>
        $"第{n}段：本季度各部门服务质量总体平稳，客户满意度较上季度提升。抽检发现的问题主要集中在响应时效、" +
        "业务解释的准确性以及回访记录的完整性三个方面（详见附表），其中响应时效问题占比最高。针对上述问题，" +
        "建议各部门加强一线人员培训，完善知识库，并在下季度开展专项整改。以客户为中心，用心服务，持续改进。";

    /// <summary>A bar chart with a Chinese title and axis labels.</summary>
    public static Plot QuarterChart(string title)
    {
        var plot = new Plot();
        plot.Add.Bars(new double[] { 92.5, 95.1, 88.7, 97.3 });
        plot.Title(title);
        plot.XLabel("季度");
        plot.YLabel("得分");
        plot.Axes.Bottom.SetTicks([0, 1, 2, 3], ["一季度", "二季度", "三季度", "四季度"]);
        return plot;
    }

    /// <summary>The sample report: everything the layer can draw, several pages long.</summary>
    public static IReadOnlyList<Block> SampleReport()
    {
        var blocks = new List<Block>
        {
            new HeadingBlock(ReportTitle, 0),
            new KeyValueBlock(
            [
                new("报告期间", "2026 年第一季度（1 月 1 日至 3 月 31 日）"),
                new("统计范围", "全部 12 个业务部门，含新设立的线上服务中心"),
                new("编制部门", "质量管理部 Quality Office"),
            ]),
            new ContentsBlock("目录"),
            new PageBreakBlock(),
            new HeadingBlock("一、总体情况"),
            new ParagraphBlock(ChineseParagraph(1)),
            new ParagraphBlock("Mixed text: the overall score rose to 95.2% (上季度 93.8%), and the SLA compliance of " +
                "callbacks within 3 working days reached 98.1%。英文单词 internationalization 不会被拆开。"),
            new ChartBlock(QuarterChart("季度服务质量趋势"), 260, "图 1　各季度服务质量得分"),
            new HeadingBlock("1.1 部门得分", 2),
        };
        blocks.Add(new TableBlock(
            [
                new TableColumn("序号", ColumnWidth.Fixed(40)),
                new TableColumn("部门名称", ColumnWidth.Relative(2)),
                new TableColumn("得分", ColumnWidth.Relative(1)),
                new TableColumn("扣分原因", ColumnWidth.Relative(3)),
            ],
            Enumerable.Range(1, 40).Select(i => (IReadOnlyList<string>)
            [
                i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"第{i}业务部",
                (80 + i * 0.37).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                i % 3 == 0 ? "回访记录不完整，未在规定时限内（3 个工作日）完成二次回访；已要求整改。" : "无",
            ]).ToList()));
        for (var i = 2; i <= 6; i++)
        {
            blocks.Add(new HeadingBlock($"{i}、专项分析 {i}"));
            blocks.Add(new ParagraphBlock(ChineseParagraph(i)));
            blocks.Add(new HeadingBlock($"{i}.1 问题与建议", 2));
            blocks.Add(new ParagraphBlock(ChineseParagraph(i * 10) + "\n" + ChineseParagraph(i * 10 + 1)));
        }
        return blocks;
    }

    /// <summary>Rasterises every page with pdftoppm and returns, per page, the share of pixels that are not white.</summary>
    public static IReadOnlyList<double> InkPerPage(byte[] pdf, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.GetFiles(folder, "page*.png"))
        {
            File.Delete(old);
        }
        var path = Path.Combine(folder, "sample.pdf");
        File.WriteAllBytes(path, pdf);
        var start = new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", path, Path.Combine(folder, "page")])
        {
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
        }
        return Directory.GetFiles(folder, "page*.png").Order(StringComparer.Ordinal).Select(Ink).ToList();
    }

    private static double Ink(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var inked = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 200 || c.Green < 200 || c.Blue < 200)
                {
                    inked++;
                }
            }
        }
        return (double)inked / (bitmap.Width * bitmap.Height);
    }

    public static int Count(byte[] haystack, string needle)
    {
        var pattern = Encoding.ASCII.GetBytes(needle);
        var count = 0;
        for (var i = haystack.AsSpan().IndexOf(pattern); i >= 0;)
        {
            count++;
            var next = haystack.AsSpan(i + 1).IndexOf(pattern);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }
}
