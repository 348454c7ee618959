using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

internal sealed class CheckDeductionMapper : IStagingMapper
{
    public DataKind Kind => DataKind.CheckDeductions;

    public StagedRow? Stage(RowReader row, int line)
    {
        var id = row.Required("check_id");
        var item = row.Required("item");
        var points = row.RequiredDecimal("points");
        if (!row.HasErrors) row.RequireRange("points", points, 0, 100);
        return row.HasErrors ? null : new StagedCheckDeduction(line, id, item, points, row.Optional("note"));
    }
}
