using System.Text.Encodings.Web;
using System.Text.Json;

namespace QualityAnalytics.Etl.Loading;

/// <summary>The change history's JSON: Chinese stays readable (no \uXXXX), since people read these rows.</summary>
internal static class ChangeJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}
