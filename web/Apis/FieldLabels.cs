using System.Globalization;
using QualityAnalytics.Etl.Staging;

namespace QualityAnalytics.Web.Apis;

/// <summary>A contract field as the data desk's reader knows it. The loader records fields by the contract's English
/// names (received_at); a department's file may head the column 受理时间 instead, so the Chinese page names both,
/// 受理时间（received_at）, and the English page the English name. A name that is no field of the kind (a row-level
/// reason, a stored column of its own) stays as recorded.</summary>
internal static class FieldLabels
{
    public static string Of(string? kind, string column, CultureInfo culture)
    {
        if (!culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return column;
        var field = KindSchemas.All.FirstOrDefault(s => s.Kind.Name() == kind)?.Columns.FirstOrDefault(c => c.Name == column);
        return field is null ? column : $"{field.ChineseName}（{column}）";
    }
}
