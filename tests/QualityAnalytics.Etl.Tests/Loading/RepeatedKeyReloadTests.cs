using MiniExcelLibs;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A key repeated within one file, with other values the second time: the first occurrence wins and the repeat
/// is quarantined, on the first load and on every reload alike. On a reload the first occurrence finds the row unchanged
/// and leaves no mark on it (the row keeps the earlier file's lineage), so the loader remembers, in the database's
/// temporary storage, which keys this file has met; without that the repeat updated the row and the next reload put it
/// back, a change recorded every time. A workbook is one file: a key repeated on another sheet is a repeat too.</summary>
public sealed class RepeatedKeyReloadTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private const string Header = "complaint_id,department,received_at,channel,valid\n";

    [Fact]
    public void Reloading_a_file_that_repeats_a_key_changes_nothing_however_often()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        var file = _w.Write("c.csv", Header + "D-1,LOG,2026-05-06 10:00,电话,是\nD-1,LOG,2026-05-06 10:00,邮件,否\nD-2,STO,2026-05-07 09:00,网站,是\n");

        foreach (var (load, expected) in new[] { (1, (2, 0, 0, 1)), (2, (0, 0, 2, 1)), (3, (0, 0, 2, 1)) })
        {
            var result = _w.Load(file).Files.Single();
            Assert.True(expected == (result.Loaded, result.Updated, result.Unchanged, result.Quarantined), $"load {load}: {result}");
        }

        Assert.Equal(0, _w.Count("row_change"));
        Assert.Equal(1, _w.Count("fact_complaint", "complaint_id = 'D-1' AND valid = TRUE AND source_line = 2")); // line 2's values
        Assert.Equal(3, _w.Count("quarantined_row", "line = 3 AND reason LIKE 'duplicate key%'"));
    }

    [Fact]
    public void A_later_file_repeating_a_stored_key_keeps_its_first_occurrence_and_quarantines_the_repeat()
    {
        // Yesterday's export stored D-1; today's (cumulative) export has D-1 as yesterday, then again corrected.
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("day1.csv", Header + "D-1,LOG,2026-05-06 10:00,电话,是\n");
        _w.Load(_w.Inbox);
        var day2 = _w.Write("day2.csv", Header + "D-1,LOG,2026-05-06 10:00,电话,是\nD-1,LOG,2026-05-06 10:00,电话,否\nD-3,LOG,2026-05-08 11:00,邮件,是\n");

        var result = _w.Load(day2).Files.Single();

        Assert.Equal((1, 0, 1, 1), (result.Loaded, result.Updated, result.Unchanged, result.Quarantined));
        Assert.Equal(0, _w.Count("row_change"));
        Assert.Equal(1, _w.Count("fact_complaint", "complaint_id = 'D-1' AND valid = TRUE"));
    }

    [Fact]
    public void A_question_repeated_in_its_file_is_a_repeat_on_the_first_load_too_though_its_table_keeps_no_lineage()
    {
        // dim_survey_question records no source file, so a new row cannot tell a later repeat: its key is claimed too.
        var file = _w.Write("questions.csv", "question,text,weight,scale\nQ1,及时性,0.5,5\nQ1,态度,0.5,5\nQ2,质量,0.5,5\n");

        var first = _w.Load(file).Files.Single();
        var again = _w.Load(file).Files.Single();

        Assert.Equal((2, 0, 0, 1), (first.Loaded, first.Updated, first.Unchanged, first.Quarantined));
        Assert.Equal((0, 0, 2, 1), (again.Loaded, again.Updated, again.Unchanged, again.Quarantined));
        Assert.Equal(0, _w.Count("row_change"));
        Assert.Equal("及时性", _w.Scalar("SELECT text FROM dim_survey_question WHERE question = 'Q1'"));
    }

    [Fact]
    public void A_key_on_two_sheets_of_one_workbook_is_a_repeat_and_reloads_change_nothing()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Load(_w.Inbox);
        var path = Path.Combine(_w.Folder, "complaints.xlsx");
        static Dictionary<string, object?> Row(string id, string channel, string valid) =>
            new() { ["complaint_id"] = id, ["department"] = "LOG", ["received_at"] = "2026-05-06 10:00", ["channel"] = channel, ["valid"] = valid };
        MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            ["五月"] = new[] { Row("W-1", "电话", "是"), Row("W-2", "邮件", "是") },
            ["六月"] = new[] { Row("W-1", "网站", "否"), Row("W-3", "电话", "是") },
        });

        var first = _w.Load(path).Files;
        var second = _w.Load(path).Files;

        Assert.Equal([(2, 0, 0), (1, 0, 1)], first.Select(f => (f.Loaded, f.Unchanged, f.Quarantined)));
        Assert.Equal([(0, 2, 0), (0, 1, 1)], second.Select(f => (f.Loaded, f.Unchanged, f.Quarantined)));
        Assert.Equal(0, _w.Count("row_change"));
        Assert.Equal(1, _w.Count("fact_complaint", "complaint_id = 'W-1' AND valid = TRUE")); // the first sheet's values
    }
}
