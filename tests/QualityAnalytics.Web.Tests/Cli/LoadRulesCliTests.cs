namespace QualityAnalytics.Web.Tests.Cli;

/// <summary>`qa load` end to end on the rows the loader review found loading silently wrong: a questions file that
/// lowers 满分 below a stored answer, a questionnaire spread over two departments and quarters, a shifted CSV line, a
/// full-width department code and Excel's ="…" wrapper. Each bad row is listed by `qa quarantine` with its reason, and
/// the warehouse still passes `qa verify`.</summary>
public sealed class LoadRulesCliTests : IDisposable
{
    private readonly CliRun _qa = new();

    public LoadRulesCliTests()
    {
        _qa.Write("base/departments.csv", "code,name\nLOG,物流业务部\nSTO,储运中心\n");
        _qa.Write("base/questions.csv", "question,text,weight,scale\nQ1,响应,0.4,5\nQ2,态度,0.3,5\nQ3,整体,0.3,10\n");
        _qa.Write("base/surveys.csv", "response_id,department,quarter,customer,question,score\nR-1,LOG,2026Q2,甲,Q1,5\nR-1,LOG,2026Q2,甲,Q3,10\n");
        var (exit, output, error) = _qa.Run("load", "base");
        Assert.True(exit == 0, output + error);
    }

    public void Dispose() => _qa.Dispose();

    [Fact]
    public void A_questions_file_lowering_a_scale_below_a_stored_answer_is_quarantined_and_verify_still_passes()
    {
        _qa.Write("next/q_shrink.csv", "question,text,weight,scale\nQ3,整体,0.3,5\n");

        var (exit, output, _) = _qa.Run("load", "next");

        Assert.Equal(0, exit);
        Assert.Contains("(survey_questions): read 1, new 0, updated 0, unchanged 0, quarantined 1", output);
        Assert.Contains("q_shrink.csv line 2, scale = '5': scale 5 of question Q3 is below an answer already loaded (10, response R-1); the question keeps its scale of 10",
            _qa.Run("quarantine").Out);
        var verify = _qa.Run("verify");
        Assert.True(verify.Exit == 0, verify.Out);
    }

    [Fact]
    public void A_questionnaire_over_two_departments_and_a_shifted_line_are_quarantined_and_the_rest_loads()
    {
        _qa.Write("next/s_incons.csv", "response_id,department,quarter,customer,question,score\nR-X,LOG,2026Q2,甲,Q1,5\nR-X,STO,2026Q3,甲,Q2,1\n");
        _qa.Write("next/c_ragged.csv", "complaint_id,department,received_at,channel,valid,handler\n" +
            "TS-R-01,ＬＯＧ,2026-04-03,电话,是,h\nTS-R-02,LOG,2026-04-03,电话,是,h,extra,extra2\n=\"00123\",LOG,2026-04-03,电话,是,,,\n");

        var (exit, output, _) = _qa.Run("load", "next");

        Assert.Equal(0, exit);
        Assert.Contains("(surveys): read 2, new 1, updated 0, unchanged 0, quarantined 1", output);
        Assert.Contains("(complaints): read 3, new 2, updated 0, unchanged 0, quarantined 1", output);
        var quarantine = _qa.Run("quarantine").Out;
        Assert.Contains("s_incons.csv line 3, department = 'STO': differs from the first row of questionnaire R-X (line 2: LOG); " +
                        "the rows of a response_id must share department, quarter and customer", quarantine);
        Assert.Contains("s_incons.csv line 3, quarter = '2026Q3': differs from the first row of questionnaire R-X (line 2: 2026Q2)", quarantine);
        Assert.Contains("c_ragged.csv line 3, column 7 = 'extra': the row has a value beyond the header's 6 columns, in column 7 (\"extra\"); " +
                        "its cells may be shifted (an unquoted comma?)", quarantine);
        using var db = _qa.Warehouse.CreateContext();
        Assert.Equal(["00123", "TS-R-01"], db.Complaints.Select(c => c.ComplaintId).OrderBy(c => c).ToList());
        var verify = _qa.Run("verify");
        Assert.True(verify.Exit == 0, verify.Out);
    }
}
