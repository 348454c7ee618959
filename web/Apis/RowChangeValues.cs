using System.Text.Json;

namespace QualityAnalytics.Web.Apis;

/// <summary>The loader's record of a change keeps the changed columns as one JSON object ({"valid":"1"}); the desk lists
/// them column by column, each value as its text (null when the column was empty).</summary>
internal static class RowChangeValues
{
    public static Dictionary<string, string?> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        });
    }
}
