namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>"A questionnaire is all rows sharing a response_id" (data contract): its rows must agree on department,
/// quarter and customer, or the questionnaire is scored as two partial ones in two places. A row that disagrees — with
/// the questionnaire's first row in the file, or with its answers stored before — is quarantined, naming what the
/// questionnaire said first. A file that re-sends a whole questionnaire with a corrected department still corrects it.</summary>
public sealed class QuestionnaireConsistencyTests : IDisposable
{
    private const string Header = "response_id,department,quarter,customer,question,score\n";
    private readonly TestWarehouse _w = new();

    public QuestionnaireConsistencyTests()
    {
        _w.Write("base/departments.csv", Samples.Departments);
        _w.Write("base/questions.csv", Samples.Questions);
        _w.Load(Path.Combine(_w.Inbox, "base"));
    }

    public void Dispose() => _w.Dispose();

    private (Etl.Loading.LoadSummary File, List<(int Line, string Column, string? Value, string Reason)> Rows) Load(string name, string rows)
    {
        var file = _w.Load(_w.Write(name, Header + rows)).Files.Single();
        using var db = _w.Db.CreateContext();
        var quarantined = db.QuarantinedRows.Where(q => q.SourceFileId == file.SourceFileId).OrderBy(q => q.Line).ThenBy(q => q.Id).ToList()
            .Select(q => (q.Line, q.Column, q.Value, q.Reason)).ToList();
        return (file, quarantined);
    }

    [Fact]
    public void Rows_of_one_response_id_that_disagree_within_the_file_are_quarantined_naming_the_first_row()
    {
        var (file, rows) = Load("s_incons.csv",
            "R-X,LOG,2026Q2,甲,Q1,5\n" +
            "R-X,STO,2026Q3,乙,Q2,1\n" +     // department, quarter and customer all differ
            "R-X,物流业务部,2026-Q2,甲,Q3,8\n" + // LOG by its name, the same quarter written otherwise: agrees
            "R-Y,STO,2026Q2,乙,Q1,4\n");

        Assert.Equal((4, 3, 1), (file.Read, file.Loaded, file.Quarantined));
        const string Rule = "the rows of a response_id must share department, quarter and customer";
        Assert.Equal(
        [
            (3, "department", "STO", $"differs from the first row of questionnaire R-X (line 2: LOG); {Rule}"),
            (3, "quarter", "2026Q3", $"differs from the first row of questionnaire R-X (line 2: 2026Q2); {Rule}"),
            (3, "customer", "乙", $"differs from the first row of questionnaire R-X (line 2: 甲); {Rule}"),
        ], rows);
        Assert.Equal(0, _w.Count("fact_survey_answer", "response_id = 'R-X' AND question = 'Q2'"));
        Assert.Equal(2, _w.Count("fact_survey_answer", "response_id = 'R-X'"));
    }

    [Fact]
    public void A_later_row_that_disagrees_with_the_answers_stored_under_its_response_id_is_quarantined()
    {
        Load("first.csv", "R-1,LOG,2026Q2,甲,Q1,5\nR-1,LOG,2026Q2,甲,Q2,4\n");

        var (file, rows) = Load("late.csv", "R-1,LOG,2026Q2,乙,Q3,9\n");

        Assert.Equal((1, 0, 1), (file.Read, file.Loaded, file.Quarantined));
        Assert.Equal([(2, "customer", "乙",
            "differs from questionnaire R-1 as already loaded (甲); the rows of a response_id must share department, quarter and customer")], rows);
        Assert.Equal(0, _w.Count("fact_survey_answer", "question = 'Q3'"));
    }

    [Fact]
    public void A_late_answer_that_agrees_with_the_stored_questionnaire_loads()
    {
        Load("first.csv", "R-1,LOG,2026Q2,甲,Q1,5\nR-1,LOG,2026Q2,甲,Q2,4\n");

        var (file, rows) = Load("late.csv", "R-1,物流业务部,2026年第2季度,甲,Q3,9\n");

        Assert.Equal((1, 0), (file.Loaded, file.Quarantined));
        Assert.Empty(rows);
    }

    [Fact]
    public void Re_sending_a_whole_questionnaire_with_another_department_corrects_it()
    {
        Load("first.csv", "R-1,LOG,2026Q2,甲,Q1,5\nR-1,LOG,2026Q2,甲,Q2,4\n");

        var (file, rows) = Load("corrected.csv", "R-1,STO,2026Q2,甲,Q1,5\nR-1,STO,2026Q2,甲,Q2,4\n");

        Assert.Equal((2, 0), (file.Updated, file.Quarantined));
        Assert.Empty(rows);
        Assert.Equal(2, _w.Count("fact_survey_answer a JOIN dim_department d ON d.department_key = a.department_key", "a.response_id = 'R-1' AND d.code = 'STO'"));
    }

    [Fact]
    public void Re_sending_part_of_a_questionnaire_with_another_department_would_split_it_and_is_quarantined()
    {
        Load("first.csv", "R-1,LOG,2026Q2,甲,Q1,5\nR-1,LOG,2026Q2,甲,Q2,4\n");

        var (file, rows) = Load("partial.csv", "R-1,STO,2026Q2,甲,Q1,5\n");

        Assert.Equal((0, 1), (file.Updated, file.Quarantined));
        Assert.Equal([(2, "department", "STO",
            "differs from questionnaire R-1 as already loaded (LOG); the rows of a response_id must share department, quarter and customer")], rows);
    }

    [Fact]
    public void Reloading_a_consistent_file_changes_nothing()
    {
        Load("first.csv", Samples.Surveys.Split('\n', 2)[1]);

        var (file, rows) = Load("first.csv", Samples.Surveys.Split('\n', 2)[1]);

        Assert.Equal((3, 3, 0), (file.Read, file.Unchanged, file.Quarantined));
        Assert.Empty(rows);
    }
}
