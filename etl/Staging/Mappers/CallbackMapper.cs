using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

internal sealed class CallbackMapper(StagingRules rules) : IStagingMapper
{
    public DataKind Kind => DataKind.Callbacks;

    public StagedRow? Stage(RowReader row, int line)
    {
        var id = row.Required("callback_id");
        var department = row.Required("department");
        var calledOn = row.RequiredDate("called_on");
        var findingText = row.Required("finding");
        var finding = findingText.ToLowerInvariant() switch
        {
            "none" or "无" or "无问题" or "正常" => "none",
            "incomplete" or "记录不全" => "incomplete",
            "mismatch" or "与实际不符" or "回访记录和实际情况不符" => "mismatch",
            "" => null,
            _ => Invalid(row, findingText),
        };
        var deduction = row.OptionalDecimal("deduction");
        if (finding == "none" && deduction is > 0)
            row.Fail("deduction", row.Optional("deduction"), "must be 0 or empty when the finding is none");
        if (finding is "incomplete" or "mismatch" && deduction is { } d)
            row.RequireRange("deduction", d, rules.CallbackDeductionMin, rules.CallbackDeductionMax);
        return row.HasErrors || finding is null
            ? null
            : new StagedCallback(line, id, department, calledOn, finding, finding == "none" ? 0m : deduction, row.Optional("customer"), row.Optional("note"));
    }

    private static string? Invalid(RowReader row, string text)
    {
        row.Fail("finding", text, "must be none/无, incomplete/记录不全 or mismatch/与实际不符");
        return null;
    }
}
