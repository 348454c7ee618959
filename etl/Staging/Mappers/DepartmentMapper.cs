using QualityAnalytics.Etl.Parsing;
using QualityAnalytics.Warehouse.Contract;
namespace QualityAnalytics.Etl.Staging.Mappers;

/// <summary>A department. Its code (and its parent's) typed in full-width is read as ASCII (ＬＯＧ is LOG), like every
/// code a fact names (<see cref="Loading.ReferenceResolver.Department"/>). A code with white space inside or a control
/// character is refused: facts name a department by its exact code, and no one types "LOG 2" or a line break the same
/// way twice. A parent that names no department is the loader's to judge (it may come later in the file).</summary>
internal sealed class DepartmentMapper : IStagingMapper
{
    public DataKind Kind => DataKind.Departments;

    public StagedRow? Stage(RowReader row, int line)
    {
        var written = row.Required("code");
        var code = ValueParsers.DepartmentCode(written);
        if (HasSpaceOrControl(code)) row.Fail("code", written, UnusableCode);
        var name = row.Required("name");
        var parent = row.Optional("parent_code") is { } p ? ValueParsers.DepartmentCode(p) : null;
        return row.HasErrors ? null : new StagedDepartment(line, code, name, row.Optional("manager"), parent);
    }

    internal const string UnusableCode = "must not contain white space or control characters (a department code is matched exactly)";

    private static bool HasSpaceOrControl(string code)
    {
        foreach (var c in code)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return true;
        }
        return false;
    }
}
