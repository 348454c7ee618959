using QualityAnalytics.Warehouse.Quality;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>A survey-questions file that lowers a question's 满分 below an answer already stored would leave that answer
/// outside 0..scale (the contract's rule, and `qa verify`'s error): the question row is quarantined, naming the
/// question, the new scale, the highest stored answer and its response; the question keeps its scale and the answers
/// stay. Lowering a scale that no stored answer exceeds, or raising it, simply updates the question.</summary>
public sealed class QuestionScaleTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private void LoadQuestionsAndAnswers()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("questions.csv", Samples.Questions); // Q3 scale 10
        _w.Write("surveys.csv", "response_id,department,quarter,customer,question,score\n" +
            "R-1,LOG,2026Q2,甲,Q3,10\nR-2,LOG,2026Q2,乙,Q3,10\nR-3,LOG,2026Q2,丙,Q3,4\nR-1,LOG,2026Q2,甲,Q1,2\n");
        Assert.All(_w.Load(_w.Inbox).Files, f => Assert.Equal(0, f.Quarantined));
    }

    [Fact]
    public void Lowering_a_scale_below_a_stored_answer_quarantines_the_question_row_and_the_warehouse_still_verifies()
    {
        LoadQuestionsAndAnswers();
        var shrink = _w.Write("shrink/questions.csv", "question,text,weight,scale\nQ1,服务态度,0.4,5\nQ3,综合满意度,0.3,5\n");

        var file = _w.Load(shrink).Files.Single();

        Assert.Equal((2, 0, 0, 1, 1), (file.Read, file.Loaded, file.Updated, file.Unchanged, file.Quarantined));
        using (var db = _w.Db.CreateContext())
        {
            var row = Assert.Single(db.QuarantinedRows.ToList());
            // The highest stored answer (10, given by: the first response_id names it).
            Assert.Equal((3, "scale", "5", "scale 5 of question Q3 is below an answer already loaded (10, response R-1); the question keeps its scale of 10"),
                (row.Line, row.Column, row.Value, row.Reason));
        }
        Assert.Equal(10m, Convert.ToDecimal(_w.Scalar("SELECT scale FROM dim_survey_question WHERE question = 'Q3'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, _w.Count("fact_survey_answer", "question = 'Q3'"));
        using var connection = _w.Db.OpenConnection();
        var failing = DataTestRunner.Run(connection).Where(r => r.FailedAsError).Select(r => r.Test.Name + ": " + string.Join(", ", r.Examples));
        Assert.Empty(failing);
    }

    [Theory]
    [InlineData("4", 4)]   // lowered from 5, still above Q1's only stored answer (2)
    [InlineData("12", 12)] // raised: nothing stored can exceed it
    public void A_scale_no_stored_answer_exceeds_updates_the_question(string scale, int expected)
    {
        LoadQuestionsAndAnswers();
        // Q1's only answer is 2: a scale of 4 or 12 leaves it inside.
        var change = _w.Write("change/questions.csv", $"question,text,weight,scale\nQ1,服务态度,0.4,{scale}\n");

        var file = _w.Load(change).Files.Single();

        Assert.Equal((1, 0), (file.Updated, file.Quarantined));
        Assert.Equal(expected, Convert.ToDecimal(_w.Scalar("SELECT scale FROM dim_survey_question WHERE question = 'Q1'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Lowering_to_exactly_the_highest_stored_answer_is_allowed()
    {
        LoadQuestionsAndAnswers();
        var change = _w.Write("change/questions.csv", "question,text,weight,scale\nQ1,服务态度,0.4,2\n");

        var file = _w.Load(change).Files.Single();

        Assert.Equal((1, 0), (file.Updated, file.Quarantined));
    }
}
