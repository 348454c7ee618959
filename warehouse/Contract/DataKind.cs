namespace QualityAnalytics.Warehouse.Contract;

/// <summary>The kinds of the data contract, in the order a load takes them: dimensions before the facts that
/// refer to them, checks before their deductions.</summary>
public enum DataKind
{
    Departments = 0,
    SurveyQuestions = 1,
    Checks = 2,
    CheckDeductions = 3,
    Surveys = 4,
    Complaints = 5,
    Callbacks = 6,
}

public static class DataKindNames
{
    /// <summary>The contract's snake_case name, as printed by `qa load`.</summary>
    public static string Name(this DataKind kind) => kind switch
    {
        DataKind.Departments => "departments",
        DataKind.SurveyQuestions => "survey_questions",
        DataKind.Checks => "checks",
        DataKind.CheckDeductions => "check_deductions",
        DataKind.Surveys => "surveys",
        DataKind.Complaints => "complaints",
        DataKind.Callbacks => "callbacks",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsDimension(this DataKind kind) => kind is DataKind.Departments or DataKind.SurveyQuestions;
}
