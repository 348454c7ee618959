namespace QualityAnalytics.Warehouse.Contract;

public sealed record ColumnSpec(string Name, string ChineseName, bool Required);

public sealed record KindSchema(DataKind Kind, IReadOnlyList<ColumnSpec> Columns)
{
    public IEnumerable<ColumnSpec> RequiredColumns => Columns.Where(c => c.Required);
}

/// <summary>The column table of the data contract, English and Chinese names, required ones marked.</summary>
public static class KindSchemas
{
    private static ColumnSpec R(string name, string zh) => new(name, zh, true);
    private static ColumnSpec O(string name, string zh) => new(name, zh, false);

    public static readonly IReadOnlyList<KindSchema> All =
    [
        new(DataKind.Departments, [R("code", "部门编码"), R("name", "部门名称"), O("manager", "负责人"), O("parent_code", "上级部门编码")]),
        new(DataKind.Checks, [R("check_id", "检查编号"), R("department", "部门编码"), R("month", "月份"), R("kind", "检查类型"), R("score", "得分"),
            O("inspector", "检查人"), O("checked_on", "检查日期"), O("note", "备注")]),
        new(DataKind.CheckDeductions, [R("check_id", "检查编号"), R("item", "考核项目"), R("points", "扣分"), O("note", "备注")]),
        new(DataKind.SurveyQuestions, [R("question", "题号"), R("text", "题目"), R("weight", "权重"), R("scale", "满分")]),
        new(DataKind.Surveys, [R("response_id", "问卷编号"), R("department", "部门编码"), R("quarter", "季度"), R("customer", "客户名称"),
            R("question", "题号"), R("score", "评分"), O("submitted_on", "提交日期"), O("excluded", "是否剔除"), O("note", "备注"),
            O("excluded_by", "剔除人"), O("excluded_reason", "剔除原因")]),
        new(DataKind.Complaints, [R("complaint_id", "投诉编号"), R("department", "部门编码"), R("received_at", "受理时间"), R("channel", "投诉渠道"),
            R("valid", "是否有效"), O("customer", "客户名称"), O("category", "投诉类别"), O("description", "投诉内容"), O("replied_at", "回复时间"),
            O("resolved_at", "解决时间"), O("direct_deduction", "主业直接扣分"), O("handler", "处理人"), O("satisfaction", "处理满意度")]),
        new(DataKind.Callbacks, [R("callback_id", "回访编号"), R("department", "部门编码"), R("called_on", "回访日期"), R("finding", "回访问题"),
            O("deduction", "扣分"), O("customer", "客户名称"), O("note", "备注")]),
    ];

    public static KindSchema For(DataKind kind) => All.First(s => s.Kind == kind);
}
