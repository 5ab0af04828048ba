using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotionControl.Testing.Tests.Emulator;

/// <summary>A reply read whole: status, headers and body text, with the body parsed on demand.</summary>
internal sealed class Reply
{
    private JsonElement? _json;

    public Reply(HttpResponseMessage response, string text)
    {
        Response = response;
        Text = text;
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public string Text { get; }

    public JsonElement Json => _json ??= JsonDocument.Parse(Text).RootElement.Clone();

    public string? Header(string name) =>
        Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    public override string ToString() => $"{(int)Status} {Text}";
}

/// <summary>Plain-HttpClient helpers: the SDK clients are not used here, the wire is.</summary>
internal static class EmulatorHttp
{
    public static HttpClient Client(MotionControlEmulator emulator, string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public static Task<Reply> PostAsync(this HttpClient client, string path, JsonNode body, CancellationToken cancellationToken = default) =>
        client.SendAsync(HttpMethod.Post, path, body.ToJsonString(), cancellationToken);

    public static Task<Reply> GetReplyAsync(this HttpClient client, string path, CancellationToken cancellationToken = default) =>
        client.SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public static async Task<Reply> SendAsync(this HttpClient client, HttpMethod method, string path, string? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request, cancellationToken);
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Reply(response, text);
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static JsonElement At(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element;
    }
}
