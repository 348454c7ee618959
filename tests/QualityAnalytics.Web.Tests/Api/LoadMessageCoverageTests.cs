using System.Globalization;
using System.Text;
using QualityAnalytics.Etl.Demo;
using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Reports.Resources;
using QualityAnalytics.TestSupport;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>The report and the data desk show the loader's messages in Chinese by matching their English forms
/// (<see cref="LoadMessages"/>): every message a real load records — the demo's planted bad rows, and files bad in
/// each way a file can be — must be one of those forms, so a message added to the loader without its Chinese fails here.</summary>
public sealed class LoadMessageCoverageTests : IDisposable
{
    private static readonly ReportText Zh = new(CultureInfo.GetCultureInfo("zh-CN"));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qa-load-messages-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, "bad", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Every_message_a_load_records_reads_in_Chinese()
    {
        Directory.CreateDirectory(_folder);
        var warehouse = TestDatabases.NewWarehouse(_folder);
        var clock = TimeProvider.System;
        var demo = DemoDataGenerator.Generate(new DemoOptions(Path.Combine(_folder, "demo")));
        var loader = new FileLoader(warehouse, clock);
        loader.Load([Path.Combine(_folder, "demo")]);
        using (var demoDb = warehouse.CreateContext())
        {
            // The questionnaire below disagrees with this stored one: without it, the "as already loaded" form goes untried.
            Assert.True(demoDb.SurveyAnswers.Any(a => a.ResponseId == "WJ-2026Q2-LOG-01"), "the demo no longer holds WJ-2026Q2-LOG-01");
        }

        Write("notes.csv", "whatever,this,is\n1,2,3\n");
        Write("lacks.csv", "complaint_id,department\nX,LOG\n");
        Write("empty.csv", "\n\n");
        Write("quote.csv", "complaint_id,department,received_at,channel,valid\n\"C-1,LOG,2026-05-01 10:00,电话,是\n");
        Write("bom.csv", [0xEF, 0xBB, 0xBF, .. "a,b\n1,"u8, 0xC3, 0x28, .. "\n"u8]);
        Write("undecodable.csv", [.. "a,b\n1,"u8, 0x81]);
        Write("book.xlsx", "not a zip at all"u8.ToArray());
        Write("rows.csv",
            "complaint_id,department,received_at,channel,valid,replied_at,direct_deduction,satisfaction\n" +
            "R-1,NOPE,2026-05-01 10:00,电话,是,,,\n" +                    // unknown department
            "R-2,LOG,1999-05-01 10:00,电话,是,,,\n" +                     // outside the calendar
            "R-3,LOG,someday,传真,也许,,,\n" +                            // date, channel, yes/no
            "R-4,LOG,2026-05-01 10:00,电话,是,2026-04-01 10:00,200,还行\n" + // before received_at, range, satisfaction
            "R-4,LOG,2026-05-02 10:00,电话,是,,,\n" +                     // duplicate key
            "R-5,LOG,2026-05-02 10:00,电话,是,,,还行\n" +                 // loads, satisfaction left empty with a warning
            ",LOG,2026-05-02 10:00,电话,是,,,\n" +                        // missing value
            "R-6,LOG,46204,电话,是,,,\n" +                                 // an Excel serial number in a CSV
            "合计,,,,5,,,\n" +                                            // a totals row, quarantined as what it is
            "制表人：张三,,,,,,,\n");                                       // ... and a sign-off line
        Write("ragged.csv", "complaint_id,department,received_at,channel,valid\nR-9,LOG,2026-05-02 10:00,电话,是,,extra\n"); // a value past the header
        Write("departments_more.csv", "code,name,parent_code\nBAD CODE,坏部门,\nZZ9,新部门,NOPE\n");         // white space in a code; an unknown parent
        Write("questionnaires.csv", "response_id,department,quarter,customer,question,score\n" +
            "RX-1,LOG,2026Q2,甲,Q1,5\nRX-1,LOG,2026Q3,甲,Q2,4\n" +                                              // a questionnaire in two quarters
            "WJ-2026Q2-LOG-01,LOG,2025Q1,某客户,Q1,1\n");                                                       // ... and against a demo one stored
        Write("questions_lowered.csv", "question,text,weight,scale\nQ3,整体服务质量,0.3,1\n");                  // 满分 below the demo's stored answers
        Write("twice.csv", "投诉编号,部门编码,受理时间,投诉渠道,是否有效,投诉编号\nX,LOG,2026-05-02 10:00,电话,是,Y\n");
        Write("deductions.csv", "检查编号,考核项目,扣分\nK-NONE,服务态度,1\n");
        HandWrittenXlsx.Write(Path.Combine(_folder, "bad", "formulas.xlsx"), "投诉", new Dictionary<int, object[]>
        {
            [1] = ["投诉编号", "部门编码", "受理时间", "投诉渠道", "是否有效", "客户名称"],
            [2] = ["F-1", "LOG", "2026-05-02 10:00", "电话", "是", HandWrittenXlsx.Cell.Error("#N/A", "VLOOKUP(A2,客户!A:B,2,0)")], // an error value
            [3] = ["F-2", "LOG", new HandWrittenXlsx.Cell(null, "DATE(2026,5,2)", null, 14), "电话", "是", "甲"],                     // a formula never calculated
        });
        WorkbookBomb.Write(Path.Combine(_folder, "bad", "bomb.xlsx"), 8L * 1024 * 1024); // past the limit set below
        var result = new FileLoader(warehouse, clock, new LoaderOptions { MaxWorkbookUnpackedBytes = 1024 * 1024 }).Load([Path.Combine(_folder, "bad")]);

        using var db = warehouse.CreateContext();
        var messages = db.QuarantinedRows.Select(q => q.Reason).ToList()
            .Concat(db.SourceFiles.Where(f => f.Reason != null).Select(f => f.Reason!).ToList())
            .Concat(db.LoadWarnings.Select(w => w.Message).ToList())
            .Concat(result.Files.Where(f => f.Reason != null).Select(f => f.Reason!))
            .Distinct().ToList();
        Assert.True(messages.Count >= 15, $"only {messages.Count} distinct messages: {string.Join(" | ", messages)}");
        Assert.True(demo.BadRows.Count > 0);
        var untranslated = messages.Where(m => LoadMessages.Localize(m, Zh) == m).ToList();
        Assert.True(untranslated.Count == 0, "no Chinese for: " + string.Join(" | ", untranslated));
    }
}
