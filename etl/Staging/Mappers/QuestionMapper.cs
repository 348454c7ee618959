using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

internal sealed class QuestionMapper : IStagingMapper
{
    public DataKind Kind => DataKind.SurveyQuestions;

    public StagedRow? Stage(RowReader row, int line)
    {
        var question = row.Required("question");
        var text = row.Required("text");
        var weight = row.RequiredDecimal("weight");
        var scale = row.RequiredDecimal("scale");
        if (!row.HasErrors && weight <= 0) row.Fail("weight", row.Optional("weight"), "must be greater than 0");
        if (!row.HasErrors && scale <= 0) row.Fail("scale", row.Optional("scale"), "must be greater than 0");
        return row.HasErrors ? null : new StagedQuestion(line, question, text, weight, scale);
    }
}
