using System.Net;
using System.Text;
using System.Text.Json;
using MotionControl.Providers.Vydra;
using MotionControl.Serialization;

namespace MotionControl.Tests.Providers;

/// <summary>
/// <see cref="MotionControlTask.Raw"/> is the vendor's reply, kept as bytes and parsed only when read: once, from any
/// number of threads, and with the same equality as an eagerly parsed element.
/// </summary>
public class RawJsonTests
{
    private const string JobJson = """
        {"id":"job-1","status":"processing","progress":40,"statusMessage":"Rendering","creditsCharged":40,"output":null,"vendorOnly":{"nested":[1,2,3]},"createdAt":"2026-01-02T03:04:05.000Z","completedAt":null}
        """;

    [Fact]
    public async Task Raw_is_the_vendor_reply_exactly()
    {
        using var client = Client(JobJson);

        var task = await client.GetTaskAsync("job-1");

        Assert.Equal(JobJson, task.Raw?.GetRawText());
        Assert.Equal(3, task.Raw?.GetProperty("vendorOnly").GetProperty("nested").GetArrayLength());
    }

    [Fact]
    public async Task Raw_is_not_parsed_until_read_and_then_only_once()
    {
        using var client = Client(JobJson);

        var task = await client.GetTaskAsync("job-1");
        _ = task.ToString();
        _ = task.Status;

        Assert.False(task.RawJson!.IsParsed);
        var first = task.Raw!.Value;
        var second = task.Raw!.Value;
        Assert.Equal(1, task.RawJson.ParseCount);
        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    [Fact]
    public async Task Raw_read_from_many_threads_at_once_is_parsed_once_and_is_the_same_element_everywhere()
    {
        using var client = Client(JobJson);
        var task = await client.GetTaskAsync("job-1");
        const int Threads = 16;
        using var start = new Barrier(Threads);
        var seen = new JsonElement[Threads];

        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            seen[i] = task.Raw!.Value;
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(1, task.RawJson!.ParseCount);
        Assert.All(seen, element => Assert.True(EqualityComparer<JsonElement>.Default.Equals(seen[0], element)));
        Assert.All(seen, element => Assert.Equal(JobJson, element.GetRawText()));
    }

    [Fact]
    public async Task Raw_outlives_the_reply_and_the_client()
    {
        MotionControlTask task;
        using (var client = Client(JobJson))
        {
            task = await client.GetTaskAsync("job-1");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal("Rendering", task.Raw?.GetProperty("statusMessage").GetString());
    }

    [Fact]
    public async Task ToString_is_unchanged_and_never_shows_the_raw_payload()
    {
        using var client = Client(JobJson);

        var task = await client.GetTaskAsync("job-1");

        Assert.Equal("vydra task job-1 Processing (processing) 40%", task.ToString());
        Assert.False(task.RawJson!.IsParsed);
    }

    [Fact]
    public async Task Equality_is_as_before_a_copy_is_equal_and_separate_reads_are_not_and_comparing_does_not_parse()
    {
        using var client = Client(JobJson);
        var task = await client.GetTaskAsync("job-1");
        var again = await client.GetTaskAsync("job-1");

        var copy = task with { };
        Assert.Equal(task, copy);
        Assert.Equal(task.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(task, again);
        Assert.False(task.RawJson!.IsParsed);
        Assert.False(again.RawJson!.IsParsed);

        // Handing the element on keeps it equal, as a JsonElement always did (same document, same position).
        var handedOn = again with { Raw = task.Raw };
        Assert.Equal(task, handedOn);
        Assert.Equal(task.GetHashCode(), handedOn.GetHashCode());
        Assert.NotEqual(task, task with { Raw = null });
    }

    [Fact]
    public void A_task_built_by_hand_returns_the_element_it_was_given()
    {
        using var document = JsonDocument.Parse("""{"a":1}""");
        var task = new MotionControlTask { Id = "1", ProviderName = "p", Status = MotionControlTaskStatus.Queued, Raw = document.RootElement };

        Assert.True(EqualityComparer<JsonElement>.Default.Equals(document.RootElement, task.Raw!.Value));
        Assert.Null((task with { Raw = null }).Raw);
        Assert.Null(new MotionControlTask { Id = "1", ProviderName = "p", Status = MotionControlTaskStatus.Queued }.Raw);
    }

    [Theory]
    [InlineData("""["job-1"]""", "expected a JSON object, found Array")]
    [InlineData("\"job-1\"", "expected a JSON object, found String")]
    [InlineData("  42 ", "expected a JSON object, found Number")]
    [InlineData("null", "expected a JSON object, found Null")]
    [InlineData("{\"id\":\"job-1\",", "the reply is not the JSON expected")]
    [InlineData("{\"id\":\"job-1\"} trailing", "the reply is not the JSON expected")]
    [InlineData("<html>proxy</html>", "the reply is not the JSON expected")]
    public async Task A_reply_that_is_not_a_JSON_object_is_a_protocol_error_as_before(string body, string expected)
    {
        using var client = Client(body, maxRetries: 0);

        var error = await Assert.ThrowsAsync<MotionControlProtocolException>(() => client.GetTaskAsync("job-1"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LazyJson_equality_never_parses_and_matches_JsonElement_identity()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"a":1}""");
        var one = new LazyJson(bytes);
        var two = new LazyJson(bytes);

        Assert.Equal(one, one);
        Assert.NotEqual(one, two);
        Assert.False(one.IsParsed);
        Assert.False(two.IsParsed);
        Assert.Equal(one, LazyJson.FromElement(one.Element));
        Assert.NotEqual(one, LazyJson.FromElement(two.Element));
    }

    private static VydraClient Client(string reply, int maxRetries = 3) =>
        new(
            new VydraOptions { ApiKey = "vydra_test_key_0000", BaseAddress = new Uri("http://vydra.test/"), MaxRetryAttempts = maxRetries },
            new HttpClient(new FixedReply(reply)));

    private sealed class FixedReply(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
    }
}
