using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

internal sealed class DepartmentMapper : IStagingMapper
{
    public DataKind Kind => DataKind.Departments;

    public StagedRow? Stage(RowReader row, int line)
    {
        var code = row.Required("code");
        var name = row.Required("name");
        return row.HasErrors ? null : new StagedDepartment(line, code, name, row.Optional("manager"), row.Optional("parent_code"));
    }
}
