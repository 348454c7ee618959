using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

/// <summary>One answer. Its range (0..scale of its question) needs the question, so the loader checks it.</summary>
internal sealed class SurveyAnswerMapper : IStagingMapper
{
    public DataKind Kind => DataKind.Surveys;

    public StagedRow? Stage(RowReader row, int line)
    {
        var id = row.Required("response_id");
        var department = row.Required("department");
        var quarter = row.RequiredQuarter("quarter");
        var customer = row.Required("customer");
        var question = row.Required("question");
        var score = row.RequiredDecimal("score");
        if (row.Optional("score") is not null && !row.HasErrorIn("score") && score < 0)
            row.Fail("score", row.Optional("score"), "must not be negative");
        var submitted = row.OptionalDate("submitted_on");
        var excluded = row.OptionalBool("excluded") ?? false;
        return row.HasErrors
            ? null
            : new StagedSurveyAnswer(line, id, department, quarter, customer, question, score, submitted, excluded,
                row.Optional("excluded_by"), row.Optional("excluded_reason"), row.Optional("note"));
    }
}
