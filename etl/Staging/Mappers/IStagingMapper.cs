using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

/// <summary>Turns a raw row into a staged row: rename, parse, convert and check what one row can check on its own.
/// No lookups and no joins here (the loader resolves departments and questions).</summary>
public interface IStagingMapper
{
    DataKind Kind { get; }
    StagedRow? Stage(RowReader row, int line);
}

public sealed record StagingRules(decimal CallbackDeductionMin = 0.5m, decimal CallbackDeductionMax = 1m);

public static class StagingMappers
{
    public static IStagingMapper For(DataKind kind, StagingRules rules) => kind switch
    {
        DataKind.Departments => new DepartmentMapper(),
        DataKind.SurveyQuestions => new QuestionMapper(),
        DataKind.Checks => new CheckMapper(),
        DataKind.CheckDeductions => new CheckDeductionMapper(),
        DataKind.Surveys => new SurveyAnswerMapper(),
        DataKind.Complaints => new ComplaintMapper(),
        DataKind.Callbacks => new CallbackMapper(rules),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
