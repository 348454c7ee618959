using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

internal sealed class CheckMapper : IStagingMapper
{
    public DataKind Kind => DataKind.Checks;

    public StagedRow? Stage(RowReader row, int line)
    {
        var id = row.Required("check_id");
        var department = row.Required("department");
        var month = row.RequiredMonth("month");
        var kindText = row.Required("kind");
        var kind = kindText.ToLowerInvariant() switch
        {
            "self" or "自查" or "内部自查" or "self-check" => "self",
            "spot" or "抽查" or "工作组抽查" or "spot-check" => "spot",
            "" => null,
            _ => Invalid(row, kindText),
        };
        var score = row.RequiredDecimal("score");
        if (row.Optional("score") is not null && !row.HasErrorIn("score")) row.RequireRange("score", score, 0, 100);
        var checkedOn = row.OptionalDate("checked_on");
        return row.HasErrors || kind is null
            ? null
            : new StagedCheck(line, id, department, month, kind, score, row.Optional("inspector"), checkedOn, row.Optional("note"));
    }

    private static string? Invalid(RowReader row, string text)
    {
        row.Fail("kind", text, "must be self/自查 or spot/抽查");
        return null;
    }
}
