using System.Text;
using QualityAnalytics.Warehouse.Schema;

namespace QualityAnalytics.Web.Tests.Jobs;

/// <summary>Files to drop into an inbox, and a dump of the warehouse's data that ignores which batch wrote a row
/// (a rerun after a crash writes under a new batch id; the data must be the same). Either provider: values are
/// compared between two warehouses of the same pass.</summary>
internal static class JobTestData
{
    public const string Departments = "code,name\nLOG,物流业务部\nSTO,储运中心\n";

    public static string Complaints(int rows)
    {
        var sb = new StringBuilder("complaint_id,department,received_at,channel,valid,category,description\n");
        for (var i = 1; i <= rows; i++)
            sb.Append($"J-{i:D6},{(i % 2 == 0 ? "LOG" : "STO")},2026-{4 + i % 3:D2}-{1 + i % 28:D2} {8 + i % 10:D2}:{i % 60:D2},电话,{(i % 9 == 0 ? "否" : "是")},响应不及时,第{i}条投诉\n");
        return sb.ToString();
    }

    public static string Dump(WarehouseDb warehouse)
    {
        using var connection = warehouse.OpenConnection();
        var sb = new StringBuilder();
        foreach (var (table, columns) in new[]
                 {
                     ("dim_department", "code, name, manager, valid_from, valid_to, is_current"),
                     ("dim_category", "name"), ("dim_customer", "name"),
                     ("fact_complaint", "complaint_id, received_at, quarter_key, channel_key, valid, description"),
                     ("mart_complaint_summary", "quarter_key, month_key, department_code, channel, category, complaints, valid_complaints"),
                     ("mart_assessment", "quarter_key, department_code, policy_version, total, grade, amount"),
                 })
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT {columns} FROM {table} ORDER BY {columns}";
            using var r = cmd.ExecuteReader();
            sb.AppendLine("## " + table);
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++) sb.Append(r.IsDBNull(i) ? "∅" : r.GetValue(i).ToString()).Append('|');
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }
}
