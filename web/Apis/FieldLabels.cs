using System.Globalization;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Web.Apis;

/// <summary>Columns in the request's language (<see cref="FieldNames"/>).</summary>
internal static class FieldLabels
{
    /// <summary>A contract field by its English name (a changed row's field): 受理时间（received_at）on the Chinese page,
    /// received_at on the English one.</summary>
    public static string Of(string? kind, string field, CultureInfo culture) => FieldNames.Label(kind, field, IsChinese(culture));

    /// <summary>A quarantined row's or a warning's column as recorded, the file's header first: 受理时间（received_at）or
    /// received_at（受理时间）on the Chinese page, 受理时间 (received_at) or received_at on the English one.</summary>
    public static string OfRecorded(string? kind, string column, CultureInfo culture) => FieldNames.Recorded(kind, column, IsChinese(culture));

    private static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
