using System.Globalization;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Web.Apis;

/// <summary>A contract field in the request's language (<see cref="FieldNames"/>): 受理时间（received_at）on the Chinese
/// page, received_at on the English one.</summary>
internal static class FieldLabels
{
    public static string Of(string? kind, string column, CultureInfo culture) =>
        FieldNames.Label(kind, column, culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
}
