using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace QualityAnalytics.Web.Tests.Api;

/// <summary>A CSV uploaded through the data desk's API as its page sends it (multipart, the antiforgery header): the
/// load's answer (batch id, each file's counts).</summary>
internal static class DeskUpload
{
    public static async Task<JsonElement> Csv(HttpClient client, string name, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "files", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/data/uploads") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", await DashboardFactory.Token(client, "/data"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
