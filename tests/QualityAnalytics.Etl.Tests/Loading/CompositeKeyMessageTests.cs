namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A key repeated within a file is quarantined; where the key is two fields (a deduction's check_id and item, an
/// answer's response_id and question) the message names both with their values: "check_id = 'CK-T': duplicate key"
/// alone read as though the check id were repeated.</summary>
public sealed class CompositeKeyMessageTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private List<string> Quarantined()
    {
        using var db = _w.Db.CreateContext();
        return [.. db.QuarantinedRows.OrderBy(q => q.File).ThenBy(q => q.Line).ToList().Select(q => $"{q.File}|{q.Line}|{q.Column}|{q.Value}|{q.Reason}")];
    }

    [Fact]
    public void A_repeated_deduction_item_and_a_repeated_answer_name_their_whole_key()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("questions.csv", Samples.Questions);
        _w.Write("checks.csv", "check_id,department,month,kind,score\nCK-T,LOG,2026-04,self,98\n");
        _w.Write("ded_twice.csv", "check_id,item,points,note\nCK-T,服务态度,1,4月5日 电话未接\nCK-T,服务态度,1,4月9日 态度生硬\n");
        _w.Write("s_twice.csv", "response_id,department,quarter,customer,question,score\nR-1,LOG,2026Q2,甲,Q1,5\nR-1,LOG,2026Q2,甲,Q1,4\n");
        _w.Write("c_twice.csv", "complaint_id,department,received_at,channel,valid\nC-1,LOG,2026-04-03,电话,是\nC-1,LOG,2026-04-04,电话,是\n");

        _w.Load(_w.Inbox);

        Assert.Equal([
            "c_twice.csv|3|complaint_id|C-1|duplicate key: an earlier line of this file has the same key",
            "ded_twice.csv|3|check_id|CK-T|duplicate key: an earlier line of this file has the same check_id and item (CK-T, 服务态度)",
            "s_twice.csv|3|response_id|R-1|duplicate key: an earlier line of this file has the same response_id and question (R-1, Q1)",
        ], Quarantined());
    }
}
