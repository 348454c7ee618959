using QualityAnalytics.Etl.Loading;
using QualityAnalytics.Warehouse.Scoring.Mart;

namespace QualityAnalytics.Etl.Tests.Loading;

/// <summary>The working group's exclusion of a disputed questionnaire (第十一条, <c>qa exclude</c>) is changed only by
/// another of its decisions, never by a load: re-sending the same survey file undid it. The file's 是否剔除 column
/// still governs the exclusions that came from files.</summary>
public sealed class WorkingGroupExclusionTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private const string Surveys =
        "response_id,department,quarter,customer,question,score,excluded\n" +
        "R-1,LOG,2026Q2,华中公司,Q1,5,否\nR-1,LOG,2026Q2,华中公司,Q2,4,否\n" +
        "R-2,LOG,2026Q2,华南公司,Q1,3,是\nR-2,LOG,2026Q2,华南公司,Q2,2,是\n";

    private string Surveyed()
    {
        _w.Write("departments.csv", Samples.Departments);
        _w.Write("questions.csv", Samples.Questions);
        var surveys = _w.Write("surveys.csv", Surveys);
        _w.Load(_w.Inbox);
        return surveys;
    }

    private void Decide(string response, bool excluded)
    {
        using var db = _w.Db.CreateContext();
        QuestionnaireExclusion.Set(db, response, excluded, "wg", excluded ? "客户异议" : null, _w.Clock);
    }

    private string Exclusion(string response) =>
        string.Join(";", Enumerable.Range(1, 2).Select(q =>
            $"{_w.Integer($"SELECT CASE WHEN excluded THEN 1 ELSE 0 END FROM fact_survey_answer WHERE response_id = '{response}' AND question = 'Q{q}'")}" +
            $"|{_w.Scalar($"SELECT excluded_by FROM fact_survey_answer WHERE response_id = '{response}' AND question = 'Q{q}'")}" +
            $"|{_w.Scalar($"SELECT excluded_reason FROM fact_survey_answer WHERE response_id = '{response}' AND question = 'Q{q}'")}"));

    [Fact]
    public void Reloading_the_same_survey_file_keeps_the_working_groups_exclusion_and_changes_nothing()
    {
        var surveys = Surveyed();
        Decide("R-1", excluded: true);
        var changesBefore = _w.Count("row_change");

        var file = Assert.Single(_w.Load(surveys).Files);

        Assert.Equal((0, 0, 4), (file.Loaded, file.Updated, file.Unchanged));
        Assert.Equal("1|wg|客户异议;1|wg|客户异议", Exclusion("R-1"));
        Assert.Equal(changesBefore, _w.Count("row_change"));
    }

    [Fact]
    public void A_file_that_changes_other_values_updates_them_and_keeps_the_decision()
    {
        var surveys = Surveyed();
        Decide("R-1", excluded: true);

        File.WriteAllText(surveys, Surveys.Replace("R-1,LOG,2026Q2,华中公司,Q2,4,否", "R-1,LOG,2026Q2,华中公司,Q2,3,否"));
        var file = Assert.Single(_w.Load(surveys).Files);

        Assert.Equal((1, 3), (file.Updated, file.Unchanged));
        Assert.Equal(3m, Convert.ToDecimal(_w.Scalar("SELECT score FROM fact_survey_answer WHERE response_id = 'R-1' AND question = 'Q2'"),
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1|wg|客户异议;1|wg|客户异议", Exclusion("R-1"));
        Assert.Equal("{\"score\":\"3.0\"}", _w.Scalar("SELECT new_values FROM row_change WHERE batch_id > 0"));
    }

    [Fact]
    public void A_decision_taken_back_is_the_working_groups_too_and_a_reload_does_not_exclude_again()
    {
        // R-2 came excluded from its file; the working group decided it counts.
        var surveys = Surveyed();
        Decide("R-2", excluded: false);

        var file = Assert.Single(_w.Load(surveys).Files);

        Assert.Equal(0, file.Updated);
        Assert.Equal("0||;0||", Exclusion("R-2"));
    }

    [Fact]
    public void The_files_column_still_governs_exclusions_that_came_from_files()
    {
        var surveys = Surveyed();

        File.WriteAllText(surveys, Surveys.Replace("华南公司,Q1,3,是", "华南公司,Q1,3,否").Replace("华南公司,Q2,2,是", "华南公司,Q2,2,否"));
        var file = Assert.Single(_w.Load(surveys).Files);

        Assert.Equal(2, file.Updated);
        Assert.Equal("0||;0||", Exclusion("R-2"));
    }

    [Fact]
    public void The_dry_run_predicts_no_change_to_a_decided_exclusion()
    {
        var surveys = Surveyed();
        Decide("R-1", excluded: true);

        var (updated, changes) = new FileLoader(_w.Db, _w.Clock).Check([surveys], (result, rows) =>
            (Assert.Single(result.Files).Updated, rows.ChangesOf(result.Files[0]).Count()));

        Assert.Equal((0, 0), (updated, changes));
    }
}
