using QualityAnalytics.Etl.Audit;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A stored row's recorded change read as the department's file names it: references by name, date, month and
/// quarter keys as such, keys derived from another field left out.</summary>
public sealed class ChangeFieldsTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private IReadOnlyList<string> Changes()
    {
        using var db = _w.Db.CreateContext();
        var stored = db.RowChanges.Join(db.SourceFiles, c => c.SourceFileId, f => f.Id, (c, f) => new { c, f.Kind }).OrderBy(x => x.c.Id).ToList();
        using var connection = _w.Db.OpenConnection();
        var fields = new ChangeFields(connection, null);
        return [.. stored.SelectMany(x => fields.Of(x.Kind, x.c.OldValues, x.c.NewValues).Select(f => $"{x.c.NaturalKey} {f.Field}: {f.Old} → {f.New}"))];
    }

    [Fact]
    public void A_renamed_department_lists_its_name_alone()
    {
        // The department's change records its whole version; its manager and parent, unchanged, were listed as changes
        // (manager '张伟' → '张伟'; parent_code '' → '').
        _w.Load(_w.Write("departments.csv", Samples.Departments));
        _w.Load(_w.Write("renamed.csv", "code,name\nLOG,物流事业部\n"));
        _w.Load(_w.Write("manager.csv", "部门编码,部门名称,负责人\nSTO,储运中心,王芳\n"));

        Assert.Equal(["LOG name: 物流业务部 → 物流事业部", "STO manager: 李娜 → 王芳"], Changes());
    }

    [Fact]
    public void A_complaint_moved_to_another_day_channel_category_and_department_reads_in_the_files_terms()
    {
        _w.Write("departments.csv", Samples.Departments);
        var complaints = _w.Write("complaints.csv", "complaint_id,department,received_at,channel,valid,category\nC-1,LOG,2026-03-31 16:00,电话,是,服务态度\n");
        _w.Load(_w.Inbox);
        File.WriteAllText(complaints, "complaint_id,department,received_at,channel,valid,category\nC-1,储运中心,2026-04-01 09:00,邮件,否,响应不及时\n");
        _w.Load(complaints);

        // received_at moved the complaint into 2026Q2 and to another day: its date and quarter keys changed with it, and
        // are not listed apart. The department is listed by code and name.
        Assert.Equal(
        [
            "C-1 department: LOG 物流业务部 → STO 储运中心",
            "C-1 received_at: 2026-03-31 16:00:00 → 2026-04-01 09:00:00",
            "C-1 channel: 电话 → 邮件",
            "C-1 valid: 1 → 0",
            "C-1 category: 服务态度 → 响应不及时",
        ], Changes());
    }

    [Fact]
    public void A_checks_month_and_a_surveys_quarter_read_as_a_month_and_a_quarter()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("questions.csv", Samples.Questions);
        var checks = _w.Write("checks.csv", "check_id,department,month,kind,score,checked_on\nK-1,LOG,2026-04,自查,96,2026-04-28\n");
        var surveys = _w.Write("surveys.csv", "response_id,department,quarter,customer,question,score\nR-1,LOG,2026Q2,甲公司,Q1,5\n");
        _w.Load(_w.Inbox);
        File.WriteAllText(checks, "check_id,department,month,kind,score,checked_on\nK-1,LOG,2026-05,自查,96,2026-05-29\n");
        File.WriteAllText(surveys, "response_id,department,quarter,customer,question,score\nR-1,LOG,2026Q3,乙公司,Q1,5\n");
        _w.Load(checks, surveys);

        Assert.Equal(
        [
            "K-1 month: 2026-04 → 2026-05",
            "K-1 checked_on: 2026-04-28 → 2026-05-29",
            "R-1|Q1 quarter: 2026Q2 → 2026Q3",
            "R-1|Q1 customer: 甲公司 → 乙公司",
        ], Changes());
    }
}
