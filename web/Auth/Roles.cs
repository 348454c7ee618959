namespace QualityAnalytics.Web.Auth;

/// <summary>The four roles of the product, and the authorisation policies built on them.</summary>
public static class Roles
{
    /// <summary>质量管理委员会: reads everything, approves quarters.</summary>
    public const string Committee = "committee";
    /// <summary>质量管理工作小组: administers users, uploads, notes, jobs and the policy.</summary>
    public const string WorkingGroup = "working_group";
    /// <summary>部门负责人: sees only their own department's rows, everywhere.</summary>
    public const string DepartmentManager = "department_manager";
    /// <summary>Reads everything, changes nothing.</summary>
    public const string Viewer = "viewer";

    public static readonly string[] All = [Committee, WorkingGroup, DepartmentManager, Viewer];

    public const string CanRead = "can-read";
    public const string CanAdminister = "can-administer";
    public const string CanApprove = "can-approve";

    public static string Label(string role, bool chinese) => (role, chinese) switch
    {
        (Committee, true) => "质量管理委员会",
        (WorkingGroup, true) => "质量管理工作小组",
        (DepartmentManager, true) => "部门负责人",
        (Viewer, true) => "查看者",
        (Committee, false) => "Quality committee",
        (WorkingGroup, false) => "Working group",
        (DepartmentManager, false) => "Department manager",
        _ => "Viewer",
    };
}
