using System.Globalization;
using QualityAnalytics.Warehouse.Contract;

namespace QualityAnalytics.Web.Apis;

/// <summary>A recorded column in the request's language (<see cref="FieldNames.Label"/>): the header as the file wrote it,
/// then what it does not say — 受理时间（received_at）or received_at（受理时间）on the Chinese page, 受理时间 (received_at)
/// or received_at on the English one.</summary>
internal static class FieldLabels
{
    public static string Of(string? kind, string column, CultureInfo culture) =>
        FieldNames.Label(kind, column, culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
}
